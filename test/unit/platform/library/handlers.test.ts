// The library's message handlers, called directly, and the background's getCards/openViewer
// over the merged index they keep.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { Dataset } from '../../../../core/dataset-types';
import { createBackgroundHandlers } from '../../../../platform/background-handlers';
import { createLibraryHandlers } from '../../../../platform/library/handlers';
import { LibraryService } from '../../../../platform/library/service';
import { LibraryStore } from '../../../../platform/library/store';

const root = resolve(import.meta.dirname, '../../../..');
const bundled = JSON.parse(readFileSync(resolve(root, 'data/dataset.json'), 'utf8')) as Dataset;
const text = readFileSync(resolve(root, 'test/fixtures/library/harbour.txt'), 'utf8');
const sender = { id: 'abc', frameId: 0, tab: { id: 4, index: 1 } as Browser.tabs.Tab } as Browser.runtime.MessageSender;

describe('library handlers', () => {
  it('save → getCards shows the new person with a library quote → openViewer opens the library source', async () => {
    const store = LibraryStore.open('handlers-1');
    const service = new LibraryService({ bundled, store: () => store, publish: async () => undefined });
    const lib = createLibraryHandlers(service);
    const openTab = vi.fn(async () => undefined);
    const bg = createBackgroundHandlers({ index: () => service.index(), getURL: (p) => `ext://x${p}`, openTab, setToolbar: async () => undefined });

    expect(await bg.getCards({ ids: ['tobias-lindqvist'] }, sender)).toEqual([]);
    const saved = await lib.librarySave({ article: { title: 'Harbour', outlet: '', author: '', published: '', url: null, text } }, sender);
    if (!saved.ok) throw new Error(saved.error);
    const [card] = await bg.getCards({ ids: ['tobias-lindqvist', 'vitaly-churkin'] }, sender);
    expect(card?.quotes.map((q) => [q.text, q.library])).toEqual([['My father fished here, and his father before him', true]]);
    expect(card?.quotes[0]?.outlet).toBe('Pasted text');

    const q = card!.quotes[0]!;
    await bg.openViewer({ target: { source: q.source, start: q.start, end: q.end, entity: card!.id } }, sender);
    expect(openTab).toHaveBeenCalledWith({ url: `ext://x/viewer.html#src=${q.source}&span=${q.start}-${q.end}&entity=tobias-lindqvist`, openerTabId: 4, index: 2 });

    expect((await lib.libraryCounts({}, sender)).sources).toBe(1);
    expect((await lib.viewerSource({ source: q.source }, sender))?.library).toBe(true);
    expect(await lib.libraryImport({ json: 5 as unknown as string, file: 'x.json' }, sender)).toMatchObject({ ok: false });
    await lib.libraryDelete({ id: saved.id }, sender);
    expect(await bg.getCards({ ids: ['tobias-lindqvist'] }, sender)).toEqual([]);
  });
});
