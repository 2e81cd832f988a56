// Saved pages with their expected mentions beside them (test/fixtures/pages/*.expected.json).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { aliasEntriesFromDataset, compileIndex, loadMatcher } from '../../core/matcher';
import { Highlighter } from '../../dom/highlighter';
import { builtinsFor } from '../../dom/builtins';
import { isBlockTag } from '../../dom/block-rules';
import { collapse, rangeReadingText, fakeRegistry, fixturePath, loadFixture, startScanner, summary } from './helpers';

interface Expected {
  note: string;
  mentions: { entity: string; text: string }[];
}

const PAGES = ['afp-aleppo', 'voa-syria', 'ordinary-senses', 'markup-exclusions'];

function serialize(doc: Document): string {
  return new (doc.defaultView as unknown as typeof globalThis).XMLSerializer().serializeToString(doc);
}

function blockOf(n: Node): Node | null {
  let p: Node | null = n.nodeType === 1 ? n : n.parentNode;
  while (p && !(p.nodeType === 1 && isBlockTag((p as Element).localName))) p = p.parentNode;
  return p;
}

describe.each(PAGES)('fixture page %s', (name) => {
  const expected = JSON.parse(readFileSync(fixturePath(`${name}.expected.json`), 'utf8')) as Expected;

  it('finds exactly the expected mentions, in document order', async () => {
    const doc = loadFixture(`${name}.html`);
    const h = startScanner(doc);
    await h.sched.settle();
    expect(h.errors).toEqual([]);
    expect(summary(h.scanner.mentions())).toEqual(expected.mentions);
  });

  it('maps every mention to a Range over exactly its text, inside one block', async () => {
    const doc = loadFixture(`${name}.html`);
    const h = startScanner(doc);
    await h.sched.settle();
    const b = builtinsFor(doc);
    for (const m of h.scanner.mentions()) {
      expect(rangeReadingText(m.range)).toBe(collapse(m.text));
      expect(b.isConnected(m.range.startContainer)).toBe(true);
      expect(blockOf(m.range.startContainer)).toBe(blockOf(m.range.endContainer));
    }
  });

  it('leaves the page DOM byte-identical after scanning and highlighting', async () => {
    const doc = loadFixture(`${name}.html`);
    const before = serialize(doc);
    const h = startScanner(doc);
    await h.sched.settle();
    const fake = new Highlighter(doc, fakeRegistry());
    fake.update(h.scanner.mentions());
    fake.setActive(h.scanner.mentions()[0] ?? null);
    const real = new Highlighter(doc); // happy-dom: no CSS.highlights, still no throw
    real.update(h.scanner.mentions());
    expect(serialize(doc)).toBe(before);
    fake.destroy();
    real.destroy();
    h.scanner.destroy();
    expect(serialize(doc)).toBe(before);
  });

  it('counts mentions by entity', async () => {
    const doc = loadFixture(`${name}.html`);
    const h = startScanner(doc);
    await h.sched.settle();
    const counts = new Map<string, number>();
    for (const m of expected.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    expect(h.scanner.countsByEntity()).toEqual(counts);
  });
});

describe('enabledTypes', () => {
  it('publishes only the enabled entity types', async () => {
    const doc = loadFixture('voa-syria.html');
    const h = startScanner(doc, { enabledTypes: new Set(['place'] as const) });
    await h.sched.settle();
    const ms = h.scanner.mentions();
    expect(ms.length).toBeGreaterThan(5);
    expect(new Set(ms.map((m) => m.type))).toEqual(new Set(['place']));
  });
});

describe('fixture pages with the real dataset (data/dataset.json)', () => {
  const path = resolve(process.cwd(), 'data/dataset.json');
  it.skipIf(!existsSync(path))('scans every page without errors, ranges exact, DOM untouched', async () => {
    const dataset = JSON.parse(readFileSync(path, 'utf8')) as Dataset;
    const matcher = loadMatcher(compileIndex(aliasEntriesFromDataset(dataset)));
    for (const name of PAGES) {
      const doc = loadFixture(`${name}.html`);
      const before = serialize(doc);
      const h = startScanner(doc, { matcher });
      await h.sched.settle();
      expect(h.errors).toEqual([]);
      expect(h.scanner.mentions().length).toBeGreaterThan(0);
      for (const m of h.scanner.mentions()) expect(rangeReadingText(m.range)).toBe(collapse(m.text));
      expect(serialize(doc)).toBe(before);
    }
  });
});
