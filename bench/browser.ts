// In-browser measurements: Factcard installed (through the e2e harness) and the baselines
// (floor walk, mark.js) in the same browser build without the extension. See bench/README.md
// for what each figure means.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { poll, sleep, wordCenter, type Driver, type TestPage } from '../test/e2e/harness';
import type { Page as PpPage } from 'puppeteer-core';
import { cdpSession, evaluateText, type PlainBrowser } from '../test/e2e/harness/native';
import { DEFAULT_SETTINGS } from '../core/settings';
import { highlightCss } from '../dom/highlighter';
import { FLOOR_WALK, markDefaultExpr, markRegExpExpr, PAGE_DOM_WORK, READ_STATE, STOP_OBSERVER, type ObserverState } from './observer';

const require = createRequire(import.meta.url);
const MARK_JS = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

/** One page load with Factcard, all times in ms from DOMContentLoaded. */
export interface FactcardSample {
  /** The later of the last highlight change and `found`: everything found and drawn. */
  settle: number;
  /** Last highlight change (what is drawn settles; windowed on big pages). */
  lastHighlight: number | null;
  /** When the content script first answered the popup's summary as 'ready': the whole page read. */
  found: number | null;
  /** Mentions on the whole page, from that summary (the popup's total). */
  foundMentions: number | null;
  first: number | null;
  /** Ranges drawn in the first animation frame after DOMContentLoaded (what it painted). */
  firstFrameMentions: number | null;
  /** Whether that frame was the page's first paint (none painted before DOMContentLoaded). */
  firstFrameIsFirstPaint: boolean | null;
  /** When that frame's animation-frame callbacks ran (before its style, layout and paint). Absent in older results. */
  firstFrameAt?: number | null;
  /**
   * When that frame was done (its style, layout and paint): the scan's part after the
   * DOMContentLoaded task follows it in Chromium's build. Absent in older results.
   */
  firstFrameDone?: number | null;
  /**
   * Whether the settings had come back by DOMContentLoaded: the page saw Factcard's highlights
   * registered (done as soon as the settings say the page is on) when that event began. Absent
   * in older results.
   */
  settingsByDcl?: boolean | null;
  /**
   * Whether Factcard's highlight stylesheet was in the page when its HTML had been parsed (the
   * settings had come back by then): adopted later, it restyles a page that is already styled
   * (sheetRestyleRun). Absent in older results.
   */
  sheetBeforeParsed?: boolean | null;
  /**
   * When the page first saw Factcard's highlights registered: the content script registers
   * them (empty) as soon as its settings say the page is on, or at its first drawing.
   */
  start: number | null;
  /** settle − start: the content script's own scan time. */
  work: number | null;
  /** Ranges drawn when settled (highlight registry sizes). */
  mentions: number;
  heapBytes: number | null;
}

export interface BaselineSample {
  ms: number;
  cut: boolean;
  detail: string;
}

async function readState(p: TestPage): Promise<ObserverState> {
  return evaluateText<ObserverState>(p, READ_STATE);
}

/** Waits until the highlights stopped changing for `quietMs` (or none came at all). */
export async function waitSettled(p: TestPage, quietMs: number, timeoutMs: number): Promise<ObserverState> {
  const s = await poll(
    async () => {
      const st = await readState(p);
      if (st.registered === null) return null;
      // Collecting a big page's text can take a while before the first publish: before any
      // highlight, wait longer (a page without names settles after 10 s of nothing).
      if (st.last === null) return st.now - st.registered > 10_000 ? st : null;
      return st.now - st.last > quietMs ? st : null;
    },
    'Factcard to settle',
    timeoutMs,
    100,
  );
  await evaluateText(p, STOP_OBSERVER);
  return s;
}

