// The vertical slice in both browsers: the built extension marks "Churkin" on a news page,
// a real hover shows his card, its source link opens the viewer at the quote, and the popup
// lists him.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, Source } from '../../core/dataset-types';
import { parseViewerHash } from '../../core/links';
import { loadDataset } from './harness/seed-page';
import { hoverForCard, sleep } from './harness/card-helpers';
import {
  ARTIFACTS,
  assertBuilt,
  BROWSERS,
  byFc,
  launch,
  poll,
  startServer,
  textOf,
  type Driver,
  type PageServer,
  type TestPage,
} from './harness';

let dataset: Dataset;
let afp: Source;

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
  const found = dataset.sources.find((s) => s.text.includes('Vitaly Churkin'));
  if (!found) throw new Error('the dataset has no source mentioning Vitaly Churkin');
  afp = found;
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe.each(BROWSERS)('%s: the Factcard vertical slice', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let page: TestPage;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
    page = await driver.open(server.url(`/seed/${afp.id}.html`));
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('marks the mentions with the CSS Custom Highlight API, without touching the page DOM', async () => {
    const ranges = await poll(
      () =>
        page.evaluate(() => {
          const texts: string[] = [];
          let live = 0;
          CSS.highlights.forEach((h, name) => {
            if (!String(name).startsWith('factcard-')) return;
            h.forEach((r) => {
              // The highlights hold StaticRanges: live Ranges would slow every DOM change the page makes.
              if (!(r instanceof StaticRange)) live++;
              const span = document.createRange();
              span.setStart(r.startContainer, r.startOffset);
              span.setEnd(r.endContainer, r.endOffset);
              texts.push(span.toString());
            });
          });
          const churkin = texts.filter((t) => t.includes('Churkin'));
          return churkin.length ? { churkin, live } : null;
        }),
      'highlights of Churkin',
    );
    expect(ranges.churkin).toEqual(expect.arrayContaining(['Vitaly Churkin', 'Churkin']));
    expect(ranges.live, 'live Ranges among the highlights').toBe(0);
    // Byte-identical DOM: the live document serialises exactly like a fresh parse of the same HTML.
    const same = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      return fresh.documentElement.outerHTML === document.documentElement.outerHTML;
    });
    expect(same).toBe(true);
  });

  it('a real hover over "Churkin" shows his card: name, role from the AFP text, a quote, and its source link', async () => {
    const card = await hoverForCard(page, 'Churkin', 1);
    expect(card.name).toBe('Vitaly Churkin');
    expect(card.type).toMatch(/person/i);
    // The role is the AFP article's own words, and the card says where it comes from.
    expect(card.description).toContain('Russian Ambassador to the UN');
    expect(afp.text).toContain('Russian Ambassador to the UN Vitaly Churkin');
    expect(card.quotes.length).toBeGreaterThan(0);
    for (const q of card.quotes) {
      expect(q.speaker).toBe('Vitaly Churkin');
      const target = parseViewerHash(new URL(q.href ?? '').hash);
      expect(target).not.toBeNull();
      const source = dataset.sources.find((s) => s.id === target?.source);
      // The link points at exactly the words the card shows.
      expect(source?.text.slice(target?.start, target?.end)).toBe(q.text);
    }
    expect(card.quotes.map((q) => q.text).join('\n')).toContain('bringing peace is almost an impossible task now');
    await sleep(250); // the fade-in: the screenshot shows the card as the reader sees it
    await page.screenshot(join(ARTIFACTS, `${browserName}-card.png`));
  });

  it('the quote link opens the bundled source viewer with the quote highlighted and in view', async () => {
    const root = await page.readShadow();
    const link = root ? byFc(root, 'quote-link')[0] : undefined;
    const quote = root ? byFc(root, 'quote-text')[0] : undefined;
    expect(link?.ref).toBeDefined();
    const box = await page.boxOf(link?.ref as string | number);
    await page.click(box.x + box.width / 2, box.y + box.height / 2);
    const viewer = await driver.waitForTab(driver.extensionUrl('/viewer.html'));
    const marked = await poll(
      () =>
        viewer.evaluate(() => {
          const m = document.querySelector('mark[data-fc="cited"]');
          if (!m) return null;
          const r = m.getBoundingClientRect();
          // Scrolling may still be under way: wait until the mark is in view.
          return r.top >= 0 && r.bottom <= innerHeight ? { text: m.textContent } : null;
        }),
      'the cited span in the viewer, in view',
    );
    expect(marked.text).toBe(quote ? textOf(quote) : '∅');
    await viewer.screenshot(join(ARTIFACTS, `${browserName}-viewer.png`));
    await viewer.close();
  });

  it('Escape closes the card', async () => {
    await page.press('Escape');
    await poll(async () => (await page.readShadow()) === null, 'the card to close');
  });

  it('the popup lists Churkin with his mention count', async () => {
    const tabId = await driver.tabIdOf(page.url());
    const popup = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
    const entry = await poll(
      () =>
        popup.evaluate(() => {
          const li = document.querySelector('[data-fc="entity"][data-entity="vitaly-churkin"]');
          return li ? { name: li.querySelector('[data-fc="entity-name"]')?.textContent, count: li.querySelector('[data-fc="entity-count"]')?.textContent } : null;
        }),
      'Churkin in the popup',
    );
    expect(entry.name).toBe('Vitaly Churkin');
    const expected = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (!String(name).startsWith('factcard-') || name === 'factcard-active') return;
        h.forEach((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          if (live.toString().includes('Churkin')) n++;
        });
      });
      return n;
    });
    expect(Number(entry.count)).toBe(expected);
    await popup.screenshot(join(ARTIFACTS, `${browserName}-popup.png`));
    await popup.close();
  });
});
