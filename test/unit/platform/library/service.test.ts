// The background's library service over fake IndexedDB: preview, save, duplicates, the merged
// index published once per change, cards that mark library lines, delete + undo, import/export.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../core/dataset-types';
import type { ArticleDraft } from '../../../../core/library/types';
import { loadMatcher } from '../../../../core/matcher';
import { LibraryService, type PublishedIndex } from '../../../../platform/library/service';
import { LibraryStore } from '../../../../platform/library/store';

const root = resolve(import.meta.dirname, '../../../..');
const bundled = JSON.parse(readFileSync(resolve(root, 'data/dataset.json'), 'utf8')) as Dataset;
const text = readFileSync(resolve(root, 'test/fixtures/library/harbour.txt'), 'utf8');

let n = 0;
function setup() {
  const published: PublishedIndex[] = [];
  const storeP = LibraryStore.open(`svc-${n++}`);
  let t = Date.parse('2026-11-26T10:00:00Z');
  const service = new LibraryService({ bundled, store: () => storeP, publish: async (p) => void published.push(p), now: () => new Date((t += 1000)) });
  return { service, published, storeP };
}

const draft: ArticleDraft = { title: 'Harbour plan divides Port Elwyn', outlet: 'Elwyn Gazette', author: 'R. Quill', published: '2026-11-20', url: 'https://gazette.example/harbour', text };

