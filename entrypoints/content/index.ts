import { defineContentScript } from 'wxt/utils/define-content-script';
import { trustOwnRealm } from '../../dom/builtins';
import { bundledMatcher, prepareHighlighter, readSettings, startFactcard, whenParsed } from './app';
import { preloadLibraryIndex } from './library-sync';

export default defineContentScript({
  matches: ['<all_urls>'],
  // document_start, not document_end: document_end scripts run only after the browser's first
  // frame (~300 ms after DOMContentLoaded on the 2 MB benchmark page). Injected early, we read
  // the settings while the page parses and start scanning in DOMContentLoaded.
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // WXT tells an older copy of this script (after an update) to stop with a DOM event, and by
  // default also with a window.postMessage to the page. That message costs 11–20 ms at
  // document_start in Chromium (performance marks around it, 10 KB benchmark page), tells every
  // page that Factcard is installed, and reaches the page's own message listeners: off.
  noScriptStartedPostMessage: true,
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
