import { defineContentScript } from 'wxt/utils/define-content-script';
import { trustOwnRealm } from '../../dom/builtins';
import { bundledMatcher, prepareHighlighter, readSettings, startFactcard, whenParsed } from './app';
import { preloadLibraryIndex } from './library-sync';
import { EVERY_PAGE_AND_FRAME } from './reach';

export default defineContentScript({
  ...EVERY_PAGE_AND_FRAME,
  // document_start, not document_end: document_end scripts run only after the browser's first
  // frame (~300 ms after DOMContentLoaded on the 2 MB benchmark page). Injected early, we read
  // the settings while the page parses and start scanning in DOMContentLoaded.
  runAt: 'document_start',
  main(ctx) {
    // A content script's world is its own: the page cannot reach our prototypes (see dom/builtins.ts).
    trustOwnRealm();
    const settings = readSettings();
    // The highlight stylesheet goes in while the page is still empty (dom/highlighter.ts).
    const highlighter = prepareHighlighter(ctx, settings);
    // The reader's library index is read beside the settings (library-sync.ts), and the
    // bundled index is loaded while the page parses, not in DOMContentLoaded.
    void preloadLibraryIndex();
    bundledMatcher();
    whenParsed(ctx, () => startFactcard(ctx, settings, highlighter));
  },
});
