// A page cannot turn Factcard against its user, and Factcard talks to no one.
//
// - Forged messages: a page posts look-alike protocol messages, dispatches events, calls the
//   runtime messaging API with our id, and fakes the keyboard shortcut; none of it opens a
//   card, scrolls, or opens the viewer.
// - The card's isolation beyond card.test.ts: hooks installed before the content script runs
//   capture no shadow root, selections and innerText do not reveal the card's text, page CSS
//   cannot hide or restyle it.
// - Zero network requests: every request the browser makes while Factcard marks a page, shows
//   a card, and while the popup, options and viewer pages are open is recorded twice — by the
//   driver (per page, and the Chromium service worker) and by a proxy every non-local request
//   of the whole browser must go through (set through the proxy environment variables both
//   browsers read on Linux). Only the local test server and the extension's own files may
//   appear; the browsers' own update/settings services (see VENDOR) are set aside, and a
//   canary request proves the proxy sees what it should.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/dataset-types';
import { hoverForCard, openCard, sleep, waitForMarks, waitForNoCard } from './harness/card-helpers';
import { loadDataset } from './harness/seed-page';
import { setSettings } from './harness/settings';
import { assertBuilt, BROWSERS, byFc, launch, poll, startServer, textOf, type Driver, type PageServer } from './harness';
import { errorLog, type ErrorLog } from './hostile-support';
import { ACTIVE_HIGHLIGHT, FLASH_HIGHLIGHT, TYPE_HIGHLIGHTS } from '../../dom/highlighter';

/** The browsers' own background services (updates, remote settings, sign-in): never Factcard's. */
const VENDOR = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com|mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com|mozaws\.net)$/;

const FORGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forgery</title></head>
<body style="margin:0">
<p>Russian Ambassador to the UN Vitaly Churkin spoke first.</p>
<div style="height:3000px"></div>
<p id="far">Much later, Matthew Rycroft answered Churkin.</p>
<script>
  window.attempts = [];
  const note = (what, r) => window.attempts.push(what + ': ' + r);
  const extId = new URLSearchParams(location.search).get('ext');
  const messages = [
    { type: 'openCard', req: { entity: 'vitaly-churkin' } },
    { type: 'navigate', req: { direction: 1 } },
    { type: 'scrollToEntity', req: { entity: 'matthew-rycroft' } },
    { type: 'openViewer', req: { target: { source: 'x', start: 0, end: 5 } } },
    { type: 'getCards', req: { ids: ['vitaly-churkin'] } },
  ];
  window.forge = async () => {
    for (const m of messages) {
      window.postMessage(m, '*');
      document.dispatchEvent(new CustomEvent(m.type, { detail: m.req, bubbles: true }));
      document.dispatchEvent(new CustomEvent('factcard', { detail: m, bubbles: true }));
      for (const api of [window.chrome, window.browser]) {
        if (!api || !api.runtime || !api.runtime.sendMessage) { note(m.type, 'no runtime API'); continue; }
        try { note(m.type, 'answered ' + JSON.stringify(await api.runtime.sendMessage(extId, m))); }
        catch (e) { note(m.type, 'refused ' + e.message); }
      }
    }
    // The keyboard shortcut and Escape, as synthetic events.
    for (const key of ['J', 'K', 'Escape'])
      document.dispatchEvent(new KeyboardEvent('keydown', { key, code: 'Key' + key, altKey: true, shiftKey: true, bubbles: true }));
    return window.attempts;
  };
</script></body></html>`;

/** A page with names and nothing else. */
const NAMES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Names</title></head>
<body><p>Russian Ambassador to the UN Vitaly Churkin spoke first; Matthew Rycroft answered.</p></body></html>`;

/** Every highlight name Factcard's stylesheet styles. */
const HIGHLIGHT_NAMES = [...Object.values(TYPE_HIGHLIGHTS), ACTIVE_HIGHLIGHT, FLASH_HIGHLIGHT];

/**
 * What a page script sees of Factcard: its highlights, its adopted sheets, its elements, and
 * the highlight names its rules style as the page's computed style reports them (a stylesheet
 * a manifest injects is in no list the page can read, but `getComputedStyle(el,
 * '::highlight(name)')` shows its rules in both browsers).
 */
const FOOTPRINT = (names: string[]) => {
  const p = document.querySelector('p') ?? document.body;
  const styled = names.filter((n) => {
    const s = getComputedStyle(p, `::highlight(${n})`);
    return s.textDecorationLine !== 'none' || s.backgroundColor !== 'rgba(0, 0, 0, 0)';
  });
  return {
    highlights: [...CSS.highlights.keys()].map(String).filter((k) => k.startsWith('factcard')).length,
    sheets: document.adoptedStyleSheets.length,
    elements: document.querySelectorAll('factcard-host').length,
    styled: styled.length,
  };
};

