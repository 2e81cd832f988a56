// Where both content scripts run (content/index.ts at document_start, card.content.ts at
// document_idle): every page and frame, about:blank and srcdoc ones too. Pinned by
// test/e2e/manifest.test.ts.
export const EVERY_PAGE_AND_FRAME = {
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // WXT tells an older copy of a script (after an update) to stop with a DOM event, and by
  // default also with a window.postMessage to the page. That message costs 11–20 ms at
  // document_start in Chromium (performance marks around it, 10 KB benchmark page), tells every
  // page that Factcard is installed, and reaches the page's own message listeners: off.
  noScriptStartedPostMessage: true,
};
