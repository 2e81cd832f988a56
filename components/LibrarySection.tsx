import { useState } from 'preact/hooks';
import type { ArticleDraft, LibraryListItem } from '../core/library/types';
import { formatDate, plural } from './format';

export type LibraryNotice = { kind: 'ok' | 'error'; text: string; undo?: boolean } | null;

export interface LibrarySectionProps {
  items: LibraryListItem[] | null;
  notice: LibraryNotice;
  busy: boolean;
  /** The viewer's address for a library source. */
  viewerHref: (id: string) => string;
  onDelete: (id: string) => void;
  onUndo: () => void;
  onReextract: (id?: string) => void;
  onExport: () => void;
  /** A chosen or dropped file: an article (.txt/.md/.html) or a library export (.json). */
  onFile: (file: File, as: 'article' | 'import') => void;
  /** Reads an article file into the form. Returns the draft or an error message. */
  onAdd: (draft: ArticleDraft) => Promise<boolean>;
  /** A draft to load into the form (from a dropped file). */
  loaded: ArticleDraft | null;
}

const EMPTY: ArticleDraft = { title: '', outlet: '', author: '', published: '', url: null, text: '' };

function matches(item: LibraryListItem, q: string): boolean {
  if (!q) return true;
  const hay = `${item.title} ${item.outlet} ${item.author} ${item.people.join(' ')}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The options page's Library section. Every string from a saved page is rendered as text. */
export function LibrarySection(props: LibrarySectionProps) {
  const { items, notice, busy, viewerHref, onDelete, onUndo, onReextract, onExport, onFile, onAdd, loaded } = props;
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<ArticleDraft>(EMPTY);
  const [loadedKey, setLoadedKey] = useState<ArticleDraft | null>(null);
  if (loaded && loaded !== loadedKey) {
    setLoadedKey(loaded);
    setDraft(loaded);
  }
  const shown = (items ?? []).filter((i) => matches(i, query));
  // Functional update: two fields changed before a re-render (autofill, paste tools) both stick.
  const set = <K extends keyof ArticleDraft>(k: K, v: ArticleDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const drop = (as: 'article' | 'import') => (e: DragEvent) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) onFile(f, as);
  };
  const pick = (as: 'article' | 'import') => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0];
    if (f) onFile(f, as);
    input.value = '';
  };

  return (
    <fieldset id="library" class="library" data-fc="library">
      <legend>Your library</legend>
      <p class="hint">
        Articles you added. Their people are marked on every page and their lines appear on cards, marked “your library”. Everything stays in this browser.
      </p>
      {notice ? (
        <p class={notice.kind === 'error' ? 'error notice' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-fc="library-notice">
          {notice.text}
          {notice.undo ? (
            <>
              {' '}
              <button type="button" data-fc="library-undo" onClick={onUndo}>
                Undo
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <div class="row">
        <input type="search" placeholder="Search title, outlet, people" value={query} aria-label="Search your library" data-fc="library-search" onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        <span class="hint" data-fc="library-count">
          {items === null ? 'Loading…' : query ? `${shown.length} of ${items.length}` : plural(items.length, 'article')}
        </span>
      </div>
      {items !== null && items.length === 0 ? <p class="hint">Your library is empty. Add the article you are reading from the toolbar popup, or paste one below.</p> : null}
      <ul class="lib-list" data-fc="library-list">
        {shown.map((item) => (
          <li key={item.id} data-fc="library-item" data-id={item.id}>
            <div class="lib-head">
              <a href={viewerHref(item.id)} target="_blank" rel="noopener" data-fc="library-open" class="lib-title">
                {item.title}
              </a>
              <span class="lib-actions">
                <button type="button" disabled={busy} data-fc="library-reextract" onClick={() => onReextract(item.id)} title="Run extraction on this article again">
                  Re-run
                </button>
                <button type="button" disabled={busy} data-fc="library-delete" onClick={() => onDelete(item.id)}>
                  Delete
                </button>
              </span>
            </div>
            <div class="hint">
              {item.outlet}
              {item.published ? ` · ${formatDate(item.published)}` : ''} · {plural(item.quotes, 'quote')}
              {item.stale ? ' · saved by an older extraction' : ''}
            </div>
            <div class="lib-people" data-fc="library-people">
              {item.people.length ? item.people.join(', ') : 'No people found'}
            </div>
          </li>
        ))}
      </ul>
      <div class="row lib-tools">
        <button type="button" disabled={busy || !items?.length} data-fc="library-export" onClick={onExport}>
          Export library…
        </button>
        <label class="file-btn" onDragOver={(e) => e.preventDefault()} onDrop={drop('import')}>
          Import library (.json)…
          <input type="file" accept=".json,application/json" data-fc="library-import" onChange={pick('import')} />
        </label>
        <button type="button" disabled={busy || !items?.length} data-fc="library-reextract-all" onClick={() => onReextract()}>
          Re-run extraction on all
        </button>
      </div>
      <p class="hint">Import is all-or-nothing: a file with any bad entry is refused, with the entry and field named, and the library is left as it was. Articles already in the library are skipped.</p>

      <details class="lib-add" data-fc="library-add" open={loaded !== null}>
        <summary>Add an article by pasting its text or dropping a file</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onAdd(draft).then((ok) => ok && setDraft(EMPTY));
          }}
        >
          <div class="drop" onDragOver={(e) => e.preventDefault()} onDrop={drop('article')} data-fc="library-drop">
            Drop a .txt, .md or .html file here, or{' '}
            <label class="file-link">
              choose one
              <input type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" data-fc="library-file" onChange={pick('article')} />
            </label>
          </div>
          <label class="field">
            <span>Title</span>
            <input required value={draft.title} data-fc="add-title-input" onInput={(e) => set('title', (e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>Outlet</span>
            <input value={draft.outlet} data-fc="add-outlet-input" onInput={(e) => set('outlet', (e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>Author</span>
            <input value={draft.author} onInput={(e) => set('author', (e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>Published</span>
            <input type="date" value={draft.published} data-fc="add-date-input" onInput={(e) => set('published', (e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>Address</span>
            <input type="url" placeholder="https://…" value={draft.url ?? ''} onInput={(e) => set('url', (e.target as HTMLInputElement).value.trim() || null)} />
          </label>
          <label class="field">
            <span>Text</span>
            <textarea rows={8} value={draft.text} data-fc="add-text-input" onInput={(e) => set('text', (e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" disabled={busy} data-fc="library-add-submit">
            Add to library
          </button>
        </form>
      </details>
    </fieldset>
  );
}
