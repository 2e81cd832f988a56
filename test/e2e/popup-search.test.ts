// "Look a name up" in the popup, in both browsers: typing a name in any case or accent lists
// the entity, Enter opens its card inside the popup with working source links, Escape goes
// back, a library article's person is found, and bad input shows text only. In Chromium the
// accessibility tree (over CDP) names the search box, the results, the card and the groups.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { loadDataset } from './harness/seed-page';
import { waitForMarks } from './harness/card-helpers';
import { ARTIFACTS, assertBuilt, BROWSERS, launch, poll, startServer, type Driver, type PageServer, type TestPage } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const HARBOUR = readFileSync(join(ROOT, 'test/fixtures/library/harbour.txt'), 'utf8');

let dataset: Dataset;
beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
});

/**
 * Real key presses for every character (the harness's pages wrap playwright's and puppeteer's
 * Page as `page`; both keyboards type text that is not on a US layout).
 */
async function typeText(p: TestPage, text: string): Promise<void> {
  await (p as unknown as { page: { keyboard: { type(t: string): Promise<void> } } }).page.keyboard.type(text);
}

/** Sets the field as a paste does (a 10,000-character string typed key by key takes minutes). */
function pasteInto(p: TestPage, text: string): Promise<void> {
  return p.evaluate((t) => {
    const input = document.querySelector<HTMLInputElement>('[data-fc="search"]')!;
    input.focus();
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

async function clearField(p: TestPage): Promise<void> {
  await pasteInto(p, '');
  await poll(() => p.evaluate(() => document.querySelector('[data-fc="search-results"], [data-fc="search-empty"], [data-fc="lookup-card"]') === null), 'the summary back');
}

const results = (p: TestPage) =>
  p.evaluate(() => ({
    ids: [...document.querySelectorAll('[data-fc="search-result"]')].map((b) => b.getAttribute('data-entity')),
    status: document.querySelector('[data-fc="search-status"]')?.textContent ?? '',
  }));

async function resultsFor(p: TestPage, query: string) {
  await clearField(p);
  await p.evaluate(() => document.querySelector<HTMLInputElement>('[data-fc="search"]')!.focus());
  await typeText(p, query);
  return poll(async () => {
    const r = await results(p);
    const typed = await p.evaluate(() => document.querySelector<HTMLInputElement>('[data-fc="search"]')!.value);
    return typed === query && (r.ids.length > 0 || r.status === 'No results') ? r : null;
  }, `results for "${query}"`);
}

/** The card inside the popup (an open shadow root), or null. */
const popupCard = (p: TestPage) =>
  p.evaluate(() => {
    const root = document.querySelector('[data-fc="lookup-card-host"]')?.shadowRoot;
    const card = root?.querySelector('[data-fc="card"]');
    if (!root || !card) return null;
    return {
      entity: card.getAttribute('data-entity'),
      name: card.querySelector('[data-fc="name"]')?.textContent ?? '',
      quotes: [...card.querySelectorAll('[data-fc="quote"]')].map((q) => ({
        text: q.querySelector('[data-fc="quote-text"]')?.textContent ?? '',
        href: q.querySelector('[data-fc="quote-link"]')?.getAttribute('href') ?? '',
        original: q.querySelector('[data-fc="original-link"]')?.getAttribute('href') ?? null,
      })),
      text: card.textContent ?? '',
      focused: root.activeElement === card,
    };
  });

/** A real click on a node inside the popup card's shadow root. */
async function clickInCard(p: TestPage, selector: string): Promise<void> {
  const box = await poll(
    () =>
      p.evaluate((sel) => {
        const el = document.querySelector('[data-fc="lookup-card-host"]')?.shadowRoot?.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }, selector),
    selector,
  );
  await p.click(box.x, box.y);
}

async function shoot(p: TestPage, file: string): Promise<void> {
  const box = await p.evaluate(() => {
    const r = document.querySelector('.popup')?.getBoundingClientRect();
    return r ? { x: 0, y: 0, width: Math.ceil(r.width), height: Math.min(640, Math.ceil(r.height)) } : null;
  });
  await p.screenshot(join(ARTIFACTS, file), box ?? undefined);
}

describe.each(BROWSERS)('%s: look a name up in the popup', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let popup: TestPage;

  beforeAll(async () => {
    server = await startServer({});
    driver = await launch(browserName);
    // No tab with a content script: the search needs none (a chrome:// or about: page is the same).
    popup = await driver.open(driver.extensionUrl('/popup.html?tab=999999'));
    await popup.setViewport(380, 640);
    await poll(() => popup.evaluate(() => document.querySelector('[data-fc="state-unsupported"]') !== null), 'the unsupported state');
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('the search field has focus when the popup opens', async () => {
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-fc'))).toBe('search');
  });

  it('finds names whatever the case, accents, hyphens or spelling, and says how many', async () => {
    const first = async (q: string) => (await resultsFor(popup, q)).ids[0];
    expect(await first('francois DELATTRE')).toBe('francois-delattre');
    expect(await first('ban ki moon')).toBe('ban-ki-moon');
    expect(await first('Alep')).toBe('aleppo');
    expect(await first('tschurkin')).toBe('vitaly-churkin'); // an alias
    expect(await first('Nousra')).toBe('al-nusra-front'); // one letter off "Nusra": fuzzy
    const r = await resultsFor(popup, 'syria');
    expect(r.ids.length).toBeGreaterThan(1);
    expect(r.ids[0]).toBe('syria');
    expect(r.status).toBe(`${r.ids.length} results`);
    await shoot(popup, `${browserName}-popup-search.png`);
  });

  it('Enter opens the card in the popup; its source link opens the viewer at the quote; Escape goes back', async () => {
    await resultsFor(popup, 'vitaly churkin');
    await popup.press('Enter');
    // The card takes focus (so a screen reader starts at its name).
    const card = await poll(async () => {
      const c = await popupCard(popup);
      return c?.focused ? c : null;
    }, 'the card in the popup, focused');
    expect(card.entity).toBe('vitaly-churkin');
    expect(card.name).toBe('Vitaly Churkin');
    const churkinQuotes = dataset.quotes.filter((q) => q.speaker === 'vitaly-churkin').map((q) => q.text);
    expect(card.quotes.length).toBeGreaterThan(0);
    for (const q of card.quotes) expect(churkinQuotes).toContain(q.text);
    const first = card.quotes[0]!;
    expect(first.href).toMatch(/\/viewer\.html#src=[^&]+&span=\d+-\d+&entity=vitaly-churkin$/);
    const src = dataset.sources.find((s) => first.href.includes(`src=${encodeURIComponent(s.id)}&`));
    expect(src?.url).toBeTruthy();
    expect(first.original?.startsWith(`${src!.url}#:~:text=`)).toBe(true);
    await popup.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await shoot(popup, `${browserName}-popup-search-card.png`);

    // The card's copy control works in the popup too (its status, as on a page).
    await clickInCard(popup, '[data-fc="quote"] [data-fc="copy"]');
    const copied = await poll(
      () => popup.evaluate(() => document.querySelector('[data-fc="lookup-card-host"]')?.shadowRoot?.querySelector('[data-fc="quote"] [data-fc="copy-status"]')?.textContent || null),
      'the copy status',
    );
    expect(copied).toBe('Copied with citation');

    await clickInCard(popup, '[data-fc="quote-link"]');
    const viewer = await driver.waitForTab(driver.extensionUrl('/viewer.html'));
    const cited = await poll(() => viewer.evaluate(() => document.querySelector('[data-fc="cited"]')?.textContent ?? null), 'the cited span');
    expect(cited).toBe(first.text);
    await viewer.close();

    await popup.bringToFront();
    await popup.evaluate(() => (document.querySelector('[data-fc="lookup-card-host"]')?.shadowRoot?.querySelector('[data-fc="card"]') as HTMLElement | null)?.focus());
    await popup.press('Escape');
    await poll(async () => (await popupCard(popup)) === null, 'the card to close');
    const back = await poll(async () => ((await results(popup)).ids.length > 0 ? popup.evaluate(() => document.activeElement?.getAttribute('data-entity')) : null), 'the results back');
    expect(back).toBe('vitaly-churkin'); // focus returns to the result that opened the card
  });

  it('arrow keys move through the results and Enter opens the one chosen; the back control returns', async () => {
    const r = await resultsFor(popup, 'syrian');
    expect(r.ids.length).toBeGreaterThan(1);
    await popup.press('ArrowDown');
    await popup.press('ArrowDown');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe(r.ids[1]);
    await popup.press('Enter');
    const card = await poll(() => popupCard(popup), 'the second result’s card');
    expect(card.entity).toBe(r.ids[1]);
    await popup.evaluate(() => document.querySelector<HTMLElement>('[data-fc="lookup-back"]')!.click());
    await poll(async () => (await popupCard(popup)) === null, 'the card to close');
    expect((await results(popup)).ids).toEqual(r.ids);
  });

  it('bad input shows text only and answers at once', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await clearField(popup);
    await pasteInto(popup, markup);
    const shown = await poll(() => popup.evaluate(() => document.querySelector('[data-fc="search-empty"]')?.textContent ?? null), 'the no-match text');
    expect(shown).toContain(markup);
    expect(await popup.evaluate(() => document.querySelectorAll('main img, main script').length)).toBe(0);
    for (const q of ['حلب الشهباء', '東京の人', '😀🎉', 'x'.repeat(10_000)]) {
      await pasteInto(popup, q);
      const text = await poll(
        () => popup.evaluate(() => document.querySelector('[data-fc="search-empty"]')?.textContent ?? null),
        `the no-match text for ${q.slice(0, 10)}`,
      );
      expect(text.length).toBeLessThan(200);
      expect(await popup.evaluate(() => document.querySelector('[data-fc="search-status"]')?.textContent)).toBe('No results');
    }
    await clearField(popup);
    expect(await popup.evaluate(() => document.querySelector('[data-fc="state-unsupported"]') !== null)).toBe(true);
    expect(driver.errors().filter((e) => e.includes('popup.html'))).toEqual([]);
  });

  it('finds a person from an article in the reader’s library and opens their card', async () => {
    const saved = await popup.evaluate(async (text) => {
      const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: object): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } } };
      return (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'librarySave', req: { article: { title: 'Harbour', outlet: 'Gazette', author: '', published: '2026-11-20', url: null, text } } });
    }, HARBOUR);
    expect(saved).toMatchObject({ ok: true });
    // A popup opened after the save asks the background for the directory with the library.
    const p = await driver.open(driver.extensionUrl('/popup.html?tab=999999'));
    await p.setViewport(380, 640);
    const r = await poll(async () => {
      const got = await resultsFor(p, 'okonkwo hale');
      return got.ids.length > 0 ? got : null;
    }, 'the library person in the results');
    expect(r.ids[0]).toMatch(/okonkwo-hale/);
    await p.press('Enter');
    const card = await poll(() => popupCard(p), 'the library card');
    expect(card.name).toBe('Marguerite Okonkwo-Hale');
    expect(card.quotes.map((q) => q.text)).toContain('We cannot keep pouring money into a harbour that no longer pays for itself');
    expect(card.text).toMatch(/your library/i);
    await p.close();
  });
});

