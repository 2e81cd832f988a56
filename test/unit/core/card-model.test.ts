// The card model on the real dataset: every marked entity has a cited line, roles come with
// their sources, quotes carry the reason their speaker was found, and "Said about" lists what
// others say about an entity.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetIndex, sentenceAround } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
const index = new DatasetIndex(dataset);
const textOf = (source: string): string => dataset.sources.find((s) => s.id === source)!.text;

describe('card model', () => {
  it('gives every entity that is marked at least one cited line, verbatim', () => {
    const marked = new Set(dataset.mentions.map((m) => m.entity));
    const bare: string[] = [];
    for (const id of marked) {
      const c = index.card(id)!;
      const lines = [c.description, ...c.roles, ...c.quotes, ...c.statements, ...c.saidAbout, c.mentioned].filter((x) => x !== null);
      if (lines.length === 0) bare.push(id);
      for (const l of lines) expect(textOf(l!.source).slice(l!.start, l!.end)).toBe(l!.text);
    }
    expect(bare).toEqual([]);
  });

  it('shows what the sources say about Russia and Syria, each line with its speaker', () => {
    const russia = index.card('russia')!;
    const lines = russia.saidAbout.map((l) => `${l.speakerName}: ${l.text}`);
    expect(lines).toContain('Samantha Power: What Russia is sponsoring and doing is not counterterrorism. It is barbarism');
    // "Moscow" stands for Russia's government: its own entity, whose card cites the sources' use.
    expect(index.card('russian-government')!.description?.text).toContain('accused Moscow');
    expect(index.card('syria')!.saidAbout.length).toBeGreaterThan(0);
    expect(index.card('un-security-council')!.saidAbout.length).toBeGreaterThan(0);
  });

  it('lists every cited role, newest source first', () => {
    const ban = index.card('ban-ki-moon')!;
    expect(ban.roles.map((r) => [r.outlet, r.text])).toEqual([
      ['AFP (republished by the Taipei Times)', 'UN Secretary-General'],
      ['VOA (Voice of America)', 'U.N. Secretary-General'],
    ]);
    expect(ban.description?.text).toBe('UN Secretary-General');
  });

  it('says how each quote found its speaker', () => {
    const churkin = index.card('vitaly-churkin')!;
    const reason = (start: string) => churkin.quotes.find((q) => q.text.startsWith(start))?.reason;
    expect(reason('bringing peace')).toBe('Speaker named in the sentence: “Russian Ambassador to the UN Vitaly Churkin”');
    expect(reason('sabotage')).toBe('“he” refers back to Vitaly Churkin, the subject of the sentence before');
    const mouallem = index.card('walid-mouallem')!;
    expect(mouallem.quotes.find((q) => q.text.startsWith('not relent'))?.reason).toBe(
      '“the country\'s foreign minister” refers to Walid Mouallem, introduced with that role in the same article',
    );
    for (const q of churkin.quotes) expect(q.context).toContain(q.text);
  });

  it('finds the sentence around a mention', () => {
    const t = 'First one. Then the U.N. said Syria acted. Last.';
    const at = t.indexOf('Syria');
    expect(t.slice(...sentenceAround(t, at, at + 5))).toBe('Then the U.N. said Syria acted.');
  });
});
