// The hostile-page corpus (test/fixtures/hostile/) in both browsers. For every page:
// exactly the expected texts are marked (top document and same-origin frames), the DOM
// serialises identically to the same page in a browser without Factcard (our host element
// aside), the page's own scripts still pass their self-check, and nothing — neither Factcard's
// contexts nor the page — reported an error. Some pages add a behaviour check (typing in
// fields, a card through overwritten built-ins, a card that survives a cleaner script, a
// hover in the viewport's last pixel).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, hostileRoutes, type HostilePage } from '../fixtures/hostile/corpus';
import { hoverForCard, openCard, sleep, waitForNoCard } from './harness/card-helpers';
import { launchPlainChromium, launchPlainFirefox, type PlainBrowser } from './harness/native';
import { setSettings } from './harness/settings';
import { assertBuilt, BROWSERS, byFc, cardView, launch, poll, startServer, type Driver, type PageServer, type TestPage } from './harness';
import { domDigest, errorLog, marksIn, type ErrorLog } from './hostile-support';

beforeAll(() => assertBuilt());

/** Polls until `read` equals `want`; on timeout, fails showing the last value read. */
async function settleTo<T>(read: () => Promise<T>, want: T, what: string, timeoutMs = 10_000): Promise<void> {
  let last: T | undefined;
  try {
    await poll(async () => {
      last = await read();
      return JSON.stringify(last) === JSON.stringify(want);
    }, what, timeoutMs);
  } catch {
    expect(last, what).toEqual(want);
  }
}

async function expectMarks(page: TestPage, entry: HostilePage): Promise<void> {
  const timeout = entry.timeoutMs ?? 10_000;
  if (entry.marked.length === 0) await sleep(1500); // nothing to wait for: give the content script time to (not) act
  await settleTo(() => marksIn(page), entry.marked, `${entry.id}: marked texts`, timeout);
  for (const f of entry.frames ?? []) await settleTo(() => marksIn(page, f.index), f.marked, `${entry.id}: marked in frame ${f.index}`, timeout);
  // And it stays that way (no late extra marks, no marks left on dead nodes).
  await sleep(400);
  await settleTo(() => marksIn(page), entry.marked, `${entry.id}: marked texts, later`, timeout);
}

async function selfCheck(page: TestPage, entry: HostilePage): Promise<void> {
  if (!entry.selfCheck) return;
  // A page may need a moment (a timer has to have run): poll for true, report the last answer.
  await settleTo(() => page.evaluate(() => (window as unknown as { hostileCheck: () => true | string }).hostileCheck()), true, `${entry.id}: the page's own scripts`, entry.timeoutMs ?? 10_000);
}

/** Types into a field the way a user does and returns what the page saw. */
async function typeInto(page: TestPage, id: string, keys: string[]): Promise<{ value: string; seen: Record<string, number> }> {
  await page.evaluate((id) => {
    const el = document.getElementById(id) as HTMLElement;
    el.focus();
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
      el.setSelectionRange(el.value.length, el.value.length);
    } else {
      const r = document.createRange();
      r.selectNodeContents(el);
      r.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(r);
    }
    const w = window as unknown as { seen: Record<string, number> };
    for (const k of Object.keys(w.seen)) w.seen[k] = 0;
  }, id);
  for (const k of keys) await page.press(k);
  return page.evaluate((id) => {
    const el = document.getElementById(id) as HTMLElement;
    const value = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
    return { value: value.replace(/\u00a0/g, ' '), seen: { ...(window as unknown as { seen: Record<string, number> }).seen } };
  }, id);
}

/** " churkin", key by key (the space key's name differs between the two drivers). */
const typed = (browser: string) => [browser === 'firefox' ? ' ' : 'Space', 'c', 'h', 'u', 'r', 'k', 'i', 'n'];

