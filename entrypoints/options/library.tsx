// The options page's Library section, wired to the background (the library's one owner).

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LibrarySection, type LibraryNotice } from '../../components/LibrarySection';
import { viewerHash } from '../../core/links';
import type { ArticleDraft, LibraryEntry, LibraryListItem } from '../../core/library/types';
import { draftFromFile, fileKind, fileTooLarge } from '../../dom/file-text';
import { draftProblems, normaliseText } from '../../core/library/draft';
import { libraryIndexItem } from '../../platform/library/published-index';
import { sendToLibrary } from '../../platform/messaging';

export function LibraryPanel() {
  const [items, setItems] = useState<LibraryListItem[] | null>(null);
  const [notice, setNotice] = useState<LibraryNotice>(null);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<LibraryEntry | null>(null);
  const [loaded, setLoaded] = useState<ArticleDraft | null>(null);

  const refresh = () =>
    sendToLibrary('libraryList', {}).then(setItems, (e: unknown) => setNotice({ kind: 'error', text: `The library could not be read: ${String(e)}` }));
  useEffect(() => {
    void refresh();
    // A save from the popup (or another window) changes the published index: list again.
    return libraryIndexItem.watch(() => void refresh());
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  return (
    <LibrarySection
      items={items}
      notice={notice}
      busy={busy}
      loaded={loaded}
      viewerHref={(id) => browser.runtime.getURL('/viewer.html') + viewerHash({ source: id, start: 0, end: 0 })}
      onDelete={(id) =>
        void run(async () => {
          const entry = await sendToLibrary('libraryDelete', { id });
          setUndo(entry);
          setNotice(entry ? { kind: 'ok', text: `Deleted “${entry.meta.title}”.`, undo: true } : { kind: 'error', text: 'That article was already gone.' });
        })
      }
      onUndo={() =>
        void run(async () => {
          if (!undo) return;
          const r = await sendToLibrary('libraryRestore', { entry: undo });
          setUndo(null);
          setNotice(r.ok ? { kind: 'ok', text: `Restored “${undo.meta.title}”.` } : { kind: 'error', text: r.error });
        })
      }
      onReextract={(id) =>
        void run(async () => {
          const n = await sendToLibrary('libraryReextract', id ? { id } : {});
          setNotice({ kind: 'ok', text: `Extraction run again on ${n === 1 ? '1 article' : `${n} articles`}.` });
        })
      }
      onExport={() =>
        void run(async () => {
          const file = await sendToLibrary('libraryExport', {});
          const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = `factcard-library-${file.exportedAt.slice(0, 10)}.json`;
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          setNotice({ kind: 'ok', text: `Exported ${file.entries.length === 1 ? '1 article' : `${file.entries.length} articles`}.` });
        })
      }
      onFile={(file, as) =>
        void run(async () => {
          const big = fileTooLarge(file.name, file.size);
          if (big) return setNotice({ kind: 'error', text: big });
          const kind = fileKind(file.name);
          if (as === 'import' || kind === 'json') {
            const r = await sendToLibrary('libraryImport', { json: await file.text(), file: file.name });
            setNotice(r.ok ? { kind: 'ok', text: `Imported ${r.added} article${r.added === 1 ? '' : 's'}${r.skipped ? `; ${r.skipped} already in the library` : ''}.` } : { kind: 'error', text: r.error });
            return;
          }
          const read = draftFromFile(file.name, await file.text());
          if (!read.ok) return setNotice({ kind: 'error', text: read.error });
          setLoaded(read.draft);
          setNotice({ kind: 'ok', text: `Read ${file.name}: check the details, then “Add to library”.` });
        })
      }
      onAdd={async (draft) => {
        let ok = false;
        await run(async () => {
          // Checked here first too, so a 100 MB paste is refused without being sent anywhere.
          const problems = draftProblems({ ...draft, text: normaliseText(draft.text) });
          if (problems.length) return setNotice({ kind: 'error', text: `${problems.join('\n')}\nNothing was added.` });
          const r = await sendToLibrary('librarySave', { article: draft });
          if (!r.ok) return setNotice({ kind: 'error', text: `${r.error}\nNothing was added.` });
          ok = true;
          setNotice({ kind: 'ok', text: r.duplicate ? 'That article is already in your library.' : `Added “${draft.title.trim()}”.` });
        });
        return ok;
      }}
    />
  );
}