const SPY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spy</title>
<style>
  /* Aimed at our host and anything in it: must change nothing. */
  factcard-host, factcard-host * { display: none !important; opacity: 0 !important; visibility: hidden !important; }
  html > :not(head):not(body) { display: none !important; }
</style>
<script>
  // Installed before any content script: capture every shadow root and every host.
  window.spy = { roots: 0, hosts: [], texts: [] };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { window.spy.roots++; return attach.call(this, init); };
  new MutationObserver((recs) => { for (const r of recs) for (const n of r.addedNodes) if (n.localName === 'factcard-host') window.spy.hosts.push(n); })
    .observe(document.documentElement, { childList: true });
  window.peek = () => {
    const host = document.querySelector('factcard-host');
    const sel = getSelection();
    sel.selectAllChildren(document.documentElement);
    const selected = sel.toString();
    sel.removeAllRanges();
    return {
      host: !!host,
      shadowRoot: host ? host.shadowRoot : 'no host',
      hostText: host ? host.textContent + '|' + host.innerText : '',
      innerText: document.documentElement.innerText,
      selected,
      roots: window.spy.roots,
      composed: host ? host.getRootNode() === document : null,
      rect: host ? JSON.stringify(host.getBoundingClientRect()) : '',
    };
  };
</script></head>
<body><p>Russian Ambassador to the UN Vitaly Churkin spoke first.</p><p>Later, Churkin again.</p></body></html>`;

interface Recorder {
  port: number;
  seen: string[];
  close(): Promise<void>;
}

/** A proxy that answers nothing and records every request sent through it. */
async function recordingProxy(): Promise<Recorder> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`GET ${req.url}`);
    res.writeHead(502);
    res.end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, seen, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const hostOf = (line: string): string => {
  const target = line.split(' ')[1] ?? '';
  try {
    return new URL(target.includes('://') ? target : `https://${target}`).hostname;
  } catch {
    return target;
  }
};

const PROXY_VARS = ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'] as const;

let dataset: Dataset;
beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
});