describe.skipIf(!BROWSERS.includes('chromium'))('chromium: the popup’s accessibility tree', () => {
  let driver: Driver;
  let server: PageServer;

  beforeAll(async () => {
    server = await startServer({});
    driver = await launch('chromium');
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  type AXNode = { nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; parentId?: string };
  async function axTree(p: TestPage): Promise<AXNode[]> {
    const page = (p as unknown as { page: import('playwright-core').Page }).page;
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
      return nodes.filter((n) => !n.ignored);
    } finally {
      await cdp.detach();
    }
  }
  const named = (nodes: AXNode[], role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');

  it('names the search box, the results, the count, the card dialog and the page’s groups in words', async () => {
    const afp = dataset.sources.find((s) => s.text.includes('Churkin'));
    const page = await driver.open(server.url(`/seed/${afp?.id}.html`));
    await waitForMarks(page, 5);
    const tabId = await driver.tabIdOf(page.url());
    const popup = await driver.open(driver.extensionUrl(`/popup.html?tab=${tabId}`));
    await poll(() => popup.evaluate(() => document.querySelectorAll('[data-fc="entity"]').length > 0), 'the page summary');

    let nodes = await axTree(popup);
    expect(named(nodes, 'searchbox')).toEqual(['Look a name up']);
    // Each group heading says its count in words; each entity button says its mentions in words.
    const groups = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-fc="group"]')].map((g) => ({ type: g.getAttribute('data-type') ?? '', n: g.querySelectorAll('[data-fc="entity"]').length })),
    );
    expect(groups.length).toBeGreaterThan(0);
    const headings = named(nodes, 'heading');
    const plurals: Record<string, string> = { person: 'People', organization: 'Organisations', group: 'Groups', place: 'Places' };
    for (const g of groups) expect(headings).toContain(`${plurals[g.type]}: ${g.n} found`);
    const churkinButton = named(nodes, 'button').find((n) => n.startsWith('Vitaly Churkin'));
    const churkin = dataset.entities.find((x) => x.id === 'vitaly-churkin');
    expect(churkinButton).toMatch(new RegExp(`^Vitaly Churkin, \\d+ mentions?, ${churkin?.description?.text}$`));

    await popup.evaluate(() => document.querySelector<HTMLInputElement>('[data-fc="search"]')!.focus());
    await typeText(popup, 'churkin');
    await poll(() => popup.evaluate(() => document.querySelector('[data-fc="search-result"]') !== null), 'results');
    nodes = await axTree(popup);
    const buttons = named(nodes, "button");
    expect(buttons).toContain('Vitaly Churkin, Person');
    const status = nodes.find((n) => n.role?.value === 'status');
    expect(status).toBeDefined();
    const statusText = nodes.filter((n) => n.parentId === status!.nodeId).map((n) => n.name?.value ?? '').join('');
    expect(statusText).toBe('1 result');

    await popup.press('Enter');
    await poll(() => popupCard(popup), 'the card');
    nodes = await axTree(popup);
    expect(named(nodes, 'dialog')).toEqual(['Vitaly Churkin']);
    expect(named(nodes, 'button')).toContain('← Back to results');
    await popup.close();
    await page.close();
  });
});