/** Heap of the tab's renderer isolate after two full GCs (Chromium only). */
async function heapUsed(p: TestPage): Promise<number> {
  const cdp = await cdpSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/**
 * Runs in an extension page: asks every tab's content script for its summary (the popup's own
 * getSummary) and returns the one at `url` with the wall-clock time of the answer, or null.
 * One round per call: the runner paces the calls, since timers in an extension page that is
 * not the front tab are throttled to one a second (Firefox).
 */
async function summaryOf({ url, tab }: { url: string; tab: number | null }): Promise<{ tab: number; status: string; total: number; at: number; settledAt: number | null } | null> {
  type Summary = { status?: string; url?: string; entities?: { count: number }[]; settledAt?: number };
  type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, msg: object, o: object): Promise<Summary | undefined> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome) as Api;
  const ids = tab === null ? (await api.tabs.query({})).map((t) => t.id) : [tab];
  for (const id of ids) {
    if (id === undefined) continue;
    try {
      const s = await api.tabs.sendMessage(id, { type: 'getSummary', req: {} }, { frameId: 0 });
      if (s?.url !== url) continue;
      return { tab: id, status: s.status ?? '', total: (s.entities ?? []).reduce((n, e) => n + e.count, 0), at: Date.now(), settledAt: typeof s.settledAt === 'number' ? s.settledAt : null };
    } catch {
      // no content script there (yet)
    }
  }
  return null;
}

/**
 * Polls summaryOf every few ms until the content script at `url` says 'ready' (its scan is
 * idle: the whole page read), and returns when, by the wall clock, with the page's total. This
 * times the whole-page scan, which the highlight registry alone no longer shows: on a big page
 * only mentions near the viewport are drawn.
 */
async function watchReady(probe: TestPage, url: string): Promise<{ at: number; total: number; settledAt: number | null } | null> {
  const end = Date.now() + 120_000;
  let tab: number | null = null;
  while (Date.now() < end) {
    const s: Awaited<ReturnType<typeof summaryOf>> = await probe.evaluate(summaryOf, { url, tab }).catch(() => null);
    if (s) {
      tab = s.tab;
      if (s.status === 'ready') return { at: s.at, total: s.total, settledAt: s.settledAt };
    }
    await sleep(5);
  }
  return null;
}

export async function factcardRun(driver: Driver, url: string, opts: { quietMs: number; heap: boolean }): Promise<FactcardSample> {
  const probe = await driver.open(driver.extensionUrl('/popup.html?tab=0'));
  const full = `${url}#observe`;
  const p = await driver.open(full);
  try {
    const st = await waitSettled(p, opts.quietMs, 120_000);
    // The summary is asked for only now: it says when the scan went idle by the page's own
    // clock (settledAt), so asking late loses nothing, and every question asked while the page
    // loads is a task on the page's main thread (the summary counts every mention) and work
    // for the machine's two cores, in the middle of what is being timed. Until the eleventh
    // pass the probe asked every 5 ms from the navigation on, and the settled figures carried
    // that cost (bench/README.md, eleventh pass).
    const r = await watchReady(probe, full).catch(() => null);
    const origin = await evaluateText<number>(p, 'performance.timeOrigin');
    // Builds without settledAt (compare runs against old refs): when the answer came.
    const foundAt = r ? (r.settledAt ?? r.at) - origin : null;
    const lastAt = st.last ?? st.registered ?? st.dcl;
    const settleAt = Math.max(lastAt, foundAt ?? lastAt);
    return {
      settle: settleAt - st.dcl,
      lastHighlight: st.last === null ? null : st.last - st.dcl,
      found: foundAt === null ? null : foundAt - st.dcl,
      foundMentions: r ? r.total : null,
      first: st.first === null ? null : st.first - st.dcl,
      firstFrameMentions: st.frame ? st.frame[1] : null,
      firstFrameIsFirstPaint: st.frame && st.firstPaint !== null ? st.firstPaint >= st.dcl : null,
      firstFrameAt: st.frame ? st.frame[0] - st.dcl : null,
      firstFrameDone: st.frameDone === null ? null : st.frameDone - st.dcl,
      settingsByDcl: st.onAtDcl ?? null,
      sheetBeforeParsed: st.sheetAtParsed ?? null,
      start: st.registered === null ? null : st.registered - st.dcl,
      work: st.registered === null ? null : settleAt - st.registered,
      mentions: st.count,
      heapBytes: opts.heap ? await heapUsed(p) : null,
    };
  } finally {
    await p.close();
    await probe.close();
  }
}

