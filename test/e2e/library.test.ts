// The reader's library end to end, in both browsers: add a local article whose speaker is in no dataset
// from the popup, see that person marked in a second tab that was already open, their card
// quoting the article with a link that opens the viewer at the quote; the options page lists
// it; a malformed import changes nothing; delete and the marks go; and after a browser restart
// with the same profile the library is still there.

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverForCard, highlightTexts, markedCount, waitForMarks } from './harness/card-helpers';
import { ARTIFACTS, assertBuilt, BROWSERS, launch, poll, sleep, startServer, type Driver, type PageServer, type TestPage } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTICLE = readFileSync(join(ROOT, 'test/fixtures/library/article.html'), 'utf8');
// A page that names the article's people and nobody from the bundled dataset.
const OTHER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour letters</title></head><body style="font:18px/1.5 Georgia,serif;max-width:680px;margin:40px auto">
<h1>Letters: the harbour vote</h1>
<p>Readers wrote in all week about the harbour. Many backed Tobias Lindqvist and the trawler crews who want the quays kept open for fishing boats.</p>
<p>Others sided with the council's finance chair. One letter said Marguerite Okonkwo-Hale had only said aloud what the accounts have shown for years.</p>
</body></html>`;
const routes = {
  '/article.html': { type: 'text/html; charset=utf-8', body: ARTICLE },
  '/other.html': { type: 'text/html; charset=utf-8', body: OTHER },
  '/links.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Index</title><ul><li><a href="/a">Sport</a></li><li><a href="/b">Weather</a></li></ul>' },
};

beforeAll(() => assertBuilt());

async function clickSelector(page: TestPage, selector: string): Promise<void> {
  const box = await poll(
    () =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, selector),
    selector,
  );
  await page.click(box.x, box.y);
}

/** A message to the background from an extension page, as the popup and options page send them. */
function ask<R>(page: TestPage, type: string, req: object): Promise<R> {
  return page.evaluate(
    ({ type, req }) => {
      const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: object): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } } };
      return (g.browser ?? g.chrome)!.runtime.sendMessage({ type, req }) as Promise<R>;
    },
    { type, req },
  );
}

const libraryTexts = async (page: TestPage) => Object.values(await highlightTexts(page)).flat();

describe.each(BROWSERS)('%s: your library', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let other: TestPage;
  let article: TestPage;
  let popup: TestPage;

  beforeAll(async () => {
    server = await startServer(routes);
    driver = await launch(browserName);
    other = await driver.open(server.url('/other.html'));
    await other.setViewport(900, 600);
    article = await driver.open(server.url('/article.html'));
    const tabId = await driver.tabIdOf(article.url());
    popup = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
    await popup.setViewport(380, 640);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('the other tab marks nobody before the article is saved', async () => {
    await sleep(600);
    expect(await markedCount(other)).toBe(0);
  });

  it('the popup previews people with roles, quotes with speakers and the statement count, then saves', async () => {
    await clickSelector(popup, '[data-fc="add-article"]');
    const preview = await poll(
      () =>
        popup.evaluate(() => {
          const root = document.querySelector('[data-fc="add-preview"]');
          if (!root) return null;
          return {
            people: [...root.querySelectorAll('[data-fc="add-person"]')].map((li) => li.textContent ?? ''),
            quotes: [...root.querySelectorAll('[data-fc="add-quote"]')].map((li) => li.textContent ?? ''),
            heading: [...root.querySelectorAll('h3')].map((h) => h.textContent ?? ''),
          };
        }),
      'the preview',
    );
    expect(preview.people.find((p) => p.includes('Tobias Lindqvist'))).toMatch(/new.*trawler captain in the port for thirty years/);
    expect(preview.quotes.some((q) => q.includes('My father fished here') && q.includes('Tobias Lindqvist'))).toBe(true);
    expect(preview.heading.join(' ')).toMatch(/2 quotes with speaker · \d+ statements?/);
    await popup.screenshot(join(ARTIFACTS, `${browserName}-library-popup.png`));
    await clickSelector(popup, '[data-fc="add-save"]');
    await poll(() => popup.evaluate(() => document.querySelector('[data-fc="add-saved"]')?.textContent ?? null), 'saved');
    const footer = await poll(() => popup.evaluate(() => document.querySelector('[data-fc="library-stats"]')?.textContent ?? null), 'library stats');
    expect(footer).toMatch(/Your library: 1 source/);
  });

  it('the tab that was already open marks the new people without a reload, and their card quotes the article', async () => {
    await other.bringToFront();
    await waitForMarks(other, 2);
    expect(await libraryTexts(other)).toEqual(expect.arrayContaining(['Tobias Lindqvist', 'Marguerite Okonkwo-Hale']));
    const card = await hoverForCard(other, 'Tobias Lindqvist');
    expect(card.name).toBe('Tobias Lindqvist');
    expect(card.description).toMatch(/trawler captain in the port for thirty years/);
    expect(card.quotes.map((q) => q.text)).toContain('My father fished here, and his father before him');
    expect(card.text).toMatch(/your library/i);
    await sleep(400); // the card's fade-in
    const box = await other.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    await other.screenshot(join(ARTIFACTS, `${browserName}-library-card.png`), { x: 0, y: 0, width: box.w, height: box.h });
    // The popup for that tab lists the library's people by name (the background tells it who they are).
    const otherPopup = await driver.open(driver.extensionUrl(`/popup.html?tab=${await driver.tabIdOf(other.url())}`));
    const names = await poll(async () => {
      const list = await otherPopup.evaluate(() => [...document.querySelectorAll('[data-fc="entity-name"]')].map((n) => n.textContent ?? ''));
      return list.length >= 2 ? list : null;
    }, 'the popup list of the other tab');
    expect(names.sort()).toEqual(['Marguerite Okonkwo-Hale', 'Tobias Lindqvist']);
    await otherPopup.close();
    const href = card.quotes.find((q) => q.text.startsWith('My father'))?.href;
    expect(href).toMatch(/\/viewer\.html#src=lib-[0-9a-f]{16}&span=\d+-\d+&entity=tobias-lindqvist$/);
    const viewer = await driver.open(href!);
    const cited = await poll(() => viewer.evaluate(() => document.querySelector('[data-fc="cited"]')?.textContent ?? null), 'the cited span');
    expect(cited).toBe('My father fished here, and his father before him');
    expect(await viewer.evaluate(() => document.querySelector('[data-fc="library-badge"]')?.textContent)).toMatch(/your library/);
    await viewer.close();
  });

  it('a page with no article gets a plain answer', async () => {
    const links = await driver.open(server.url('/links.html'));
    const tabId = await driver.tabIdOf(links.url());
    const p = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
    await clickSelector(p, '[data-fc="add-article"]');
    const refused = await poll(() => p.evaluate(() => document.querySelector('[data-fc="add-refused"]')?.textContent ?? null), 'the refusal');
    expect(refused).toMatch(/does not hold an article/);
    await p.close();
    await links.close();
  });

  it('the options page lists it; a malformed import is refused naming entry and field, and changes nothing', async () => {
    const options = await driver.open(driver.extensionUrl('/options.html#library'));
    await options.setViewport(800, 900);
    const items = await poll(async () => {
      const list = await options.evaluate(() => [...document.querySelectorAll('[data-fc="library-item"]')].map((li) => li.textContent ?? ''));
      return list.length ? list : null;
    }, 'the library list');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/Harbour plan divides Port Elwyn.*Elwyn Gazette.*20 Nov 2026/);
    expect(items[0]).toMatch(/Tobias Lindqvist/);
    const before = await ask<unknown[]>(options, 'libraryList', {});
    const bad = JSON.stringify({ format: 'factcard-library', version: 1, entries: [{ id: 'lib-0000000000000000', hash: '0'.repeat(64), title: 7 }] });
    const r = await ask<{ ok: boolean; error?: string }>(options, 'libraryImport', { json: bad, file: 'bad.json' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^bad\.json: entries\[0\]\.title: expected a string/m);
    expect(await ask<unknown[]>(options, 'libraryList', {})).toEqual(before);
    await options.evaluate(() => document.querySelector('#library')?.scrollIntoView());
    await options.screenshot(join(ARTIFACTS, `${browserName}-library-options.png`));

    await clickSelector(options, '[data-fc="library-delete"]');
    await poll(() => options.evaluate(() => document.querySelector('[data-fc="library-undo"]') !== null), 'undo offered');
    await other.bringToFront();
    await poll(async () => ((await markedCount(other)) === 0 ? true : null), 'the marks to go');
    await clickSelector(options, '[data-fc="library-undo"]');
    await other.bringToFront();
    await waitForMarks(other, 2);
    await options.close();
  });
  it('the options page adds a pasted article through its form, and refuses an empty paste saying why', async () => {
    const options = await driver.open(driver.extensionUrl('/options.html#library'));
    const fill = (fields: Record<string, string>) =>
      options.evaluate((f) => {
        document.querySelector<HTMLDetailsElement>('[data-fc="library-add"]')!.open = true;
        for (const [sel, value] of Object.entries(f)) {
          const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-fc="${sel}"]`)!;
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }, fields);
    await poll(() => options.evaluate(() => document.querySelectorAll('[data-fc="library-item"]').length === 1), 'the list');
    await fill({ 'add-title-input': 'Empty', 'add-text-input': '   ' });
    await clickSelector(options, '[data-fc="library-add-submit"]');
    const refusal = await poll(() => options.evaluate(() => document.querySelector('[data-fc="library-notice"]')?.textContent ?? null), 'the refusal');
    expect(refusal).toMatch(/article: text: the article text is empty.*Nothing was added/s);
    const pasted = 'The ferry to the outer islands will run twice a day from March, the operator said on Monday after a long dispute with the island council over fares and timetables.\n\n"We listened to the islanders and we changed the plan," said Ingrid Halvorsen, the operator\'s chief executive, at a meeting in the harbour office.';
    await fill({ 'add-title-input': 'Ferry to run twice a day', 'add-outlet-input': 'Island News', 'add-text-input': pasted });
    await clickSelector(options, '[data-fc="library-add-submit"]');
    const titles = await poll(async () => {
      const t = await options.evaluate(() => [...document.querySelectorAll('[data-fc="library-open"]')].map((a) => a.textContent ?? ''));
      return t.length === 2 ? t : null;
    }, 'the pasted article in the list');
    expect(titles).toContain('Ferry to run twice a day');
    const people = await options.evaluate(() => [...document.querySelectorAll('[data-fc="library-item"]')].map((li) => li.textContent ?? '').join('|'));
    expect(people).toMatch(/Ingrid Halvorsen/);
    await options.close();
  });
});

