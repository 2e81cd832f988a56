import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { Driver, BrowserName, LaunchOptions } from './driver';

export * from './driver';
export * from './shadow';
export { startServer, type PageServer } from './server';
export { ARTIFACTS, assertBuilt } from './paths';

export const BROWSERS: BrowserName[] = (process.env.FACTCARD_BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox'];

export function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<Driver> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/** Centre of the first occurrence of `word` in the page's text, via a Range (as a user sees it). */
export async function wordCenter(page: import('./driver').TestPage, word: string, nth = 0): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ({ word, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        let i = text.indexOf(word);
        while (i !== -1) {
          // Whole words only: "Syria" inside "Syrian" is no mention of Syria.
          const edge = /[\p{L}\p{N}]/u;
          const whole = !edge.test(text.charAt(i - 1)) && !edge.test(text.charAt(i + word.length));
          if (whole && seen++ === nth) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + word.length);
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          i = text.indexOf(word, i + 1);
        }
      }
      return null;
    },
    { word, nth },
  );
  if (!box) throw new Error(`"${word}" (#${nth}) is not in the page`);
  return box;
}
