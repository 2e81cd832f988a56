// The IndexedDB store with fake-indexeddb: add, look up by hash, all-or-nothing imports,
// and the v1 → v2 migration on a database written by the old schema.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { LibraryStore, LibraryStoreError, storeError } from '../../../../platform/library/store';
import type { LibraryEntry } from '../../../../core/library/types';

let n = 0;
const dbName = () => `test-library-${n++}`;

function entry(i: number, hash = i.toString(16).padEnd(64, '0')): LibraryEntry {
  const id = `lib-${hash.slice(0, 16)}`;
  return {
    id,
    hash,
    meta: { id, title: `Article ${i}`, titleDerived: false, outlet: 'Gazette', published: '2026-11-20', dateline: '', url: null },
    author: '',
    text: `Text ${i}`,
    addedAt: `2026-11-2${i}T10:00:00.000Z`,
    extractor: 1,
    extraction: { entities: [], quotes: [], statements: [], mentions: [] },
  };
}

describe('LibraryStore', () => {
  it('keeps entries, finds one by its hash, and deletes returning what it removed', async () => {
    const store = await LibraryStore.open(dbName());
    await store.add(entry(1));
    await store.add(entry(2));
    expect((await store.all()).map((e) => e.id).sort()).toEqual([entry(1).id, entry(2).id].sort());
    expect((await store.byHash(entry(2).hash))?.meta.title).toBe('Article 2');
    expect(await store.byHash('f'.repeat(64))).toBeUndefined();
    expect((await store.delete(entry(1).id))?.id).toBe(entry(1).id);
    expect(await store.count()).toBe(1);
    store.close();
  });

  it('refuses the same text twice with a clear message', async () => {
    const store = await LibraryStore.open(dbName());
    await store.add(entry(1));
    const again = { ...entry(1), id: 'lib-ffffffffffffffff' };
    await expect(store.add(again)).rejects.toThrow(/already in the library/);
    expect(await store.count()).toBe(1);
    store.close();
  });

  it('adds a batch all-or-nothing: one duplicate leaves the store as it was', async () => {
    const store = await LibraryStore.open(dbName());
    await store.add(entry(1));
    await expect(store.addAll([entry(2), entry(3), entry(1)])).rejects.toBeInstanceOf(LibraryStoreError);
    expect((await store.all()).map((e) => e.id)).toEqual([entry(1).id]);
    await store.addAll([entry(2), entry(3)]);
    expect(await store.count()).toBe(3);
    store.close();
  });

  it('survives closing and reopening (what a browser restart does)', async () => {
    const name = dbName();
    const a = await LibraryStore.open(name);
    await a.add(entry(4));
    a.close();
    const b = await LibraryStore.open(name);
    expect((await b.get(entry(4).id))?.text).toBe('Text 4');
    b.close();
  });

  it('migrates a version 1 database: records kept, hash index added, extractor set to 0', async () => {
    const name = dbName();
    const v1 = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('sources', { keyPath: 'id' }) });
    const old = entry(5) as Partial<LibraryEntry>;
    delete old.extractor;
    await v1.put('sources', old);
    v1.close();
    const store = await LibraryStore.open(name);
    const got = await store.byHash(entry(5).hash);
    expect(got?.id).toBe(entry(5).id);
    expect(got?.extractor).toBe(0);
    store.close();
  });

  it('turns a quota error into a message that says nothing was changed', () => {
    const e = storeError(new DOMException('full', 'QuotaExceededError'), 'Saving "X"');
    expect(e.kind).toBe('quota');
    expect(e.message).toMatch(/quota.*Nothing was changed/);
  });
});
