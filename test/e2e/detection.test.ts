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

/**
 * More mentions than the draw limit (1,500): 900 paragraphs of three names each, and a sidebar
 * that stays in view beside them (fixed) but comes last in document order, far from them all.
 */
const MANY = `<!doctype html><html><head><meta charset="utf-8"><title>Many</title></head><body><article style="margin-right:340px">${Array.from({ length: 900 }, (_, i) => `<p id="p${i}">Item ${i}: Vitaly Churkin met Matthew Rycroft in Aleppo.</p>`).join('\n')}</article><aside style="position:fixed;top:40px;right:0;width:300px"><p id="side">Sidebar: Vitaly Churkin met Matthew Rycroft in Aleppo.</p></aside></body></html>`;

/** The paragraphs in the viewport whose three names are not all drawn, and how many ranges are drawn in all. */
function viewportDrawing(page: TestPage): Promise<{ undrawn: string[]; visible: number; drawn: number }> {
  return page.evaluate(() => {
    const perBlock = new Map<Element, number>();
    let drawn = 0;
    CSS.highlights.forEach((h, name) => {
      if (!String(name).startsWith('factcard-') || name === 'factcard-active' || name === 'factcard-flash') return;
      h.forEach((r) => {
        drawn++;
        const p = (r.startContainer.nodeType === Node.TEXT_NODE ? r.startContainer.parentElement : r.startContainer as Element)?.closest('p');
        if (p) perBlock.set(p, (perBlock.get(p) ?? 0) + 1);
      });
    });
    const undrawn: string[] = [];
    let visible = 0;
    for (const p of document.querySelectorAll('p')) {
      const r = p.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight) continue;
      visible++;
      if ((perBlock.get(p) ?? 0) < 3) undrawn.push(p.id);
    }
    return { undrawn, visible, drawn };
  });
}

describe.each(BROWSERS)('%s: detection on saved pages', (browserName) => {
  const session = browserSession(browserName, { '/many.html': { type: 'text/html; charset=utf-8', body: MANY } });

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

  it('past the draw limit, the names in view are drawn wherever the reader scrolls or jumps (a sidebar too), and never more than the limit', async () => {
    const page = await session.driver.open(session.server.url('/many.html'));
    await waitForMarks(page, 1);
    const allDrawnInView = async (where: string) => poll(async () => {
      const d = await viewportDrawing(page);
      return d.visible > 0 && d.undrawn.length === 0 ? d : null;
    }, `every name in view drawn (${where})`);
    const first = await allDrawnInView('the top');
    expect(first.drawn).toBeLessThanOrEqual(1500);
    expect(first.visible).toBeGreaterThan(1);
    // Scrolling down step by step, a screen at a time, well past what the first chunk drew
    // (its 16 K characters, ~290 of the 900 paragraphs): the names come into view drawn.
    for (let step = 0; step < 30; step++) {
      await page.evaluate(() => scrollBy(0, innerHeight));
      await allDrawnInView(`step ${step + 1}`);
    }
    // Jumps: the middle, the end, back to the top.
    for (const at of [0.5, 1, 0]) {
      await page.evaluate((f) => scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) * f)), at);
      const d = await allDrawnInView(`scrolled to ${at * 100} %`);
      expect(d.drawn).toBeLessThanOrEqual(1500);
    }
    // The whole page is found, not only what is drawn.
    expect((await viewportDrawing(page)).drawn).toBeLessThan(2703);
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
