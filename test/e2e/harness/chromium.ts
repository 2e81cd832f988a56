import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findTabByContentUrl, poll, type Clip, type Driver, type LaunchOptions, type TestPage } from './driver';
import { EXT_DIRS } from './paths';
import type { SNode } from './shadow';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface CdpNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function toSNode(n: CdpNode): SNode {
  if (n.nodeType === 3) return { tag: '#text', attrs: {}, text: n.nodeValue ?? '', children: [], ref: n.backendNodeId };
  const attrs: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) attrs[a[i] as string] = a[i + 1] as string;
  const children = [...(n.shadowRoots ?? []), ...(n.children ?? [])].filter((c) => c.nodeType !== 8).map(toSNode);
  return { tag: n.nodeType === 11 ? '#shadow' : (n.localName ?? n.nodeName.toLowerCase()), attrs, children, ref: n.backendNodeId };
}

function findHost(n: CdpNode): CdpNode | null {
  return findHosts(n)[0] ?? null;
}

function findHosts(n: CdpNode, out: CdpNode[] = []): CdpNode[] {
  if (n.localName === 'factcard-host') out.push(n);
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) findHosts(c, out);
  return out;
}

class ChromiumPage implements TestPage {
  private cdp: CDPSession | null = null;
  constructor(readonly page: Page) {}
  url = () => this.page.url();
  async goto(url: string) {
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
    await this.page.keyboard.press(key);
  }
  async keyDown(key: string) {
    await this.page.keyboard.down(key);
  }
  async keyUp(key: string) {
    await this.page.keyboard.up(key);
  }
  async screenshot(path: string, clip?: Clip) {
    await this.page.screenshot({ path, ...(clip ? { clip } : {}) });
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }
  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }
  async readShadow(): Promise<SNode | null> {
    const cdp = await this.session();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    return shadow ? toSNode(shadow) : null;
  }
  async readShadows(): Promise<SNode[]> {
    const cdp = await this.session();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return findHosts(root).flatMap((h) => (h.shadowRoots?.[0] ? [toSNode(h.shadowRoots[0])] : []));
  }
  async axQuery(within: string | number, role: string, name?: string) {
    const cdp = await this.session();
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
      backendNodeId: Number(within),
      role,
      ...(name !== undefined ? { accessibleName: name } : {}),
    })) as { nodes: { ignored?: boolean; backendDOMNodeId?: number }[] };
    return nodes.filter((n) => !n.ignored && n.backendDOMNodeId !== undefined).map((n) => ({ ref: n.backendDOMNodeId as number }));
  }
  async callOn<R>(ref: string | number, fn: string): Promise<R> {
    const cdp = await this.session();
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: Number(ref) })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${fn})(this); }`,
      returnByValue: true,
    })) as { result: { value: R } };
    return result.value;
  }
  async boxOf(ref: string | number) {
    const cdp = await this.session();
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: Number(ref) })) as { model: { border: number[] } };
    const q = model.border;
    const xs = [q[0], q[2], q[4], q[6]] as number[];
    const ys = [q[1], q[3], q[5], q[7]] as number[];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }
  async close() {
    await this.page.close();
  }
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<Driver> {
  const profile = opts.profile ?? (await mkdtemp(join(tmpdir(), 'factcard-chromium-')));
  const ext = opts.extension ?? EXT_DIRS.chrome;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    colorScheme: opts.colorScheme ?? 'light',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extId = new URL(worker.url()).host;
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);

  return {
    name: 'chromium',
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return new ChromiumPage(page);
    },
    extensionUrl: (path) => `chrome-extension://${extId}${path}`,
    async waitForTab(prefix, timeoutMs = 10_000) {
      const page = await poll(async () => context.pages().find((p) => p.url().startsWith(prefix)), `a tab at ${prefix}`, timeoutMs);
      await page.waitForLoadState('load');
      return new ChromiumPage(page);
    },
    tabIdOf: (url) => worker.evaluate(findTabByContentUrl, url),
    requests: () => [...requests],
    errors: () => [...errors],
    async close() {
      await context.close();
      if (!opts.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}
