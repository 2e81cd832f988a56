// @vitest-environment happy-dom
// The library's UI pieces: a card marks library lines (and only those); the popup preview and
// the options list render a saved page's strings as text, never as HTML.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatasetIndex } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';
import { extractArticle } from '../../../core/dataset/article';
import { mergeLibrary } from '../../../core/library/merge';
import type { LibraryEntry } from '../../../core/library/types';
import { FactCard } from '../../../components/FactCard';
import { AddArticle } from '../../../components/AddArticle';
import { LibrarySection } from '../../../components/LibrarySection';

const root0 = resolve(import.meta.dirname, '../../..');
const dataset = JSON.parse(readFileSync(resolve(root0, 'data/dataset.json'), 'utf8')) as Dataset;
const text = readFileSync(resolve(root0, 'test/fixtures/library/harbour.txt'), 'utf8').trim();
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">Harbour';
let root: HTMLElement;

beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

function libraryIndex(): DatasetIndex {
  const id = 'lib-0123456789abcdef';
  const meta = { id, title: HOSTILE, titleDerived: false, outlet: 'Elwyn Gazette', published: '2026-11-20', dateline: '', url: null };
  const entry: LibraryEntry = { id, hash: '', meta, author: '', text, addedAt: '2026-11-26', extractor: 1, extraction: extractArticle({ meta, text }, dataset.entities) };
  const { dataset: merged, librarySources } = mergeLibrary(dataset, [entry]);
  return new DatasetIndex(merged, librarySources);
}

describe('library UI', () => {
  it('a card marks each library line "your library", and bundled cards have no such mark', () => {
    const index = libraryIndex();
    const mount = (id: string) =>
      act(() => render(<FactCard card={index.card(id)!} viewerHref={() => '#'} onOpenSource={vi.fn()} onSelectEntity={vi.fn()} onClose={vi.fn()} initialCount={10} />, root));
    mount('tobias-lindqvist');
    const marks = root.querySelectorAll('[data-fc="library-line"]').length;
    const lines = root.querySelectorAll('[data-fc="quote"], [data-fc="statement"], [data-fc="description"]').length;
    expect(marks).toBe(lines);
    expect(marks).toBeGreaterThan(1);
    mount('vitaly-churkin');
    expect(root.querySelectorAll('[data-fc="quote"]').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('[data-fc="library-line"]').length).toBe(0);
  });

  it('the popup preview and the options list show a page\'s markup as text', () => {
    const preview = { id: 'lib-x', title: HOSTILE, outlet: '<b>Out</b>', published: '', people: [{ id: 'p', name: '<i>Jane</i>', role: '<script>x</script>', isNew: true, quotes: 1 }], quotes: [{ speakerName: '<i>Jane</i>', text: '<img src=y>' }], statements: 0, duplicate: false };
    act(() => render(<AddArticle state={{ kind: 'preview', preview }} onAdd={vi.fn()} onSave={vi.fn()} onCancel={vi.fn()} onOpenLibrary={vi.fn()} />, root));
    expect(root.querySelector('[data-fc="add-title"]')?.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll('img, script, b, i').length).toBe(0);
    const item = { id: 'lib-x', title: HOSTILE, outlet: '<b>Out</b>', published: '', url: null, author: '', addedAt: '', people: ['<i>Jane</i>'], quotes: 1, chars: 10, stale: false };
    act(() =>
      render(
        <LibrarySection items={[item]} notice={null} busy={false} loaded={null} viewerHref={() => '#'} onDelete={vi.fn()} onUndo={vi.fn()} onReextract={vi.fn()} onExport={vi.fn()} onFile={vi.fn()} onAdd={async () => true} />,
        root,
      ),
    );
    expect(root.querySelector('[data-fc="library-open"]')?.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll('[data-fc="library-list"] img, [data-fc="library-list"] b, [data-fc="library-list"] i').length).toBe(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('search filters the list by title, outlet and people', () => {
    const mk = (id: string, title: string, people: string[]) => ({ id, title, outlet: 'O', published: '', url: null, author: '', addedAt: '', people, quotes: 0, chars: 1, stale: false });
    act(() =>
      render(
        <LibrarySection items={[mk('a', 'Harbour vote', ['Tobias Lindqvist']), mk('b', 'Budget', ['Jane Roe'])]} notice={null} busy={false} loaded={null} viewerHref={() => '#'} onDelete={vi.fn()} onUndo={vi.fn()} onReextract={vi.fn()} onExport={vi.fn()} onFile={vi.fn()} onAdd={async () => true} />,
        root,
      ),
    );
    const search = root.querySelector<HTMLInputElement>('[data-fc="library-search"]')!;
    act(() => {
      search.value = 'lindqvist';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...root.querySelectorAll('[data-fc="library-item"]')].map((li) => li.getAttribute('data-id'))).toEqual(['a']);
  });
});
