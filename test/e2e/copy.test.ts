// Copy with citation in both browsers: a real click on a quote's copy control on the card (a
// content script in a closed shadow root) and on the source viewer's, then another page reads
// back what the clipboard holds, both types (see readClipboard).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { Dataset } from '../../core/dataset-types';
import { DatasetIndex } from '../../core/card-model';
import { viewerHash } from '../../core/links';
import { loadDataset } from './harness/seed-page';
import { clickIn, hoverForCard, sleep, waitForMarks } from './harness/card-helpers';
import { ARTIFACTS, assertBuilt, BROWSERS, byFc, launch, poll, startServer, textOf, type Driver, type PageServer, type TestPage } from './harness';

let dataset: Dataset;
let index: DatasetIndex;

const PASTE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paste here</title></head>
<body><textarea id="t" rows="8" cols="80"></textarea>
<script>
  window.pasted = null;
  document.getElementById('t').addEventListener('paste', (e) => {
    window.pasted = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') };
    e.preventDefault();
  });
</script></body></html>`;

interface Pasted {
  text: string;
  html: string;
}

/** Ctrl+<key> as a held modifier: playwright takes "Control+V", puppeteer a down/press/up. */
async function chord(browserName: string, p: TestPage, key: 'a' | 'c' | 'v'): Promise<void> {
  const native = (p as unknown as { page: PwPage | PpPage }).page;
  if (browserName === 'chromium') {
    await (native as PwPage).keyboard.press(`Control+${key.toUpperCase()}`);
    return;
  }
  const kb = (native as PpPage).keyboard;
  await kb.down('Control');
  await kb.press(key);
  await kb.up('Control');
}

async function focusTextarea(paste: TestPage): Promise<void> {
  await paste.bringToFront();
  const box = await paste.evaluate(() => {
    const r = document.getElementById('t')?.getBoundingClientRect();
    return r ? { x: r.x + 20, y: r.y + 20 } : null;
  });
  if (!box) throw new Error('no textarea on the paste page');
  await paste.click(box.x, box.y);
}

const SENTINEL = 'nothing copied yet';

/** Puts a sentinel on the clipboard with a real Ctrl+C, so a copy that writes nothing cannot pass on an earlier test's text. */
async function resetClipboard(browserName: string, paste: TestPage): Promise<void> {
  await paste.evaluate((s) => {
    (document.getElementById('t') as HTMLTextAreaElement).value = s;
  }, SENTINEL);
  await focusTextarea(paste);
  await chord(browserName, paste, 'a');
  await chord(browserName, paste, 'c');
  const got = await readClipboard(browserName, paste);
  if (got.text !== SENTINEL) throw new Error(`could not reset the clipboard: ${got.text}`);
}

/**
 * What the clipboard holds, both types, as a real paste (Ctrl+V into the textarea of another
 * page, read in its paste event) sees it: so the copy is really on the clipboard.
 */
async function readClipboard(browserName: string, paste: TestPage): Promise<Pasted> {
  await paste.evaluate(() => {
    (window as unknown as { pasted: unknown }).pasted = null;
  });
  await focusTextarea(paste);
  await chord(browserName, paste, 'v');
  return poll(() => paste.evaluate(() => (window as unknown as { pasted: Pasted | null }).pasted), 'the paste event');
}

/** The pasted HTML's text and links, read by the page's own HTML parser. */
function readHtml(paste: TestPage, html: string): Promise<{ text: string; links: string[] }> {
  return paste.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    return { text: (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim(), links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') };
  }, html);
}

/** A non-loopback IPv4 address of this machine: http: pages there are no secure context. */
const LAN = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** Forwards LAN_ADDRESS:port to the harness's server, so the same pages load from an insecure origin. */
async function insecureProxy(target: PageServer, host: string): Promise<{ origin: string; close(): Promise<void> }> {
  const to = new URL(target.origin);
  const server: Server = createServer((req, res) => {
    const up = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // The browser keeps idle connections open; close() would wait for them.
        server.closeAllConnections();
      }),
  };
}

/** The status beside the `nth` quote's copy control, once it says something. */
function copyStatus(page: TestPage, nth = 0): Promise<{ text: string; via: string | undefined; role: string | undefined; live: string | undefined }> {
  return poll(async () => {
    const root = await page.readShadow();
    const row = root ? byFc(root, 'quote')[nth] : undefined;
    const s = row ? byFc(row, 'copy-status')[0] : undefined;
    return s && textOf(s) ? { text: textOf(s), via: s.attrs['data-via'], role: s.attrs.role, live: s.attrs['aria-live'] } : null;
  }, 'the copy confirmation');
}

beforeAll(async () => {
  assertBuilt();
  dataset = await loadDataset();
  index = new DatasetIndex(dataset);
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe.each(BROWSERS)('%s: copy with citation', (browserName) => {
  let driver: Driver;
  let server: PageServer;
  let paste: TestPage;

  beforeAll(async () => {
    server = await startServer({ '/paste.html': { type: 'text/html; charset=utf-8', body: PASTE_PAGE } });
    driver = await launch(browserName);
    paste = await driver.open(server.url('/paste.html'));
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it('a real click on a quote’s copy control puts the quote, speaker, outlet and original address on the clipboard, as text and HTML', async () => {
    const card = index.card('matthew-rycroft');
    const quote = card?.quotes[0];
    const src = dataset.sources.find((s) => s.id === quote?.source);
    if (!quote || !src) throw new Error('Rycroft has no quote');
    expect(src.url).toBeTruthy();
    await resetClipboard(browserName, paste);
    const page = await driver.open(server.url(`/seed/${src.id}.html`));
    await waitForMarks(page, 5);
    const view = await hoverForCard(page, 'Rycroft');
    expect(view.entity).toBe('matthew-rycroft');
    const row = byFc(view.root, 'quote')[0];
    const button = row ? byFc(row, 'copy')[0] : undefined;
    expect(button?.attrs['aria-label']).toBe('Copy quote with citation');
    await clickIn(page, button);
    const status = await copyStatus(page);
    expect(status.text).toBe('Copied with citation');
    expect(status.live).toBe('polite');
    expect(status.role).toBe('status');
    // 127.0.0.1 is a secure context: the async clipboard took both types.
    expect(status.via).toBe('clipboard-write');
    const live = (await page.readShadow()) ?? undefined;
    await sleep(150);
    const cardNode = live ? byFc(live, 'card')[0] : undefined;
    const box = await page.boxOf(cardNode?.ref ?? -1);
    // puppeteer's clip is in document coordinates, playwright's in the viewport's.
    const scroll = browserName === 'firefox' ? await page.evaluate(() => ({ x: scrollX, y: scrollY })) : { x: 0, y: 0 };
    const clip = { x: Math.max(0, box.x - 24), y: Math.max(0, box.y - 60) };
    await page.screenshot(join(ARTIFACTS, `${browserName}-copy-confirmation.png`), {
      x: clip.x + scroll.x,
      y: clip.y + scroll.y,
      width: Math.min(1280 - clip.x, box.width + 48),
      height: Math.min(900 - clip.y, box.height + 84),
    });

    const got = await readClipboard(browserName, paste);
    const words = src.text.slice(quote.start, quote.end).replace(/\s+/g, ' ').trim();
    expect(got.text).toContain(words);
    expect(got.text).toContain('Matthew Rycroft');
    expect(got.text).toContain(src.outlet);
    expect(got.text).toContain(quote.original);
    expect(quote.original?.startsWith(src.url?.split('#')[0] ?? '-')).toBe(true);
    expect(quote.original).toContain('#:~:text=');
    const html = await readHtml(paste, got.html);
    expect(html.text).toContain(words);
    expect(html.text).toContain('Matthew Rycroft');
    expect(html.links).toContain(quote.original);
    await page.close();
  });

  it('from the keyboard: Enter on a focused copy control copies that line', async () => {
    const card = index.card('matthew-rycroft');
    const quote = card?.quotes[1];
    const src = dataset.sources.find((s) => s.id === quote?.source);
    if (!quote || !src) throw new Error('Rycroft has no second quote');
    await resetClipboard(browserName, paste);
    const page = await driver.open(server.url(`/seed/${src.id}.html`));
    await waitForMarks(page, 5);
    const view = await hoverForCard(page, 'Rycroft');
    const row = byFc(view.root, 'quote')[1];
    const button = row ? byFc(row, 'copy')[0] : undefined;
    expect(await page.callOn<string>(button?.ref ?? -1, '(el) => { el.focus(); return el.getRootNode().activeElement === el ? el.tagName : ""; }')).toBe('BUTTON');
    await page.press('Enter');
    expect((await copyStatus(page, 1)).text).toBe('Copied with citation');
    const got = await readClipboard(browserName, paste);
    expect(got.text).toContain(src.text.slice(quote.start, quote.end).replace(/\s+/g, ' ').trim());
    expect(got.text).toContain(quote.original);
    await page.close();
  });

  it('the source viewer copies the cited span with the same citation', async () => {
    const card = index.card('matthew-rycroft');
    const quote = card?.quotes[0];
    const src = dataset.sources.find((s) => s.id === quote?.source);
    if (!quote || !src) throw new Error('Rycroft has no quote');
    await resetClipboard(browserName, paste);
    const viewer = await driver.open(driver.extensionUrl(`/viewer.html${viewerHash({ ...quote, entity: 'matthew-rycroft' })}`));
    await viewer.bringToFront();
    // The viewer scrolls the cited span into view (smoothly): click once the control is still.
    let last = '';
    const box = await poll(async () => {
      const b = await viewer.evaluate(() => {
        const el = document.querySelector('[data-fc="copy"]');
        const r = el?.getBoundingClientRect();
        return r && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight ? { x: r.x + r.width / 2, y: r.y + r.height / 2, label: el?.getAttribute('aria-label') } : null;
      });
      const key = JSON.stringify(b);
      const still = b !== null && key === last;
      last = key;
      return still ? b : null;
    }, 'the viewer’s copy control, in view and still');
    expect(box.label).toBe('Copy the cited passage with citation');
    await viewer.click(box.x, box.y);
    const status = await poll(
      () =>
        viewer.evaluate(() => {
          const s = document.querySelector('[data-fc="copy-status"]');
          return s?.textContent ? { text: s.textContent, via: s.getAttribute('data-via'), live: s.getAttribute('aria-live') } : null;
        }),
      'the viewer’s copy confirmation',
    );
    expect(status).toEqual({ text: 'Copied with citation', via: 'clipboard-write', live: 'polite' });
    await viewer.screenshot(join(ARTIFACTS, `${browserName}-viewer-copy.png`));
    const got = await readClipboard(browserName, paste);
    const words = src.text.slice(quote.start, quote.end).replace(/\s+/g, ' ').trim();
    expect(got.text).toContain(words);
    // The viewer knows the span is Rycroft's quote: the same attribution as the card's.
    expect(got.text).toContain(`Matthew Rycroft, quoted by ${src.outlet}`);
    expect(got.text).toContain(quote.original);
    expect((await readHtml(paste, got.html)).links).toContain(quote.original);
    await viewer.close();
  });

  it.skipIf(!LAN)('on an http: page (no secure context, no async clipboard) the copy command path puts both types', async () => {
    const proxy = await insecureProxy(server, LAN ?? '');
    const card = index.card('matthew-rycroft');
    const quote = card?.quotes[0];
    const src = dataset.sources.find((s) => s.id === quote?.source);
    if (!quote || !src) throw new Error('Rycroft has no quote');
    await resetClipboard(browserName, paste);
    const page = await driver.open(`${proxy.origin}/seed/${src.id}.html`);
    try {
      expect(await page.evaluate(() => isSecureContext)).toBe(false);
      await waitForMarks(page, 5);
      const view = await hoverForCard(page, 'Rycroft');
      const row = byFc(view.root, 'quote')[0];
      await clickIn(page, row ? byFc(row, 'copy')[0] : undefined);
      const status = await copyStatus(page);
      expect(status.text).toBe('Copied with citation');
      expect(status.via).toBe('exec-command');
      const got = await readClipboard(browserName, paste);
      expect(got.text).toContain(src.text.slice(quote.start, quote.end).replace(/\s+/g, ' ').trim());
      expect(got.text).toContain('Matthew Rycroft');
      expect(got.text).toContain(quote.original);
      expect((await readHtml(paste, got.html)).links).toContain(quote.original);
    } finally {
      await page.close();
      await proxy.close();
    }
  });
});