describe.each(BROWSERS)('%s: the library survives a browser restart', (browserName) => {
  let server: PageServer;
  let profile: string;

  beforeAll(async () => {
    server = await startServer(routes);
    profile = await mkdtemp(join(tmpdir(), `factcard-${browserName}-library-`));
  });
  afterAll(async () => {
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('an article saved before the restart is still marked after it; deleting it removes the marks', async () => {
    const text = ARTICLE.replace(/<[^>]+>/g, ' ').replace(/[ \t]+/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l.length > 80).join('\n\n');
    let driver = await launch(browserName, { profile });
    try {
      const page = await driver.open(driver.extensionUrl('/options.html'));
      const saved = await ask<{ ok: boolean }>(page, 'librarySave', { article: { title: 'Harbour', outlet: 'Gazette', author: '', published: '2026-11-20', url: null, text } });
      expect(saved.ok).toBe(true);
    } finally {
      await driver.close();
    }
    driver = await launch(browserName, { profile });
    try {
      const other = await driver.open(server.url('/other.html'));
      await waitForMarks(other, 2);
      expect(await libraryTexts(other)).toContain('Tobias Lindqvist');
      const options = await driver.open(driver.extensionUrl('/options.html'));
      const list = await ask<{ id: string }[]>(options, 'libraryList', {});
      expect(list).toHaveLength(1);
      await ask(options, 'libraryDelete', { id: list[0]!.id });
      await other.bringToFront();
      await poll(async () => ((await markedCount(other)) === 0 ? true : null), 'the marks to go');
    } finally {
      await driver.close();
    }
  });
});
