import { defineContentScript } from 'wxt/utils/define-content-script';
import { CardHost } from './content/card-host';
import { provideCardUi } from './content/card-ui';

// The card UI (content/card-ui.ts says why it is a script of its own): loaded once the page is
// parsed and idle, where the document_start script runs — every frame, about:blank ones too.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  // See content/index.ts: no message to the page.
  noScriptStartedPostMessage: true,
  main() {
    provideCardUi({ createHost: (doc) => new CardHost(doc) });
  },
});