/** What a page load waits for, in ms from the first byte of its HTML (navigation timing's responseStart). */
export interface LoadTiming {
  /** DOMContentLoaded: a document_start content script runs, and delays it, before the page is parsed. */
  dcl: number;
  /** First contentful paint. */
  fcp: number | null;
  /**
   * When the first frame after DOMContentLoaded was done (its style, layout and paint): the
   * scan's work after the DOMContentLoaded task waits for it. Absent in older results.
   */
  frameDone?: number | null;
  /** When that frame's animation-frame callbacks ran, inside its task. Absent in older results. */
  frameAt?: number | null;
  /**
   * Long tasks that ended after DOMContentLoaded, as [start, duration] (Long Tasks API,
   * Chromium only; null where there is none). Absent in older results.
   */
  longTasks?: [number, number][] | null;
  /**
   * ms the document's DOMContentLoaded listeners registered before the page's own took: a
   * document_start content script's (with Factcard, its scan's first chunk; ~0 alone). Absent
   * in older results.
   */
  dclListeners?: number | null;
}

/** ms between DOMContentLoaded reaching the window and the page's own first listener (see LoadTiming.dclListeners). */
function dclListeners(st: ObserverState): number | null {
  return st.dclIn == null || st.dclOut == null ? null : st.dclOut - st.dclIn;
}

function loadTiming(st: ObserverState): LoadTiming {
  const since = (t: number | null | undefined): number | null => (t === null || t === undefined ? null : t - st.responseStart);
  const tasks = st.longtasks?.filter(([t, d]) => t + d >= st.dcl).map(([t, d]): [number, number] => [t - st.responseStart, d]) ?? null;
  return { dcl: st.dcl - st.responseStart, fcp: since(st.fcp), frameDone: since(st.frameDone), frameAt: since(st.frameAt), longTasks: tasks, dclListeners: dclListeners(st) };
}

/**
 * One load of the page, nothing else on it (no observer loop, no summary probe): its heap and
 * load timing (long tasks included). Run in the browser without the extension (the page alone)
 * and in the one with it, so the two load timings differ only by the content script.
 */
export async function plainPageRun(browser: { open(url: string): Promise<TestPage> }, url: string, heap: boolean): Promise<{ heapBytes: number | null; load: LoadTiming }> {
  const p = await browser.open(url);
  try {
    await sleep(500);
    const st = await readState(p);
    return { heapBytes: heap ? await heapUsed(p) : null, load: loadTiming(st) };
  } finally {
    await p.close();
  }
}

/** The page's own DOM work (PAGE_DOM_WORK), `afterMs` after the page opened: with Factcard settled by then, or alone. */
export interface DomWorkSample {
  appendRemove: number;
  textEdits: number;
  edits: number;
  /** The root's text colour changed and the style brought up to date (absent in older results). */
  restyleRoot?: number;
  /** Then the body's. */
  restyleBody?: number;
}

export async function pageDomWorkRun(browser: { open(url: string): Promise<TestPage> }, url: string, afterMs: number): Promise<DomWorkSample> {
  const p = await browser.open(url);
  try {
    await sleep(afterMs);
    return await evaluateText<DomWorkSample>(p, PAGE_DOM_WORK);
  } finally {
    await p.close();
  }
}

/** The name of the isolated world (Chromium) or sandbox (Firefox) the isolated-world floor runs in. */
const FLOOR_WORLD = 'factcard-floor';

/**
 * Chromium: evaluates `source` in a new isolated world of the page's main frame, the kind of
 * world a content script runs in (CDP `Page.createIsolatedWorld`, then `Runtime.evaluate` in
 * that execution context), and returns its awaited JSON-like value.
 */