describe.each(BROWSERS)('%s: security and privacy', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let proxy: Recorder;
  let log: ErrorLog;
  const savedEnv: Partial<Record<(typeof PROXY_VARS)[number], string>> = {};

  beforeAll(async () => {
    proxy = await recordingProxy();
    for (const k of PROXY_VARS) savedEnv[k] = process.env[k];
    for (const k of PROXY_VARS) process.env[k] = k.toLowerCase() === 'no_proxy' ? '127.0.0.1,localhost' : `http://127.0.0.1:${proxy.port}`;
    server = await startServer({
      '/names.html': { type: 'text/html; charset=utf-8', body: NAMES_PAGE },
      '/forge.html': { type: 'text/html; charset=utf-8', body: FORGE_PAGE },
      '/spy.html': { type: 'text/html; charset=utf-8', body: SPY_PAGE },
      '/favicon.ico': { type: 'image/x-icon', body: '' },
    });
    driver = await launch(browserName);
    log = await errorLog(driver);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
    await proxy?.close();
    for (const k of PROXY_VARS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
  });

  it('on a site where Factcard is off, or while it is paused, a page cannot tell that it is installed', async () => {
    try {
      for (const off of [{ disabledSites: ['127.0.0.1'] }, { enabled: false }]) {
        await setSettings(driver, off);
        const page = await driver.open(server.url('/names.html'));
        await sleep(1500);
        expect(await page.evaluate(FOOTPRINT, HIGHLIGHT_NAMES), JSON.stringify(off)).toEqual({ highlights: 0, sheets: 0, elements: 0, styled: 0 });
        await page.close();
      }
    } finally {
      await setSettings(driver, null);
    }
    // The same look sees Factcard where it is on.
    const page = await driver.open(server.url('/names.html'));
    await waitForMarks(page, 2);
    const on = await page.evaluate(FOOTPRINT, HIGHLIGHT_NAMES);
    expect(on.highlights).toBeGreaterThan(0);
    expect(on.sheets).toBe(1);
    expect(on.styled).toBeGreaterThan(0);
    await page.close();
  });

  it('a page cannot forge messages the extension acts on', async () => {
    const ext = new URL(driver.extensionUrl('/')).host;
    const page = await driver.open(server.url(`/forge.html?ext=${ext}`));
    await log.attach(page);
    await waitForMarks(page, 3);
    const attempts = await page.evaluate(() => (window as unknown as { forge: () => Promise<string[]> }).forge());
    // Pages have no route to the extension: the runtime API is absent or refuses.
    expect(attempts.length).toBeGreaterThan(0);
    for (const a of attempts) expect(a).toMatch(/: (no runtime API|refused )/);
    await sleep(800);
    expect(await openCard(page), 'no card opened').toBeNull();
    expect(await page.evaluate(() => scrollY), 'the page did not scroll').toBe(0);
    await expect(driver.waitForTab(driver.extensionUrl('/viewer.html'), 1000), 'no viewer opened').rejects.toThrow();
    expect(log.problems()).toEqual([]);
    await page.close();
  });

  it('a page cannot capture, read or restyle the card, even with hooks installed before us', async () => {
    const page = await driver.open(server.url('/spy.html'));
    await waitForMarks(page, 2);
    const card = await hoverForCard(page, 'Churkin', 1);
    expect(card.name).toBe('Vitaly Churkin');
    const quote = card.quotes[0]?.text ?? '';
    expect(quote.length).toBeGreaterThan(10);
    expect(SPY_PAGE).not.toContain(quote.slice(0, 30));
    const peek = await page.evaluate(() => (window as unknown as { peek: () => Record<string, unknown> }).peek());
    expect(peek.host).toBe(true); // a page can see *that* a card is open (the host element)…
    expect(peek.shadowRoot).toBeNull(); // …never what it says:
    expect(peek.roots).toBe(0); // its attachShadow hook never ran for us
    for (const k of ['hostText', 'innerText', 'selected'] as const) {
      // Words only the card has: its quote, its live-region announcement.
      expect(String(peek[k]), `${k} shows no card text`).not.toContain(quote.slice(0, 30));
      expect(String(peek[k]), `${k} shows no card text`).not.toContain('Press Escape');
    }
    // The page's rules aimed at our host change nothing: the card is still there, visible.
    const root = await page.readShadow();
    const cardNode = root ? byFc(root, 'card')[0] : undefined;
    const box = await page.boxOf(cardNode?.ref ?? -1);
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(50);
    const style = await page.callOn<{ display: string; opacity: string; visibility: string }>(cardNode?.ref ?? -1, '(el) => { const s = getComputedStyle(el); return { display: s.display, opacity: s.opacity, visibility: s.visibility }; }');
    expect(style.display).not.toBe('none');
    expect(style.visibility).toBe('visible');
    expect(Number(style.opacity)).toBeGreaterThan(0.5);
    expect(root ? textOf(root) : '').toContain('Vitaly Churkin');
    await page.press('Escape');
    await waitForNoCard(page);
    await page.close();
  });

  it('makes zero network requests: marking, the card, the popup, options and viewer pages', async () => {
    const before = driver.requests().length;
    proxy.seen.length = 0;
    const source = dataset.sources.find((s) => s.text.includes('Vitaly Churkin'));
    const page = await driver.open(server.url(`/seed/${source?.id}.html`));
    await waitForMarks(page, 5);
    const card = await hoverForCard(page, 'Churkin', 1);
    const viewerHref = card.quotes[0]?.href;
    expect(viewerHref?.startsWith(driver.extensionUrl('/viewer.html'))).toBe(true);
    await page.press('Escape');
    const tabId = await driver.tabIdOf(page.url());
    for (const url of [driver.extensionUrl(`/popup.html?tab=${tabId}`), driver.extensionUrl('/options.html'), viewerHref as string]) {
      const p = await driver.open(url);
      await poll(() => p.evaluate(() => document.body.textContent!.trim().length > 0), `${url} to render`);
      await sleep(300);
      await p.close();
    }
    await sleep(500);
    await page.close();

    const allowed = (u: string) =>
      u.startsWith(server.origin + '/') || /^(chrome-extension|moz-extension):\/\//.test(u) || /^(data|blob|about):/.test(u);
    const fetched = driver.requests().slice(before);
    expect(fetched.some((u) => u.startsWith(server.origin)), 'the recorder saw the page').toBe(true);
    expect(fetched.filter((u) => !allowed(u)), 'requests outside the test server and the extension').toEqual([]);
    expect(proxy.seen.filter((l) => !VENDOR.test(hostOf(l))), 'requests that left the browser').toEqual([]);

    // The canary: a request to the outside does reach the proxy (so an empty list means something).
    const canary = await driver.open(server.url('/forge.html'));
    await canary.evaluate(() => void fetch('http://factcard-canary.invalid/ping').catch(() => undefined));
    await poll(async () => proxy.seen.some((l) => l.includes('factcard-canary.invalid')), 'the canary request at the proxy');
    await canary.close();
  });
});
