import { defineContentScript } from 'wxt/utils/define-content-script';
import { CardHost } from './content/card-host';
import { provideCardUi } from './content/card-ui';
import { EVERY_PAGE_AND_FRAME } from './content/reach';

// The card UI (content/card-ui.ts says why it is a script of its own): loaded once the page is
// parsed and idle, wherever the document_start script runs.
export default defineContentScript({
  ...EVERY_PAGE_AND_FRAME,
  runAt: 'document_idle',
  main() {
    provideCardUi({ createHost: (doc) => new CardHost(doc) });
  },
});
