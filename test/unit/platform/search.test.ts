// The background's search directory: every entity of the current (merged) index, rebuilt when
// the library changes the index, and found by the popup's search.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { DatasetIndex } from '../../../core/card-model';
import type { Dataset, Entity } from '../../../core/dataset-types';
import { mergeLibrary } from '../../../core/library/merge';
import type { LibraryEntry } from '../../../core/library/types';
import { EntitySearch } from '../../../core/search';
import { createSearchHandlers } from '../../../platform/search';

const bundled = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
const popup = { id: 'abc' } as Browser.runtime.MessageSender;

const text = 'Jane Roe spoke. Jane Roe, a judge, said so.';
const jane: Entity = {
  id: 'lib-jane-roe',
  name: 'Jane Roe',
  type: 'person',
  aliases: [{ text: 'Jane Roe', strength: 'strong', caseSensitive: true }, { text: 'Roe', strength: 'weak', caseSensitive: true }],
  description: { source: 'lib-a', start: 26, end: 33, text: 'a judge' },
  citations: [],
  roles: [],
};
const entry: LibraryEntry = {
  id: 'lib-a',
  hash: '',
  meta: { id: 'lib-a', title: 'a', titleDerived: false, outlet: 'o', published: '', dateline: '', url: null },
  author: '',
  text,
  addedAt: '1',
  extractor: 1,
  extraction: { entities: [jane], quotes: [], statements: [], mentions: [{ entity: jane.id, source: 'lib-a', start: 0, end: 8 }, { entity: jane.id, source: 'lib-a', start: 16, end: 24 }] },
};

describe('searchDirectory', () => {
  it('lists every bundled entity when the library is empty', async () => {
    const handlers = createSearchHandlers({ index: async () => new DatasetIndex(bundled) });
    const dir = await handlers.searchDirectory({}, popup);
    expect(dir.map((e) => e.id).sort()).toEqual(bundled.entities.map((e) => e.id).sort());
  });

  it('follows the index: a library person appears once the library holds them, and is found', async () => {
    let index = new DatasetIndex(bundled);
    const handlers = createSearchHandlers({ index: async () => index });
    expect((await handlers.searchDirectory({}, popup)).some((e) => e.id === jane.id)).toBe(false);
    const merged = mergeLibrary(bundled, [entry]);
    index = new DatasetIndex(merged.dataset, merged.librarySources);
    const dir = await handlers.searchDirectory({}, popup);
    expect(dir.find((e) => e.id === jane.id)).toEqual({ id: jane.id, name: 'Jane Roe', type: 'person', aliases: ['Jane Roe', 'Roe'], weight: 2, role: 'a judge' });
    expect(new EntitySearch(dir).search('jane ROE').hits[0]).toMatchObject({ id: jane.id, kind: 'name' });
  });
});
