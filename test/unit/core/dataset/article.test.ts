// The library's extraction contract (core/dataset/article.ts): new speakers found, every
// line verbatim at its offsets, known entities resolved to their dataset ids.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../core/dataset/article';
import type { Dataset } from '../../../../core/dataset-types';

const root = resolve(import.meta.dirname, '../../../..');
const dataset = JSON.parse(readFileSync(resolve(root, 'data/dataset.json'), 'utf8')) as Dataset;
const text = readFileSync(resolve(root, 'test/fixtures/library/harbour.txt'), 'utf8').trim();
const meta = { id: 'lib-0123456789abcdef', title: 'Harbour', titleDerived: false, outlet: 'Elwyn Gazette', published: '2026-11-20', dateline: '', url: null };

describe('extractArticle on a library article (test/fixtures/library/harbour.txt)', () => {
  const x = extractArticle({ meta, text }, dataset.entities);

  it('finds speakers no dataset knows, with the role the article states', () => {
    const byName = new Map(x.entities.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['Marguerite Okonkwo-Hale', 'Tobias Lindqvist']);
    expect(byName.get('Tobias Lindqvist')?.description?.text).toBe('trawler captain in the port for thirty years');
    expect(byName.get('Marguerite Okonkwo-Hale')?.description?.text).toBe("council's finance chair");
  });

  it('attributes the quotes, and every quote, statement, mention and role is verbatim at its offsets', () => {
    const speakerOf = (needle: string) => x.entities.find((e) => e.id === x.quotes.find((q) => q.text.includes(needle))?.speaker)?.name;
    expect(speakerOf('pouring money')).toBe('Marguerite Okonkwo-Hale');
    expect(speakerOf('My father fished')).toBe('Tobias Lindqvist');
    const spans = [...x.quotes, ...x.statements, ...x.entities.flatMap((e) => (e.description ? [e.description, ...e.citations] : e.citations))];
    for (const s of spans) {
      expect(s.source).toBe(meta.id);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    for (const m of x.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(x.mentions.some((m) => text.slice(m.start, m.end) === 'Lindqvist')).toBe(true);
  });

  it('resolves a known person to the dataset entity instead of inventing one', () => {
    const known = dataset.entities.find((e) => e.type === 'person' && e.aliases.some((a) => a.strength === 'strong'))!;
    const alias = known.aliases.find((a) => a.strength === 'strong')!.text;
    const t = `${text}\n\n"This is a matter for the whole region to settle together," ${alias} said on Wednesday in a short statement.`;
    const y = extractArticle({ meta, text: t }, dataset.entities);
    expect(y.entities.filter((e) => e.id !== known.id && e.name === known.name)).toEqual([]);
    expect(y.quotes.find((q) => q.text.startsWith('This is a matter'))?.speaker).toBe(known.id);
  });

  it('is deterministic and finds nobody in text without speech', () => {
    expect(extractArticle({ meta, text }, dataset.entities)).toEqual(x);
    const calm = extractArticle({ meta, text: 'The weather in the valley was mild. Rain fell on Tuesday and the river rose.' }, dataset.entities);
    expect(calm.entities).toEqual([]);
  });
});
