// Mention detection in real browsers: on the saved fixture pages the built extension marks
// exactly what the Node pipeline (`npm run scan`, same matcher and DOM layer on happy-dom)
// finds; the page's DOM is left byte-identical; paragraphs added later get marked too.

import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../../core/dataset-types';
import { scanContent } from '../../scripts/scan';
import { loadDataset } from './harness/seed-page';
import { highlightTexts, markedCount, sleep, waitForMarks } from './harness/card-helpers';
import { assertBuilt, BROWSERS, poll, type TestPage } from './harness';
import { browserSession } from './harness/session';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const pages = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
let dataset: Dataset;

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
});

/**
 * A mention's text, compared without white space and soft hyphens: Range.toString() drops a
 * <br> inside a name ("Ban<br>Ki-moon") where the scanner reports a line break.
 */
const key = (t: string) => t.replace(/[\s\u00ad]+/g, '');

/** Marked texts, sorted. */
async function marked(page: TestPage): Promise<string[]> {
  const all = await highlightTexts(page);
  return Object.entries(all)
    .filter(([name]) => name !== 'factcard-active' && name !== 'factcard-flash')
    .flatMap(([, list]) => list.map(key))
    .sort();
}

function sameDomAsServed(page: TestPage): Promise<boolean> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    // A fresh parse is the page without Factcard. The fixture scripts change only <title>.
    const strip = (d: Document) => {
      const c = d.documentElement.cloneNode(true) as HTMLElement;
      c.querySelector('title')?.remove();
      return c.outerHTML;
    };
    return strip(fresh) === strip(document);
  });
}

describe.each(BROWSERS)('%s: detection on saved pages', (browserName) => {
  const session = browserSession(browserName);

  it.each(pages)('%s: marks exactly what the scan CLI finds, and leaves the DOM as served', async (file) => {
    const expected = (await scanContent(readFileSync(join(PAGES, file), 'utf8'), 'html', dataset)).map((m) => key(m.text)).sort();
    const page = await session.driver.open(session.server.url(`/pages/${file}`));
    let got: string[] = [];
    if (expected.length > 0) {
      got = await poll(async () => {
        const list = await marked(page);
        return list.length >= expected.length ? list : null;
      }, `${expected.length} marks on ${file}`).catch(async () => marked(page));
    } else {
      await sleep(500);
      got = await marked(page);
    }
    expect(got).toEqual(expected);
    expect(await sameDomAsServed(page)).toBe(true);
    await page.close();
  });

  it('ordinary senses of weak aliases stay unmarked', async () => {
    const page = await session.driver.open(session.server.url('/pages/ordinary-senses.html'));
    await waitForMarks(page, 1);
    await sleep(300);
    const list = await marked(page);
    for (const bad of ['power', 'powers', 'bans', 'WillPower', 'BanKi-sang', 'POWER']) expect(list).not.toContain(bad);
    await page.close();
  });

  it('paragraphs added after load are marked; removed ones drop their marks', async () => {
    const page = await session.driver.open(session.server.url('/pages/ordinary-senses.html'));
    await waitForMarks(page, 1);
    await sleep(300);
    const before = await markedCount(page);
    await page.evaluate(() => {
      const article = document.querySelector('article') ?? document.body;
      for (let i = 0; i < 20; i++) {
        const p = document.createElement('p');
        p.className = 'added';
        p.textContent = `Update ${i}: Russian Ambassador to the UN Vitaly Churkin spoke again; Churkin said little.`;
        article.appendChild(p);
      }
    });
    await poll(async () => (await markedCount(page)) === before + 40, '40 new marks');
    const texts = await marked(page);
    expect(texts.filter((t) => t === 'VitalyChurkin').length).toBeGreaterThanOrEqual(20);
    await page.evaluate(() => document.querySelectorAll('p.added').forEach((p) => p.remove()));
    await poll(async () => (await markedCount(page)) === before, 'the marks of removed paragraphs to go');
    await page.close();
  });
});
