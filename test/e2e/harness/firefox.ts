import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findTabByContentUrl, poll, sleep, type Clip, type Driver, type LaunchOptions, type TestPage } from './driver';
import { EXT_DIRS } from './paths';
import type { SNode } from './shadow';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'factcard@factcard.dev';
/** Pinned so extension pages have a known address. */
const EXT_UUID = '6f1c3a52-0d1e-4c43-9a55-fc0000000001';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

function toSNode(n: BidiNode): SNode {
  const v = n.value;
  if (!v) return { tag: '#unknown', attrs: {}, children: [] };
  if (v.nodeType === 3) return { tag: '#text', attrs: {}, text: v.nodeValue ?? '', children: [], ref: n.sharedId };
  const children = [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])].filter((c) => c.value?.nodeType !== 8).map(toSNode);
  return { tag: v.nodeType === 11 ? '#shadow' : (v.localName ?? '#node'), attrs: v.attributes ?? {}, children, ref: n.sharedId };
}

/** Firefox's clocks to the microsecond (see LaunchOptions.preciseTimers). */
export const PRECISE_TIMERS = { 'privacy.reduceTimerPrecision': false } as const;

const bidi = (b: Browser) => (b as unknown as { connection: BidiConnection }).connection;
const contextId = (p: Page) => (p.mainFrame() as unknown as { _id: string })._id;

class FirefoxPage implements TestPage {
  /** puppeteer keeps reporting about:blank for extension pages, so the harness tracks them. */
  private extUrl: string | null;
  constructor(
    readonly page: Page,
    private readonly browser: Browser,
    extUrl: string | null = null,
  ) {
    this.extUrl = extUrl;
  }
  url = () => this.extUrl ?? this.page.url();
  async goto(url: string) {
    if (url.startsWith('moz-extension:')) {
      // page.goto never resolves for extension pages over BiDi: navigate raw, then wait for the DOM.
      await bidi(this.browser).send('browsingContext.navigate', { context: contextId(this.page), url, wait: 'none' });
      this.extUrl = url;
      await poll(() => this.evaluate(() => location.href !== 'about:blank' && document.readyState === 'complete'), `${url} to load`);
      return;
    }
    this.extUrl = null;
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  async mouseMove(x: number, y: number, steps = 5) {
    await this.page.mouse.move(x, y, { steps });
  }
  async click(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async press(key: string) {
    await this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }
  async keyDown(key: string) {
    await this.page.keyboard.down(key as Parameters<Page['keyboard']['down']>[0]);
  }
  async keyUp(key: string) {
    await this.page.keyboard.up(key as Parameters<Page['keyboard']['up']>[0]);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path: path as `${string}.png`, ...(clip ? { clip } : {}) });
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewport({ width, height });
  }
  async readShadow(): Promise<SNode | null> {
    const { result } = (await bidi(this.browser).send('script.evaluate', {
      expression: "document.querySelector('factcard-host')",
      target: { context: contextId(this.page) },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: null },
    })) as { result: { type: string; result: BidiNode } };
    const host = result.result;
    const shadow = host?.value?.shadowRoot;
    return shadow ? toSNode(shadow) : null;
  }
  async readShadows(): Promise<SNode[]> {
    const { result } = (await bidi(this.browser).send('script.evaluate', {
      expression: "[...document.querySelectorAll('factcard-host')]",
      target: { context: contextId(this.page) },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: null, maxObjectDepth: 1 },
    })) as { result: { type: string; result: { value?: BidiNode[] } } };
    return (result.result.value ?? []).flatMap((host) => (host.value?.shadowRoot ? [toSNode(host.value.shadowRoot)] : []));
  }
  async axQuery(within: string | number, role: string, name?: string) {
    const { result } = (await bidi(this.browser).send('browsingContext.locateNodes', {
      context: contextId(this.page),
      locator: { type: 'accessibility', value: { role, ...(name !== undefined ? { name } : {}) } },
      startNodes: [{ sharedId: String(within) }],
      serializationOptions: { maxDomDepth: 0 },
    })) as { result: { nodes: { sharedId?: string }[] } };
    return result.nodes.flatMap((n) => (n.sharedId ? [{ ref: n.sharedId }] : []));
  }
  async callOn<R>(ref: string | number, fn: string): Promise<R> {
    // JSON across the wire keeps the BiDi remote-value encoding out of the tests.
    const { result } = (await bidi(this.browser).send('script.callFunction', {
      functionDeclaration: `(el) => JSON.stringify((${fn})(el))`,
      target: { context: contextId(this.page) },
      arguments: [{ sharedId: String(ref) }],
      awaitPromise: false,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (result.type === 'exception' || result.result?.value === undefined) throw new Error(`callOn failed: ${JSON.stringify(result)}`);
    return JSON.parse(result.result.value) as R;
  }
  async boxOf(ref: string | number) {
    const [x, y, width, height] = await this.callOn<[number, number, number, number]>(ref, '(el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }');
    return { x, y, width, height };
  }
  async close() {
    await this.page.close();
  }
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<Driver> {
  const profile = opts.profile ?? (await mkdtemp(join(tmpdir(), 'factcard-firefox-')));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
      // Dark mode for screenshots: 0 = dark, 1 = light (content preference override).
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      ...(opts.preciseTimers ? PRECISE_TIMERS : {}),
      // The harness installs the extension as a temporary add-on, which Firefox removes at
      // shutdown; with a kept profile, keep its storage as an installed add-on's is kept.
      ...(opts.profile ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true } : {}),
    },
  });
  await browser.installExtension(opts.extension ?? EXT_DIRS.firefox);
  const requests: string[] = [];
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('request', (r) => requests.push(r.url()));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => errors.push(`${p.url()}: ${String(e)}`));
  };
  browser.on('targetcreated', (t) => {
    void t.page().then((p) => p && watch(p));
  });
  for (const p of await browser.pages()) watch(p);
  const base = `moz-extension://${EXT_UUID}`;

  const driver: Driver = {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const tp = new FirefoxPage(page, browser);
      await tp.goto(url);
      return tp;
    },
    extensionUrl: (path) => base + path,
    async waitForTab(prefix, timeoutMs = 10_000) {
      const found = await poll(
        async () => {
          const { result } = (await bidi(browser).send('browsingContext.getTree', {})) as { result: { contexts: { context: string; url: string }[] } };
          const ctx = result.contexts.find((c) => c.url.startsWith(prefix));
          if (!ctx) return null;
          const page = (await browser.pages()).find((p) => contextId(p) === ctx.context);
          return page ? { page, url: ctx.url } : null;
        },
        `a tab at ${prefix}`,
        timeoutMs,
      );
      const tp = new FirefoxPage(found.page, browser, found.url.startsWith('moz-extension:') ? found.url : null);
      await poll(async () => tp.evaluate(() => document.readyState === 'complete'), 'the tab to load', timeoutMs);
      return tp;
    },
    async tabIdOf(url) {
      const probe = await driver.open(base + '/popup.html?tab=0');
      try {
        return await probe.evaluate(findTabByContentUrl, url);
      } finally {
        await probe.close();
      }
    },
    requests: () => [...requests],
    errors: () => [...errors],
    async close() {
      await browser.close();
      await sleep(100);
      if (!opts.profile) await rm(profile, { recursive: true, force: true });
    },
  };
  return driver;
}