async function evaluateInIsolatedWorld<R>(p: TestPage, source: string): Promise<R> {
  const cdp = await cdpSession(p);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: FLOOR_WORLD, grantUniveralAccess: false })) as { executionContextId: number };
    const r = (await cdp.send('Runtime.evaluate', { expression: source, contextId: executionContextId, returnByValue: true, awaitPromise: true })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`isolated-world evaluation failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as R;
  } finally {
    await cdp.detach();
  }
}

/**
 * Firefox: evaluates `source` in a WebDriver BiDi sandbox of the page's top-level browsing
 * context (`script.evaluate` with `target.sandbox`): a Sandbox whose view of the page's DOM
 * goes through Xray wrappers, as a content script's does. The value crosses as JSON.
 */
async function evaluateInSandbox<R>(page: PpPage, source: string): Promise<R> {
  type Bidi = { send(method: string, params: object): Promise<{ result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } }> };
  const bidi = (page.browser() as unknown as { connection: Bidi }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await bidi.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${source})))()`,
    target: { context, sandbox: FLOOR_WORLD },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type !== 'success' || typeof result.result?.value !== 'string') throw new Error(`sandbox evaluation failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return JSON.parse(result.result.value) as R;
}

/**
 * Evaluates `source` in an isolated world of a plain page, either browser: a Chromium
 * isolated world (the page is Playwright's) or a Firefox sandbox (the page is Puppeteer's).
 */
function evaluateIsolated<R>(p: TestPage, source: string): Promise<R> {
  const page = (p as unknown as { page: object }).page;
  return typeof (page as { context?: unknown }).context === 'function' ? evaluateInIsolatedWorld<R>(p, source) : evaluateInSandbox<R>(page as PpPage, source);
}

/**
 * The floor: FLOOR_WALK on a freshly loaded page without the extension, in the page's main
 * world (`'main'`) or in an isolated world as a content script's (`'isolated'`), where every
 * node the walk touches gets a wrapper of that world's own. With `source`, another walk of the
 * same shape: the scan's own floor (bench/scan-floor.ts), which counts matches, not chars.
 */
export async function floorRun(browser: PlainBrowser, url: string, world: 'main' | 'isolated' = 'main', source = FLOOR_WALK): Promise<BaselineSample> {
  const p = await browser.open(url);
  try {
    const evaluate = world === 'main' ? evaluateText : evaluateIsolated;
    const r = await evaluate<{ ms: number; nodes: number; chars?: number; matches?: number }>(p, source);
    return { ms: r.ms, cut: false, detail: `${r.nodes} text nodes, ${r.matches === undefined ? `${r.chars} chars` : `${r.matches} matches`}` };
  } finally {
    await p.close();
  }
}

/**
 * What Factcard's highlight stylesheet costs a page that is styled already, without the
 * extension: on the loaded page, style and layout brought up to date, then the stylesheet
 * adopted (the content script's, for the default settings) and brought up to date again,
 * timed. The content script adopts it as soon as its settings say the page is on; when they
 * come back after the HTML was parsed, the browser pays this in its next frame.
 */
export async function sheetRestyleRun(browser: PlainBrowser, url: string): Promise<BaselineSample> {
  const p = await browser.open(url);
  try {
    const css = JSON.stringify(highlightCss(DEFAULT_SETTINGS.highlightStyle, DEFAULT_SETTINGS.highlightColor));
    const r = await evaluateText<{ ms: number }>(p, `(() => {
      void document.body.offsetHeight;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(${css});
      const t0 = performance.now();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      void document.body.offsetHeight;
      return { ms: performance.now() - t0 };
    })()`);
    return { ms: r.ms, cut: false, detail: 'stylesheet adopted, style and layout up to date' };
  } finally {
    await p.close();
  }
}

/**
 * mark.js on a freshly loaded page without the extension: in the page's main world, or
 * (`'isolated'`) in an isolated world as a content script's, where every DOM call mark.js makes
 * goes through that world's wrappers (Firefox: Xray wrappers), as Factcard's do.
 */
export async function markRun(browser: PlainBrowser, url: string, mode: 'default' | 'regexp', names: string[], limitMs: number, world: 'main' | 'isolated' = 'main'): Promise<BaselineSample> {
  const p = await browser.open(url);
  try {
    const expr = mode === 'default' ? markDefaultExpr(names, limitMs) : markRegExpExpr(names);
    type Out = { ms: number; cut: boolean; done: number; total: number; marks: number };
    let r: Out;
    if (world === 'main') {
      await evaluateText(p, MARK_JS);
      r = await evaluateText<Out>(p, expr);
    } else {
      // One evaluation: the library and the call in the same world (mark.js's UMD wrapper sets
      // that world's global Mark).
      r = await evaluateIsolated<Out>(p, `(() => { ${MARK_JS}\n; return ${expr}; })()`);
    }
    return { ms: r.ms, cut: r.cut, detail: r.cut ? `cut after ${r.done} of ${r.total} names, ${r.marks} marks` : `${r.marks} marks` };
  } finally {
    await p.close();
  }
}

export interface DynamicResult {
  /** Per batch: from the append to the last highlight change it caused. */
  latencies: number[];
  /** Ranges added per batch. */
  added: number[];
  longTasks: number | null;
  longestTask: number | null;
}

/** Infinite scroll: `batches` bursts of paragraphs appended at the end, near the viewport. */
export async function dynamicRun(driver: Driver, url: string, bursts: string[], gapMs: number): Promise<DynamicResult> {
  const p = await driver.open(`${url}#observe`);
  try {
    const initial = await waitSettled(p, 300, 30_000);
    // The observer stopped at settle: restart it for the bursts.
    await evaluateText(p, `(() => { const s = window.__fcObs; s.stop = false; s.changes = []; s.longtasks && (s.longtasks.length = 0); })()`);
    await evaluateText(p, `(() => { const s = window.__fcObs; const names = ['factcard-person','factcard-organization','factcard-group','factcard-place'];
      let seen = -1; const tick = () => { let sum = 0; for (const n of names) { const h = CSS.highlights.get(n); if (h) sum += h.size; }
      if (sum !== seen) { seen = sum; s.changes.push([performance.now(), sum]); } if (!s.stop) setTimeout(tick, 0); }; tick(); })()`);
    const start = await evaluateText<number>(p, 'performance.now()');
    for (const html of bursts) {
      await evaluateText(p, `(() => { window.scrollTo(0, document.documentElement.scrollHeight); return window.__fcAppend(${JSON.stringify(html)}); })()`);
      await sleep(gapMs);
    }
    await sleep(500);
    await evaluateText(p, STOP_OBSERVER);
    const st = await readState(p);
    const latencies: number[] = [];
    const added: number[] = [];
    let before = initial.count;
    st.batches.forEach((t, i) => {
      const end = st.batches[i + 1] ?? Infinity;
      const inBatch = st.changes.filter(([ct]) => ct >= t && ct < end);
      const lastChange = inBatch[inBatch.length - 1];
      if (lastChange) {
        latencies.push(lastChange[0] - t);
        added.push(lastChange[1] - before);
        before = lastChange[1];
      }
    });
    const tasks = st.longtasks?.filter(([t]) => t >= start) ?? null;
    return { latencies, added, longTasks: tasks ? tasks.length : null, longestTask: tasks ? Math.max(0, ...tasks.map(([, d]) => d)) : null };
  } finally {
    await p.close();
  }
}