/** Behaviour checks beyond marks and identity, by page. */
const EXTRA: Record<string, (page: TestPage, browser: string) => Promise<void>> = {
  async editable(page, browser) {
    const TYPED = typed(browser);
    const fields = { ta: 'Notes on Matthew Rycroft and UNICEF', in: 'Samantha Power in Aleppo', ce: 'Draft: Vitaly Churkin said Aleppo' };
    for (const [id, initial] of Object.entries(fields)) {
      const r = await typeInto(page, id, TYPED);
      expect(r.value, `typing in #${id}`).toBe(`${initial} churkin`);
      expect(r.seen.keydown, `#${id} saw every keydown`).toBe(TYPED.length);
      expect(r.seen.keyup, `#${id} saw every keyup`).toBe(TYPED.length);
      expect(r.seen.input, `#${id} saw every input`).toBe(TYPED.length);
      // Escape in a field belongs to the field (and the page), not to us.
      const esc = await typeInto(page, id, ['Escape']);
      expect(esc.seen.keydown, `#${id} saw Escape`).toBe(1);
    }
    // The text typed (a name, even) is not marked, and nothing else changed.
    await sleep(300);
    expect(await marksIn(page)).toEqual(['Matthew Rycroft', 'Vitaly Churkin']);
  },
  async builtins(page) {
    const card = await hoverForCard(page, 'Vitaly Churkin');
    expect(card.name).toBe('Vitaly Churkin');
    await page.press('Escape');
    await waitForNoCard(page);
  },
  async 'csp-strict'(page) {
    const card = await hoverForCard(page, 'Matthew Rycroft');
    expect(card.name).toBe('Matthew Rycroft');
    await page.press('Escape');
    await waitForNoCard(page);
  },
  async remover(page) {
    const card = await hoverForCard(page, 'Churkin', 1);
    expect(card.name).toBe('Vitaly Churkin');
    await sleep(500); // the cleaner has swept several times
    expect((await openCard(page))?.name).toBe('Vitaly Churkin');
    const removed = await page.evaluate(() => (window as unknown as { removed: string[] }).removed);
    expect(removed).not.toContain('factcard-host');
    expect(removed).toContain('x-ad');
    await page.press('Escape');
    await waitForNoCard(page);
  },
  async 'viewport-edge'(page) {
    const edge = await page.evaluate(() => {
      const t = document.getElementById('edge')?.firstChild as Text;
      const r = document.createRange();
      r.setStart(t, t.data.indexOf('Churkin'));
      r.setEnd(t, t.data.length);
      const b = r.getBoundingClientRect();
      return { right: b.right, bottom: b.bottom, top: b.top, w: innerWidth, h: innerHeight };
    });
    // The mention really ends in the viewport's last pixel column, on its last line.
    expect(edge.right).toBeGreaterThan(edge.w - 1);
    expect(edge.bottom).toBeGreaterThan(edge.h - 4);
    const x = Math.min(edge.w - 1, Math.floor(edge.right) - 1);
    const y = Math.min(edge.h - 1, Math.floor(edge.bottom) - 1);
    await page.bringToFront();
    await page.mouseMove(x - 80, y - 60, 1);
    await page.mouseMove(x, y, 8);
    const card = await poll(async () => {
      const root = await page.readShadow();
      return root ? cardView(root) : null;
    }, 'a card from the last pixel');
    expect(card.name).toBe('Vitaly Churkin');
    const root = await page.readShadow();
    const box = await page.boxOf(byFc(root!, 'card')[0]?.ref ?? -1);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(edge.w);
    expect(box.y + box.height).toBeLessThanOrEqual(edge.h);
    await page.press('Escape');
    await waitForNoCard(page);
  },
};

describe.each(BROWSERS)('%s: hostile pages', (browserName) => {
  let driver: Driver;
  let plain: PlainBrowser;
  let server: PageServer;
  let log: ErrorLog;

  beforeAll(async () => {
    server = await startServer(hostileRoutes());
    driver = await launch(browserName);
    plain = browserName === 'chromium' ? await launchPlainChromium() : await launchPlainFirefox();
    log = await errorLog(driver);
  });
  afterAll(async () => {
    await driver?.close();
    await plain?.close();
    await server?.close();
  });

  it.each(CORPUS)('$id', async (entry) => {
    log.clear();
    const url = server.url(entry.path);
    const page = await driver.open(url);
    try {
      await log.attach(page);
      await expectMarks(page, entry);
      await selfCheck(page, entry);
      const withUs = await domDigest(page);
      const bare = await plain.open(url);
      try {
        await selfCheck(bare, entry);
        expect(withUs, `${entry.id}: DOM with Factcard = DOM without`).toEqual(await domDigest(bare));
      } finally {
        await bare.close();
      }
      await EXTRA[entry.id]?.(page, browserName);
      expect(log.problems(), `${entry.id}: errors`).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('canary: malformed settings in storage fall back to the defaults, and the error log hears the content script report the key', async () => {
    try {
      await setSettings(driver, { hoverDelayMs: 'slow', enabled: 'yes', highlightStyle: { evil: true } });
      log.clear();
      const entry = CORPUS.find((c) => c.id === 'csp-strict') as HostilePage;
      const page = await driver.open(server.url(entry.path));
      await log.attach(page);
      await expectMarks(page, entry); // defaults: on, everything marked
      const reports = await poll(async () => {
        const r = log.entries().filter((e) => e.from === 'extension' && e.text.includes('[factcard]'));
        return r.length >= 3 ? r : null;
      }, 'the content script to report the bad keys');
      const text = reports.map((r) => r.text).join('\n');
      for (const key of ['hoverDelayMs', 'enabled', 'highlightStyle']) expect(text).toContain(`storage.sync settings.${key}`);
      // Default hover delay: the card still opens.
      expect((await hoverForCard(page, 'Vitaly Churkin')).name).toBe('Vitaly Churkin');
      if (log.throwInContentScript) {
        // Chromium: an uncaught exception in the isolated world is seen and attributed to us.
        log.clear();
        expect(await log.throwInContentScript(page, 'canary from the isolated world')).toBe(true);
        const thrown = await poll(async () => log.problems().find((e) => e.kind === 'exception' && e.text.includes('canary')), 'the canary exception');
        expect(thrown.from).toBe('extension');
      }
      await page.close();
    } finally {
      await setSettings(driver, null);
    }
  });
});
