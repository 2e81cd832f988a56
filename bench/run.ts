// `npm run bench`: every figure of the benchmark suite in one run (bench/README.md says what
// each one means and how it is measured). Prints Markdown, writes bench/results/latest.json
// and latest.md, and puts the tables between the bench markers in README.md.
// Benchmarks are not tests: nothing here fails on a time.
//
// Options (environment): BENCH_BROWSERS=chromium,firefox · BENCH_QUICK=1 (fewer runs, smaller
// matcher sets: a smoke run of the whole pipeline) · BENCH_NO_README=1.

import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../core/settings';
import { assertBuilt, launch, poll, startServer, type BrowserName, type Driver } from '../test/e2e/harness';
import { evaluateText, launchPlainChromium, launchPlainFirefox, type PlainBrowser } from '../test/e2e/harness/native';
import type { Routes } from '../test/e2e/harness/server';
import { dynamicRun, factcardRun, floorRun, hoverRun, markRun, pageDomWorkRun, plainPageRun, sheetRestyleRun, soakRun, type BaselineSample, type SoakResult } from './browser';
import { scanContent } from '../scripts/scan';
import type { Dataset } from '../core/dataset-types';
import { readFileSync } from 'node:fs';
import { INDEX_LOAD_PAGE, matcherModuleRoutes } from './index-load';
import { runMatcherBench } from './matcher';
import { scanFloorSource } from './scan-floor';
import { syntheticAliases } from './matcher-data';
import { machineInfo } from './machine';
import { quiet } from './quiet';
import { roundRobin } from './round-robin';
import { dynamicParagraphs, pageNames, staticPage, type BenchPage } from './pages';
import { writeHistory } from './history';
import { writeResults, type BenchResult, type BrowserResult, type BuildInfo, type PageResult } from './report';
import { bytesOf, contentScriptHash, contentScriptSize, datasetIndexJson, syntheticIndexJson } from './size';
import { stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const BROWSERS = (process.env.BENCH_BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox'];
/** mark.js default mode is cut after this long (one run only when it is cut). */
const MARK_LIMIT_MS = QUICK ? 3_000 : 30_000;
const log = (line: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

// Every page gets more loads than the 5 that were enough for the first round's gaps: the rows
// now compare figures a few ms apart (one load more or less moved a median past
// `markRegExp()`'s from one run to the next), and split the loads by when the settings came
// back (report.ts, settingsLateBound, sheetBound).
const PAGES: { page: BenchPage; runs: number; warmup: number }[] = [
  { page: staticPage('10k', '10 KB', 10_000), runs: QUICK ? 2 : 9, warmup: 1 },
  { page: staticPage('200k', '200 KB', 200_000), runs: QUICK ? 2 : 9, warmup: 1 },
  { page: staticPage('2m', '2 MB', 2_000_000), runs: QUICK ? 1 : 7, warmup: 1 },
];

/** When the page's own DOM work runs: after Factcard settled on that page (the page alone waits as long). */
const domWorkAfter = (page: BenchPage): number => (page.textChars > 1e6 ? 3000 : 1200);

async function repeat<T>(runs: number, warmup: number, fn: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

/** Words for the hover runs: names that stand whole in one text node early in a page. */
function hoverWords(html: string, count: number): string[] {
  const article = html.slice(html.indexOf('<article>'));
  const end = article.search(/<script|<style|<textarea|<noscript/);
  const head = end > 0 ? article.slice(0, end) : article;
  const found: { name: string; at: number }[] = [];
  for (const name of pageNames()) {
    const m = new RegExp(`(?<![\\p{L}\\p{N}-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'u').exec(head);
    if (m) found.push({ name, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).slice(0, count).map((f) => f.name);
}

async function measureBrowser(name: BrowserName, routes: Routes, origin: (p: string) => string): Promise<BrowserResult> {
  const names = pageNames();
  const pages: PageResult[] = [];
  const isChromium = name === 'chromium';
  const scanSource = scanFloorSource();
  // Both instances are open while the pages are measured: the baselines' loads (no extension)
  // and Factcard's take turns (bench/round-robin.ts), so a target that compares the two
  // compares the same stretch of the machine's time.
  const plain: PlainBrowser = isChromium ? await launchPlainChromium() : await launchPlainFirefox({ preciseTimers: true });
  let plainOpen = true;
  const closePlain = async (): Promise<void> => {
    if (plainOpen) await plain.close();
    plainOpen = false;
  };
  let driver: Driver | null = null;
  let dynamic: BrowserResult['dynamic'] = null;
  let soak: SoakResult | null = null;
  let hover: BrowserResult['hover'] = null;
  let hoverBig: BrowserResult['hoverBig'] = null;
  const indexLoad: BrowserResult['indexLoad'] = [];
  try {
    driver = await launch(name, { preciseTimers: true });
    const ext = driver;
    for (const { page, runs, warmup } of PAGES) {
      const url = origin(`/${page.key}.html`);
      log(`${name}: Factcard and the baselines on the ${page.label} page, in turn (${warmup} warm-up + ${runs} runs each)`);
      const m = await roundRobin({
        // The page alone, as many loads as Factcard gets (one cold load differs a lot from the next).
        alone: { runs, run: () => plainPageRun(plain, url, isChromium) },
        floor: { runs: runs + 2, run: () => floorRun(plain, url) },
        // The same walk in an isolated world (a content script's).
        floorIsolated: { runs: runs + 2, run: () => floorRun(plain, url, 'isolated') },
        // The walk and the matcher alone, in the same kind of world (bench/scan-floor.ts).
        scanFloor: { runs: runs + 2, run: () => floorRun(plain, url, 'isolated', scanSource) },
        aloneDom: { runs, run: () => pageDomWorkRun(plain, url, domWorkAfter(page)) },
        markRegExp: { runs, run: () => markRun(plain, url, 'regexp', names, MARK_LIMIT_MS) },
        // The same call where a content script runs (an isolated world; Firefox: Xray wrappers).
        markRegExpIsolated: { runs, run: () => markRun(plain, url, 'regexp', names, MARK_LIMIT_MS, 'isolated') },
        // What Factcard's highlight stylesheet costs the page once it is styled (the settings came late).
        sheetRestyle: { runs, run: () => sheetRestyleRun(plain, url) },
        factcard: { runs, run: () => factcardRun(ext, url, { quietMs: page.textChars > 1e6 ? 1500 : 800, heap: isChromium }) },
        // The same loads as the page alone, now with the content script: what it costs the
        // page before and at its first paint (no observer loop, no summary probe on these).
        withLoad: { runs, run: () => plainPageRun(ext, url, false) },
        withDom: { runs, run: () => pageDomWorkRun(ext, url, domWorkAfter(page)) },
      }, { warmup, settle: async () => void (await quiet()), seed: PAGES.findIndex((x) => x.page === page) + 1 });
      const med = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : stat(xs as number[])?.median ?? null);
      // mark.js's default mode is no target's baseline and takes seconds to minutes a call: after the rounds.
      let markDefault: BaselineSample[] | string;
      if (!isChromium) markDefault = 'n/a (run in Chromium only: one call takes seconds to minutes a page)';
      else {
        const first = await markRun(plain, url, 'default', names, MARK_LIMIT_MS);
        markDefault = first.cut ? [first] : [first, ...(await repeat(Math.max(1, runs - 2), 0, () => markRun(plain, url, 'default', names, MARK_LIMIT_MS)))];
      }
      pages.push({
        load: { factcard: m.withLoad.map((r) => r.load), alone: m.alone.map((r) => r.load) },
        domWork: { factcard: m.withDom, alone: m.aloneDom },
        key: page.key, label: page.label, textChars: page.textChars, htmlBytes: Buffer.byteLength(page.html),
        textNodes: Number(/^(\d+)/.exec(m.floor[0]?.detail ?? '')?.[1] ?? 0),
        factcard: m.factcard, floor: m.floor, floorIsolated: m.floorIsolated, scanFloor: m.scanFloor,
        alone: { heapBytes: med(m.alone.map((r) => r.heapBytes)) },
        markDefault, markRegExp: m.markRegExp, markRegExpIsolated: m.markRegExpIsolated, sheetRestyle: m.sheetRestyle,
      });
    }
    await closePlain();

    log(`${name}: dynamic page (1,000 paragraphs in 20 bursts)`);
    const paragraphs = dynamicParagraphs(QUICK ? 200 : 1000);
    const bursts: string[] = [];
    for (let i = 0; i < paragraphs.length; i += 50) bursts.push(paragraphs.slice(i, i + 50).join('\n'));
    dynamic = { paragraphs: paragraphs.length, bursts: bursts.length, gapMs: 250, ...(await dynamicRun(ext, origin('/10k.html'), bursts, 250)) };

    log(`${name}: infinite-scroll soak`);
    {
      const paragraphs = dynamicParagraphs(QUICK ? 2_000 : 20_000);
      const size = QUICK ? 250 : 500;
      const bursts: string[][] = [];
      for (let i = 0; i < paragraphs.length; i += size) bursts.push(paragraphs.slice(i, i + size));
      const dataset = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')) as Dataset;
      soak = await soakRun(ext, origin('/10k.html'), bursts, 100, async (html) => (await scanContent(html, 'html', dataset)).length);
    }

    log(`${name}: hover`);
    // 10 names, 5 rounds: 50 hovers (the first is the warm-up).
    const hoverNames = hoverWords(PAGES[0]!.page.html, QUICK ? 3 : 10);
    const words = Array.from({ length: QUICK ? 1 : 5 }, () => hoverNames).flat();
    const h = await hoverRun(ext, origin('/10k.html'), words, DEFAULT_SETTINGS.hoverDelayMs);
    hover = { dwellMs: DEFAULT_SETTINGS.hoverDelayMs, words, samples: h.samples.slice(1), framesBefore: h.framesBefore.slice(1), first: h.samples[0] ?? null, failures: h.failures };
    log(`${name}: hover on the 2 MB page`);
    const bigWords = hoverWords(PAGES[2]!.page.html, QUICK ? 2 : 5);
    const hb = await hoverRun(ext, origin('/2m.html'), bigWords, DEFAULT_SETTINGS.hoverDelayMs);
    hoverBig = { dwellMs: DEFAULT_SETTINGS.hoverDelayMs, words: bigWords, first: hb.samples[0] ?? null, samples: hb.samples.slice(1), framesBefore: hb.framesBefore.slice(1), failures: hb.failures };

    log(`${name}: index load in the page`);
    for (const [label, path] of [['dataset index', '/index/dataset.json'], ['10,000-entity synthetic index', '/index/synthetic-10k.json']] as const) {
      const samples = await repeat(QUICK ? 2 : 5, 1, async () => {
        const p = await ext.open(origin('/index-load.html'));
        try {
          await poll(() => evaluateText<boolean>(p, 'window.__ready === true'), 'the index-load page', 10_000, 20);
          return await evaluateText<{ load: number; firstFind: number; bytes: number }>(p, `window.__loadIndex(${JSON.stringify(path)})`);
        } finally {
          await p.close();
        }
      });
      indexLoad.push({ label, bytes: samples[0]?.bytes ?? 0, load: stat(samples.map((s) => s.load)), firstFind: stat(samples.map((s) => s.firstFind)) });
    }
  } finally {
    await closePlain();
    await driver?.close();
  }
  return { name, pages, dynamic, soak, hover, hoverBig, indexLoad };
}

/** The commit this checkout is at, whether it has uncommitted changes, and the built scripts' hashes. */
function builtFrom(): BuildInfo {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = git('rev-parse', '--short', 'HEAD');
    dirty = git('status', '--porcelain', '--untracked-files=no').length > 0;
  } catch {
    // Not a git checkout (an unpacked copy): the hashes still say which build it was.
  }
  return { commit, dirty, contentScript: { chrome: contentScriptHash('chrome'), firefox: contentScriptHash('firefox') } };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  // Always this checkout's build: a build left in .output/ by an earlier command (another
  // branch, or a bench:compare of uncommitted changes) would be measured under HEAD's name.
  log('building this checkout (npm run build)');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  assertBuilt();
  const build = builtFrom();
  log(`measuring ${build.commit}${build.dirty ? ' with uncommitted changes' : ''}: content script ${build.contentScript.chrome} (Chrome), ${build.contentScript.firefox} (Firefox)`);
  const machine = await machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB`);

  log('sizes');
  const datasetIndex = datasetIndexJson();
  const synthetic10k = syntheticIndexJson(syntheticAliases(10_000));
  const sizes = {
    contentScript: { chrome: contentScriptSize('chrome'), firefox: contentScriptSize('firefox') },
    cardScript: { chrome: contentScriptSize('chrome', 'card'), firefox: contentScriptSize('firefox', 'card') },
    datasetIndex: bytesOf(datasetIndex),
    synthetic10kIndex: bytesOf(synthetic10k),
  };

  const routes: Routes = {
    ...matcherModuleRoutes(),
    '/index-load.html': { type: 'text/html; charset=utf-8', body: INDEX_LOAD_PAGE },
    '/index/dataset.json': { type: 'application/json', body: datasetIndex },
    '/index/synthetic-10k.json': { type: 'application/json', body: synthetic10k },
  };
  for (const { page } of PAGES) routes[`/${page.key}.html`] = { type: 'text/html; charset=utf-8', body: page.html };
  const server = await startServer(routes);
  const browsers: BrowserResult[] = [];
  try {
    for (const b of BROWSERS) browsers.push(await measureBrowser(b, routes, (p) => server.url(p)));
  } finally {
    await server.close();
  }

  log('matcher (Node)');
  const matcher = await runMatcherBench(QUICK ? { textChars: 300_000, runs: 3, warmup: 1, sizes: [10_000] } : { runs: 3, warmup: 1, log });

  const result: BenchResult = { date: new Date().toISOString(), durationS: 0, quick: QUICK, machine, build, sizes, browsers, matcher, markLimitMs: MARK_LIMIT_MS, loadsInTurn: true };
  result.durationS = Math.round((Date.now() - t0) / 1000);
  // A quick smoke run never replaces the committed figures.
  const md = writeResults(ROOT, result, QUICK ? 'quick' : 'latest', { json: true, readme: process.env.BENCH_NO_README !== '1' && !QUICK });
  console.log(md);
  if (!QUICK) writeHistory(ROOT, process.env.BENCH_NO_README !== '1');
  log(`done in ${result.durationS} s`);
}

await main();
