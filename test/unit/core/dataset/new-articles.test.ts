// Five unseen articles added the way a newcomer would: text + metadata, no registry edit.
// Measured against hand-written expectations (test/fixtures/articles/expected.ts):
// ≥ 90 % of the quotes with a nameable speaker attributed right, no wrong speaker, no scare
// or heading quote shown as speech, ≥ 80 % of the named people with their stated role.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../../core/dataset/build';
import { DatasetIndex } from '../../../../core/card-model';
import { personKey } from '../../../../core/dataset/article';
import type { Entity } from '../../../../core/dataset-types';
import { EXPECTED, SAME_REMARK } from '../../../fixtures/articles/expected';
import { realInputs, ROOT } from './helpers';

const DIR = 'test/fixtures/articles';

function buildWithArticles() {
  const inputs = realInputs();
  const added = EXPECTED.map((a) => ({
    textFile: `${DIR}/${a.stem}.txt`,
    metaFile: `${DIR}/${a.stem}.meta.yaml`,
    meta: parse(readFileSync(`${ROOT}${DIR}/${a.stem}.meta.yaml`, 'utf8')) as unknown,
    text: readFileSync(`${ROOT}${DIR}/${a.stem}.txt`, 'utf8'),
  }));
  return buildDataset({ ...inputs, sources: [...inputs.sources, ...added] });
}

const result = buildWithArticles();
const dataset = result.dataset!;
const byId = new Map(dataset.entities.map((e) => [e.id, e]));
const norm = (s: string): string => personKey(s.replace(/^(?:the|a|an)\s+/i, ''));
const isNamed = (e: Entity | undefined, name: string): boolean =>
  !!e && [e.name, ...e.aliases.map((a) => a.text)].some((n) => norm(n) === norm(name));
const entityNamed = (name: string): Entity | undefined => dataset.entities.find((e) => isNamed(e, name));

interface Score {
  nameable: number;
  right: number;
  wrong: string[];
  missed: string[];
  speechFromNonQuotes: string[];
  people: number;
  withRole: number;
  roleMisses: string[];
}

function score(): Score {
  const s: Score = { nameable: 0, right: 0, wrong: [], missed: [], speechFromNonQuotes: [], people: 0, withRole: 0, roleMisses: [] };
  for (const a of EXPECTED) {
    const quotes = dataset.quotes.filter((q) => q.source === a.id);
    for (const x of a.quotes) {
      const q = quotes.find((y) => y.text.startsWith(x.text));
      if (x.excluded) {
        // Not speech; a quoted subheading may go to the quote it echoes, and only to that speaker.
        if (q && !(x.echoOf && q.speaker && isNamed(byId.get(q.speaker), x.echoOf))) s.speechFromNonQuotes.push(`${a.stem}: ${x.text}`);
        continue;
      }
      const got = q?.speaker ? byId.get(q.speaker) : undefined;
      if (x.speaker === null) {
        if (got) s.wrong.push(`${a.stem}: "${x.text}" → ${got.name} (expected no speaker)`);
        continue;
      }
      s.nameable++;
      if (!q) s.missed.push(`${a.stem}: "${x.text}" not found as a quote`);
      else if (!got) s.missed.push(`${a.stem}: "${x.text}" → no speaker (expected ${x.speaker})`);
      else if (isNamed(got, x.speaker!)) s.right++;
      else s.wrong.push(`${a.stem}: "${x.text}" → ${got.name} (expected ${x.speaker})`);
    }
    for (const p of a.people) {
      s.people++;
      const e = entityNamed(p.name);
      const roles = e?.roles.filter((r) => r.source === a.id).map((r) => r.text) ?? [];
      if (roles.some((r) => norm(r) === norm(p.role))) s.withRole++;
      else s.roleMisses.push(`${a.stem}: ${p.name}: expected "${p.role}", got ${e ? JSON.stringify(roles) : 'no entity'}`);
    }
  }
  return s;
}

describe('five unseen articles, text and metadata only', () => {
  const s = score();

  it('build without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('attribute ≥ 90 % of the quotes that have a nameable speaker, and none wrongly', () => {
    // Printed so a run shows the figures the README quotes.
    console.info(`new articles: ${s.right}/${s.nameable} nameable quotes right; wrong: ${JSON.stringify(s.wrong)}; missed: ${JSON.stringify(s.missed)}`);
    expect(s.wrong).toEqual([]);
    expect(s.right / s.nameable).toBeGreaterThanOrEqual(0.9);
  });

  it('show no scare quote or heading as speech', () => {
    expect(s.speechFromNonQuotes).toEqual([]);
  });

  it('give ≥ 80 % of the named people their role as the article states it', () => {
    console.info(`new articles: ${s.withRole}/${s.people} people with their stated role; misses: ${JSON.stringify(s.roleMisses)}`);
    expect(s.withRole / s.people).toBeGreaterThanOrEqual(0.8);
  });

  it('make one entity of a person named in several articles, with every role cited', () => {
    const lavrov = entityNamed('Sergei Lavrov')!;
    expect(lavrov.roles.map((r) => [r.source, r.text])).toEqual([
      ['test-2016-10-03-moscow', 'Foreign Minister'],
      ['test-2016-09-26-un-blame', "Russia's Foreign Minister"],
    ]);
    const sources = new Set(dataset.mentions.filter((m) => m.entity === entityNamed('Staffan de Mistura')!.id).map((m) => m.source));
    expect(sources).toEqual(new Set(['test-2016-09-26-un-blame', 'test-2016-09-30-ankara-tehran']));
    // The registry's Assad and Ban gain the new articles' roles.
    expect(byId.get('bashar-al-assad')!.roles.some((r) => r.source === 'test-2016-10-03-moscow' && r.text === 'Syrian President')).toBe(true);
    expect(byId.get('ban-ki-moon')!.roles.some((r) => r.source === 'test-2016-09-29-geneva-aid')).toBe(true);
  });

  it('recognise the same remark in two outlets as one quote with two sources', () => {
    const a = dataset.quotes.find((q) => q.source === SAME_REMARK.a.id && q.text.startsWith(SAME_REMARK.a.text))!;
    const b = dataset.quotes.find((q) => q.source === SAME_REMARK.b.id && q.text.startsWith(SAME_REMARK.b.text))!;
    expect(a.sameAs).toContain(b.id);
    expect(b.sameAs).toContain(a.id);
  });

  it("show the remark once on the speaker's card, with both sources and the wording flagged", () => {
    const card = new DatasetIndex(dataset).card(entityNamed('Sergei Lavrov')!.id)!;
    const ultimatums = card.quotes.filter((q) => q.text.includes('ultimatums'));
    expect(ultimatums).toHaveLength(1);
    expect(ultimatums[0]!.alsoIn).toHaveLength(1);
    expect(ultimatums[0]!.wordingDiffers).toBe(true);
    // The newest source leads (Oct. 3), the Sept. 26 outlet is listed beside it.
    expect(ultimatums[0]!.source).toBe(SAME_REMARK.b.id);
    expect(ultimatums[0]!.alsoIn[0]!.source).toBe(SAME_REMARK.a.id);
  });

  it('keep every role verbatim at its offsets', () => {
    const text = new Map(dataset.sources.map((x) => [x.id, x.text]));
    for (const e of dataset.entities) for (const r of e.roles) expect(text.get(r.source)!.slice(r.start, r.end)).toBe(r.text);
  });
});
