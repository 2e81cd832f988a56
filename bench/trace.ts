// `npm run bench:trace -- [10k|200k|2m]` (default 2m): where the wall time goes on the renderer's
// main thread after DOMContentLoaded, from a Chromium trace of one page load with the built
// extension: each task over 2 ms with its parts (our script, the page's style, layout, paint,
// intersection observers, V8 compile and GC; style and layout that ran inside our script's call,
// i.e. forced by one of its DOM reads, are named so), then totals. PROFILE_EXT picks the build (default
// .output/chrome-mv3), NO_EXT=1 loads the page without it, TRACE_SAMPLES=1 adds the CPU
// profiler's top functions per task (the profiler slows the script: durations then run long).
// TRACE_FROM=parse lists the tasks from the page's first parse on (document_start included);
// TRACE_SCROLL=1 moves the mouse onto the page once it has settled and scrolls it with 60 wheel
// steps of 400 px, 16 ms apart, and lists only the tasks from then on (what scrolling costs).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../test/e2e/harness';
import { staticPage } from './pages';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = resolve(ROOT, process.env.PROFILE_EXT ?? '.output/chrome-mv3');
const SIZES: Record<string, number> = { '10k': 10_000, '200k': 200_000, '2m': 2_000_000 };

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; cat: string }

async function main(): Promise<void> {
  const key = process.argv[2] ?? '2m';
  const page0 = staticPage(key, key, SIZES[key]!);
  const server = await startServer({ [`/${key}.html`]: { type: 'text/html', body: page0.html } });
  const profile = await mkdtemp(join(tmpdir(), 'factcard-trace-'));
  const withExt = process.env.NO_EXT !== '1';
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (withExt) args.unshift(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, args });
  if (withExt && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const url = server.url(`/${key}.html`);
  // One load first, so the measured one is not the browser's first (caches, the worker).
  const warm = await context.newPage();
  await warm.goto(url);
  await warm.waitForTimeout(1500);
  await warm.close();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => { events.push(...(e.value as unknown as TraceEvent[])); });
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'v8,v8.compile,disabled-by-default-v8.compile,disabled-by-default-v8.gc,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading', transferMode: 'ReportEvents' });
  const sampling = process.env.TRACE_SAMPLES === '1';
  if (sampling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(key === '2m' ? 2500 : 1200);
  const scroll = process.env.TRACE_SCROLL === '1';
  let scrollStart = 0;
  if (scroll) {
    scrollStart = await page.evaluate(() => performance.timeOrigin + performance.now());
    await page.mouse.move(600, 400);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(500);
  }
  const dclWall = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
  const { profile: prof } = sampling ? (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[]; startTime: number; samples: number[]; timeDeltas: number[] } } : { profile: { nodes: [], startTime: 0, samples: [], timeDeltas: [] } };
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  await rm(profile, { recursive: true, force: true });
  await server.close();

  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(`/${key}.html`));
  const dcl = parse && events.find((e) => e.name === 'MarkDOMContent' && e.ts > parse.ts);
  if (!parse || !dcl) throw new Error('no ParseHTML/DCL in trace');
  // The renderer's main thread is the one that parsed the page.
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const t0 = dcl.ts;
  // Tasks that end after DOMContentLoaded (the first one holds the parse and the DCL handlers);
  // with TRACE_FROM=parse, every task from the page's first parse on (document_start included);
  // with TRACE_SCROLL=1, from the scroll's start (trace clock: µs, the same epoch as the page's
  // navigation, found from the DCL event's page-clock time).
  const from = scroll ? t0 + (scrollStart - dclWall) * 1000 : process.env.TRACE_FROM === 'parse' ? parse.ts : t0;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= from);
  const ours = (e: TraceEvent): boolean => JSON.stringify(e.args ?? {}).includes('chrome-extension://');
  /** Event names summed inside one task (nested events overlap: a breakdown, not a partition). */
  const names = (inner: TraceEvent[]): string => {
    const m = new Map<string, number>();
    for (const e of inner) m.set(e.name, (m.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    return [...m].filter(([, v]) => v > 0.8).sort((x, y) => y[1] - x[1]).slice(0, 12).map(([f, v]) => `${f}=${v.toFixed(1)}`).join(' ');
  };
  // CPU samples (TRACE_SAMPLES=1): time → innermost extension function.
  const parentOf = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const nodeById = new Map(prof.nodes.map((n) => [n.id, n]));
  const sampleFn: [number, string][] = [];
  let ts = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    ts += prof.timeDeltas[i]!;
    let id: number | undefined = prof.samples[i];
    while (id !== undefined && !nodeById.get(id)!.callFrame.url.includes('chrome-extension://')) id = parentOf.get(id);
    if (id !== undefined) sampleFn.push([ts, nodeById.get(id)!.callFrame.functionName || '(top level)']);
  }
  const topIn = (a: number, b: number): string => {
    const m = new Map<string, number>();
    for (const [t, f] of sampleFn) if (t >= a && t < b) m.set(f, (m.get(f) ?? 0) + 0.1);
    return [...m].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([f, v]) => `${f}:${v.toFixed(1)}`).join(' ');
  };
  const KINDS = ['ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'IntersectionObserverController::computeIntersections', 'MinorGC', 'MajorGC'];
  const rows: string[] = [];
  let lastEnd = from;
  const totals = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inner = main.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts < end && e !== t);
    const kinds = new Map<string, number>();
    for (const e of inner) {
      const ms = (e.dur ?? 0) / 1000;
      // Top-level script entries only (FunctionCall: callbacks, EvaluateScript: a script's first run).
      if (e.name === 'FunctionCall' || e.name === 'EvaluateScript') add(kinds, ours(e) ? 'factcard script' : 'page script', ms);
      else if (KINDS.includes(e.name)) add(kinds, e.name === 'IntersectionObserverController::computeIntersections' ? 'IntersectionObserver' : e.name, ms);
    }
    // Style and layout run inside our script's call: forced by a DOM read (a forced reflow).
    const ourCalls = inner.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && ours(e));
    for (const e of inner) {
      if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') continue;
      if (ourCalls.some((c) => e.ts >= c.ts && e.ts + (e.dur ?? 0) <= c.ts + (c.dur ?? 0))) add(kinds, `${e.name} forced by factcard`, (e.dur ?? 0) / 1000);
    }
    for (const [k, v] of kinds) add(totals, k, v);
    add(totals, 'idle', Math.max(0, (t.ts - lastEnd) / 1000));
    lastEnd = end;
    if ((t.dur ?? 0) < 2000) continue;
    const parts = [...kinds].filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    rows.push(`${((t.ts - t0) / 1000).toFixed(1).padStart(8)} ms  task ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${parts}`);
    if (kinds.has('factcard script')) {
      rows.push(`                    inside: ${names(inner)}`);
      if (sampling) rows.push(`                    samples: ${topIn(t.ts, end)}`);
    }
  }
  process.stdout.write(`Chromium trace of ${key}.html ${withExt ? `with ${EXT}` : 'without the extension'}${scroll ? ', scrolled' : ''}; times from DOMContentLoaded\n\n${rows.join('\n')}\n\n`
    + `totals from ${scroll ? 'the scroll\'s start' : from === t0 ? 'DOMContentLoaded' : 'the first parse'} to the end (ms): ${[...totals].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}\n`);
}
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