export interface HoverSamples {
  /** Per hover: from the end of the dwell (the pointer's last move + the dwell) to the card painted. */
  samples: number[];
  /** Per hover: animation frames that began after the dwell ended and before the card's frame (0: the card was in the first). */
  framesBefore: number[];
  failures: number;
}

/**
 * Hover: the pointer rests off the text, then jumps onto a name in one move; latency = (the
 * end of the frame that renders the card) − (that pointermove's time stamp) − dwell, and the
 * animation frames that began between the end of the dwell and the card's frame.
 */
export async function hoverRun(driver: Driver, url: string, words: string[], dwellMs: number): Promise<HoverSamples> {
  const p = await driver.open(`${url}#observe`);
  const samples: number[] = [];
  const framesBefore: number[] = [];
  let failures = 0;
  try {
    await waitSettled(p, 400, 30_000);
    await sleep(600); // the content script fetches the page's cards 250 ms after it settles
    await evaluateText(p, 'window.__fcWatchFrames()');
    for (const word of words) {
      const { x, y } = await wordCenter(p, word);
      await p.mouseMove(1250, y, 3);
      await sleep(200);
      await evaluateText(p, `(() => { const s = window.__fcObs; s.hostAt = null; s.hostFrame = null; s.paintedAt = null; s.lastMove = null; })()`);
      await p.mouseMove(x, y, 1);
      try {
        const st = await poll(async () => {
          const s = await readState(p);
          return s.paintedAt !== null ? s : null;
        }, `the card for ${word}`, 5_000, 20);
        const dwellEnd = st.lastMove! + dwellMs;
        samples.push(st.paintedAt! - dwellEnd);
        framesBefore.push(st.frames.filter((t) => t > dwellEnd && t < st.hostFrame!).length);
      } catch {
        failures++;
      }
      await p.press('Escape');
      await p.mouseMove(1250, y, 3);
      await poll(() => evaluateText<boolean>(p, `!document.querySelector('factcard-host')`), 'the card to close', 5_000, 50).catch(() => {});
      await sleep(100);
    }
    return { samples, framesBefore, failures };
  } finally {
    await p.close();
  }
}

