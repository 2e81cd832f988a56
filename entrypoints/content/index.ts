import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFactcard } from './app';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startFactcard(ctx);
  },
});