describe('LibraryService', () => {
  it('previews people with roles, quotes with speakers and the statement count, saving nothing', async () => {
    const { service, published, storeP } = setup();
    const r = await service.preview(draft);
    if (!r.ok) throw new Error(r.error);
    const lind = r.preview.people.find((p) => p.name === 'Tobias Lindqvist');
    expect(lind).toMatchObject({ isNew: true, role: 'trawler captain in the port for thirty years', quotes: 1 });
    expect(r.preview.quotes.find((q) => q.text.startsWith('My father'))?.speakerName).toBe('Tobias Lindqvist');
    expect(r.preview.statements).toBeGreaterThan(0);
    expect(r.preview.duplicate).toBe(false);
    expect(await (await storeP).count()).toBe(0);
    expect(published).toEqual([]);
  });

  it('saves once, recognises the same text again, and publishes one merged index per change', async () => {
    const { service, published } = setup();
    const first = await service.save(draft);
    expect(first).toMatchObject({ ok: true, duplicate: false, newPeople: 2 });
    const again = await service.save({ ...draft, title: 'Another title', text: `\n${text}\r\n` });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(published).toHaveLength(1);
    const index = published[0]!.index!;
    const matcher = loadMatcher(index);
    const found = matcher.find('Yesterday Tobias Lindqvist met Vitaly Churkin.').map((m) => m.entity);
    expect(found).toEqual(expect.arrayContaining(['tobias-lindqvist', 'vitaly-churkin']));
    expect((await service.preview(draft)).ok && (await service.preview(draft))).toMatchObject({ preview: { duplicate: true } });
  });

  it('cards merge bundled and library lines and mark the library ones; the viewer gets the library source', async () => {
    const { service } = setup();
    const saved = await service.save(draft);
    if (!saved.ok) throw new Error(saved.error);
    const index = await service.index();
    const card = index.card('tobias-lindqvist')!;
    expect(card.quotes[0]).toMatchObject({ text: 'My father fished here, and his father before him', library: true, source: saved.id, outlet: 'Elwyn Gazette' });
    expect(card.description?.library).toBe(true);
    expect(card.quotes[0]!.original).toMatch(/^https:\/\/gazette\.example\/harbour#:~:text=/);
    const bundledCard = index.card('vitaly-churkin')!;
    expect(bundledCard.quotes.every((q) => q.library === undefined)).toBe(true);
    const v = await service.viewerData(saved.id, 'tobias-lindqvist');
    expect(v?.library).toBe(true);
    expect(v?.source.text).toBe(text.trim());
    expect(v?.citations.length).toBeGreaterThan(0);
  });

  it('refuses an empty paste, a short text, an oversized text and a bad date, naming the field', async () => {
    const { service } = setup();
    expect(await service.save({ ...draft, text: '   ' })).toEqual({ ok: false, error: 'article: text: the article text is empty' });
    expect(await service.save({ ...draft, text: 'Too short.' })).toMatchObject({ ok: false, error: expect.stringMatching(/^article: text: .*too short/) });
    expect(await service.save({ ...draft, text: 'a '.repeat(1_100_000) })).toMatchObject({ ok: false, error: expect.stringMatching(/^article: text: .*more than the library takes/) });
    expect(await service.save({ ...draft, published: '20 Nov' })).toMatchObject({ ok: false, error: expect.stringMatching(/published/) });
    expect(await service.list()).toEqual([]);
  });

  it('deletes with undo, and the published index drops and regains the person', async () => {
    const { service, published } = setup();
    const saved = await service.save(draft);
    if (!saved.ok) throw new Error(saved.error);
    const removed = await service.remove(saved.id);
    expect(published.at(-1)?.index).toBeNull();
    expect(await service.list()).toEqual([]);
    expect(await service.restore(removed!)).toMatchObject({ ok: true });
    expect(loadMatcher(published.at(-1)!.index!).find('Tobias Lindqvist').map((m) => m.entity)).toEqual(['tobias-lindqvist']);
    const tampered = { ...removed!, text: `${removed!.text} (edited)` };
    await service.remove(saved.id);
    expect(await service.restore(tampered)).toMatchObject({ ok: false });
  });

  it('exports and imports round trip; a bad file is refused whole, naming entry and field', async () => {
    const a = setup();
    await a.service.save(draft);
    await a.service.save({ ...draft, title: 'Second', text: text.replace('Tuesday', 'Wednesday') });
    const file = JSON.stringify(await a.service.exportFile());

    const b = setup();
    await b.service.save(draft);
    expect(await b.service.importFile(file, 'lib.json')).toEqual({ ok: true, added: 1, skipped: 1 });
    expect((await b.service.list()).map((x) => x.title).sort()).toEqual(['Harbour plan divides Port Elwyn', 'Second']);

    const c = setup();
    await c.service.save(draft);
    const before = await c.service.list();
    const doc = JSON.parse(file);
    doc.entries[1].title = 42;
    expect(await c.service.importFile(JSON.stringify(doc), 'bad.json')).toEqual({ ok: false, error: 'bad.json: entries[1].title: expected a string\nNothing was imported: the library is unchanged.' });
    const doc2 = JSON.parse(file);
    doc2.entries[0].text += ' tampered';
    expect(await c.service.importFile(JSON.stringify(doc2), 'bad2.json')).toMatchObject({ ok: false, error: expect.stringContaining('bad2.json: entries[0].hash: does not match') });
    expect(await c.service.importFile('{not json', 'bad3.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^bad3\.json: not JSON/) });
    expect(await c.service.list()).toEqual(before);
  });

  it('re-runs extraction on entries saved by an older extractor', async () => {
    const { service, storeP } = setup();
    const saved = await service.save(draft);
    if (!saved.ok) throw new Error(saved.error);
    const store = await storeP;
    const e = (await store.get(saved.id))!;
    await store.replace({ ...e, extractor: 0, extraction: { entities: [], quotes: [], statements: [], mentions: [] } });
    const fresh = new LibraryService({ bundled, store: () => storeP, publish: async () => undefined });
    expect((await fresh.list())[0]).toMatchObject({ stale: true, quotes: 0 });
    expect(await fresh.reextract()).toBe(1);
    expect((await fresh.list())[0]).toMatchObject({ stale: false, quotes: 2 });
  });

  it('a full disk (quota error) gives a clear message and loses nothing already saved', async () => {
    const { service, storeP, published } = setup();
    await service.save(draft);
    const store = await storeP;
    const full = Object.create(store) as typeof store;
    full.add = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const onFull = new LibraryService({ bundled, store: async () => full, publish: async (p) => void published.push(p) });
    const r = await onFull.save({ ...draft, title: 'Second', text: text.replace('Tuesday', 'Friday') });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Not done: .*\(storage quota reached\)\. Nothing was changed/) });
    expect((await onFull.list()).map((x) => x.title)).toEqual(['Harbour plan divides Port Elwyn']);
    expect(published).toHaveLength(1);
  });
});