export interface SoakResult {
  paragraphsAdded: number;
  paragraphsRemoved: number;
  /** The content script's whole-page count at the end, and what a fresh scan of the final page finds. */
  mentions: number | null;
  expectedMentions: number;
  /** Ranges registered as highlights at the end (drawing is windowed above 1,500 mentions). */
  drawn: number;
  heapBefore: number | null;
  heapAfter: number | null;
  elapsedMs: number;
}

/**
 * Infinite-scroll soak: paragraphs appended in bursts at the bottom (scrolled there), and
 * every other paragraph of the previous burst removed after each burst. At the end the
 * content script must count exactly what a fresh scan of the final page finds (nothing kept
 * for nodes that left the document), and its heap must be bounded.
 */
export async function soakRun(
  driver: Driver,
  url: string,
  bursts: string[][],
  gapMs: number,
  countFresh: (html: string) => Promise<number>,
): Promise<SoakResult> {
  const probe = await driver.open(driver.extensionUrl('/popup.html?tab=0'));
  const full = `${url}#observe`;
  const p = await driver.open(full);
  const t0 = Date.now();
  try {
    await waitSettled(p, 300, 30_000);
    const heapBefore = driver.name === 'chromium' ? await heapUsed(p) : null;
    let added = 0;
    let removed = 0;
    // Each round removes every other paragraph of the previous burst, then appends the next
    // burst; a last round (no burst) halves the last one.
    for (const burst of [...bursts, []]) {
      removed += await evaluateText<number>(p, `(() => {
        const old = [...document.querySelectorAll('p[data-soak]')];
        let n = 0;
        for (let i = 0; i < old.length; i += 2) { old[i].remove(); n++; }
        for (const el of old) el.removeAttribute('data-soak');
        const box = document.createElement('div');
        box.innerHTML = ${JSON.stringify(burst.map((h) => h.replace('<p>', '<p data-soak>')).join(''))};
        document.querySelector('article').append(...box.childNodes);
        window.scrollTo(0, document.documentElement.scrollHeight);
        return n;
      })()`);
      added += burst.length;
      await sleep(gapMs);
    }
    await sleep(1500);
    const summary = await watchReady(probe, full);
    const html = await evaluateText<string>(p, 'document.documentElement.outerHTML');
    const drawn = await evaluateText<number>(p, `['person','organization','group','place'].reduce((n, t) => n + (CSS.highlights.get('factcard-' + t)?.size ?? 0), 0)`);
    const heapAfter = driver.name === 'chromium' ? await heapUsed(p) : null;
    return {
      paragraphsAdded: added,
      paragraphsRemoved: removed,
      mentions: summary?.total ?? null,
      expectedMentions: await countFresh(html),
      drawn,
      heapBefore,
      heapAfter,
      elapsedMs: Date.now() - t0,
    };
  } finally {
    await p.close();
    await probe.close();
  }
}
