// One interface over the two real browsers, so every e2e test runs in both:
// Chromium through playwright-core (CDP), Firefox ESR through puppeteer-core (WebDriver BiDi).

import type { SNode } from './shadow';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** A profile directory to use and keep (a restart test relaunches with it); default a fresh one. */
  profile?: string;
  /** The built extension to install (its folder); default this checkout's `npm run build` output. */
  extension?: string;
  /**
   * Firefox: performance.now() and event times to the microsecond, as Chromium gives them
   * (`privacy.reduceTimerPrecision` off; the benchmarks only). Firefox otherwise rounds them to
   * whole milliseconds with jitter, too coarse for a page that takes 8 ms. Only the clocks change.
   */
  preciseTimers?: boolean;
  /** Firefox: extra environment for the browser process (the Gecko profiler's start-up variables: bench/profile-firefox.ts). */
  env?: Record<string, string>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TestPage {
  readonly url: () => string;
  goto(url: string): Promise<void>;
  /** Runs in the page's own (main) world: what a page script can see. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Holds a key down (a modifier for hold-to-show) until keyUp; pointer moves meanwhile carry it. */
  keyDown(key: string): Promise<void>;
  keyUp(key: string): Promise<void>;
  /** Makes this the active tab, as the tab a user hovers in is. */
  bringToFront(): Promise<void>;
  /** A PNG of the viewport, or of `clip` (CSS px) within it. */
  screenshot(path: string, clip?: Clip): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Factcard's closed shadow root, read through the protocol; null when no card host is in the page. */
  readShadow(): Promise<SNode | null>;
  /** Every Factcard host's closed shadow root, in document order (pinned cards have their own). */
  readShadows(): Promise<SNode[]>;
  /**
   * Nodes under `within` (a node or shadow root read by readShadow) that the browser's own
   * accessibility tree gives `role` and, when given, the accessible name `name`: Chromium's
   * Accessibility.queryAXTree (CDP), Firefox's accessibility locator (WebDriver BiDi).
   */
  axQuery(within: string | number, role: string, name?: string): Promise<{ ref: string | number }[]>;
  /** The viewport box of a node read by readShadow. */
  boxOf(ref: string | number): Promise<{ x: number; y: number; width: number; height: number }>;
  /** Calls `fn` (source of a function taking the node) on a node read by readShadow; returns a JSON value. */
  callOn<R>(ref: string | number, fn: string): Promise<R>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: BrowserName;
  /** Opens a new tab at a URL (http or extension page). */
  open(url: string): Promise<TestPage>;
  /** The URL of an extension page, e.g. extensionUrl('/popup.html'). */
  extensionUrl(path: string): string;
  /** Waits for a new tab whose URL starts with `prefix`, opened by the extension. */
  waitForTab(prefix: string, timeoutMs?: number): Promise<TestPage>;
  /** The browser's tab id of the tab showing `url` (asked of the extension's own APIs). */
  tabIdOf(url: string): Promise<number>;
  /** Pages the browser fetched, for the no-network assertions. */
  requests(): string[];
  /** Errors reported by the extension's contexts or the pages. */
  errors(): string[];
  close(): Promise<void>;
}

export async function poll<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs inside an extension context (service worker or extension page): finds the tab whose
 * content script reports `url`. Tab URLs need the "tabs" permission, which Factcard does not
 * ask for, so the harness asks each tab's content script instead (the popup's own protocol).
 */
export async function findTabByContentUrl(url: string): Promise<number> {
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, msg: object, o: object): Promise<{ url?: string } | undefined> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome) as Api;
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    try {
      const summary = await api.tabs.sendMessage(tab.id, { type: 'getSummary', req: {} }, { frameId: 0 });
      if (summary?.url === url) return tab.id;
    } catch {
      // no content script in that tab
    }
  }
  throw new Error(`no tab's content script reports ${url}`);
}
