// Additions for the benchmarks (bench/), kept out of the e2e harness proper: the protocol
// objects behind a TestPage (a Chromium CDP session for heap figures; raw evaluation of
// script text), and the same browsers launched *without* the extension, for the in-browser
// baselines (the floor walk and mark.js) measured on the same pages.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Page as PpPage } from 'puppeteer-core';
import type { LaunchOptions, TestPage } from './driver';
import { PRECISE_TIMERS } from './firefox';

/** The playwright-core page behind a Chromium TestPage (ChromiumPage keeps it as `page`). */
export function playwrightPage(p: TestPage): PwPage {
  const page = (p as unknown as { page?: PwPage }).page;
  if (!page || typeof (page as { context?: unknown }).context !== 'function') throw new Error('not a Chromium TestPage');
  return page;
}

/** A CDP session on a Chromium TestPage (HeapProfiler, Runtime.getHeapUsage, Performance). */
export function cdpSession(p: TestPage): Promise<CDPSession> {
  const page = playwrightPage(p);
  return page.context().newCDPSession(page);
}

/**
 * Evaluates an expression given as text in the page's main world, either browser, and
 * returns its (awaited, JSON-like) value. Text rather than a function: runners such as tsx
 * may rewrite a function's source with helpers the page does not have.
 */
export async function evaluateText<R = unknown>(p: TestPage, source: string): Promise<R> {
  const page = (p as unknown as { page: PwPage | PpPage }).page;
  return (await (page as PpPage).evaluate(source)) as R;
}

/** A minimal page opener over a browser without the extension. */
export interface PlainBrowser {
  open(url: string): Promise<TestPage>;
  close(): Promise<void>;
}

/** A TestPage's subset for plain pages: evaluate and goto are what the baselines need. */
function plainPage(page: PwPage | PpPage): TestPage {
  const unsupported = () => Promise.reject(new Error('not available on a plain benchmark page'));
  return {
    page,
    url: () => page.url(),
    goto: async (url: string) => void (await (page as PwPage).goto(url, { waitUntil: 'load' })),
    evaluate: (fn: (arg: never) => unknown, arg?: unknown) => (page as PwPage).evaluate(fn as never, arg as never),
    mouseMove: unsupported,
    click: unsupported,
    press: unsupported,
    screenshot: unsupported,
    setViewport: unsupported,
    readShadow: unsupported,
    boxOf: unsupported,
    close: () => page.close(),
  } as unknown as TestPage;
}

/** Chromium with the harness's flags but no extension loaded. */
export async function launchPlainChromium(): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'factcard-plain-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return plainPage(page);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox ESR over BiDi, as the harness launches it, but with no add-on installed. */
export async function launchPlainFirefox(opts: Pick<LaunchOptions, 'preciseTimers' | 'env'> = {}): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'factcard-plain-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    extraPrefsFirefox: { 'network.captive-portal-service.enabled': false, 'browser.safebrowsing.update.enabled': false, ...(opts.preciseTimers ? PRECISE_TIMERS : {}) },
  });
  return {
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(url, { waitUntil: 'load' });
      return plainPage(page);
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
