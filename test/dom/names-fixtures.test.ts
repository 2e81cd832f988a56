// The name-variant fixture pages (spellings, singulars, capitals, and the traps), scanned with the matcher compiled from the real dataset (the
// variants and strengths come from the build, core/names): how other outlets write the
// names (every one marked) and the traps (none marked). Expected mentions beside the pages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { aliasEntriesFromDataset, compileIndex, loadMatcher } from '../../core/matcher';
import { collapse, fixturePath, loadFixture, rangeReadingText, startScanner, summary } from './helpers';

interface Expected {
  note: string;
  mentions: { entity: string; text: string }[];
}

const PAGES = ['names-variants', 'names-traps'];
const dataset = JSON.parse(readFileSync(resolve(process.cwd(), 'data/dataset.json'), 'utf8')) as Dataset;
const matcher = loadMatcher(compileIndex(aliasEntriesFromDataset(dataset)));

describe.each(PAGES)('names fixture page %s (real dataset)', (name) => {
  const expected = JSON.parse(readFileSync(fixturePath(`${name}.expected.json`), 'utf8')) as Expected;

  it('finds exactly the expected mentions, in document order, each over exactly its text', async () => {
    const h = startScanner(loadFixture(`${name}.html`), { matcher });
    await h.sched.settle();
    expect(h.errors).toEqual([]);
    expect(summary(h.scanner.mentions())).toEqual(expected.mentions);
    for (const m of h.scanner.mentions()) expect(rangeReadingText(m.range)).toBe(collapse(m.text));
  });
});

describe('the traps page without its diplomacy section', () => {
  it('marks nothing at all: a page plainly about Moscow, and ordinary words, are left alone', async () => {
    const doc = loadFixture('names-traps.html');
    doc.querySelectorAll('section')[3]!.remove();
    const h = startScanner(doc, { matcher });
    await h.sched.settle();
    expect(summary(h.scanner.mentions())).toEqual([]);
  });
});
