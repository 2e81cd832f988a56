// `PROFILE_BROWSER=firefox npm run bench:profile`: the same split as profile.ts, in Firefox,
// from the Gecko profiler.
//
// Builds an unminified Firefox copy (.output-profile/firefox-mv2, so the profile names our
// functions), starts Firefox ESR with the Gecko profiler's start-up variables (sampling every
// PROFILE_INTERVAL_MS, default 0.1 ms, JavaScript and CPU, the main threads of every process;
// the profile is written when the browser shuts down), with the extension installed, and
// loads each generated page in fresh tabs until the highlights have been still for 0.8 s
// (1.5 s on 2 MB). Each load's window (from the tab's opening to its highlights' last change)
// is taken from the page's own clock (performance.timeOrigin), and only the samples inside
// those windows count, the warm-up load's excluded. Every sample of a web content process is
// charged to the innermost content-script function on its stack (profile-jobs.ts names the
// job by that function's name), as in Chromium. The style and layout column is the samples
// of the profiler's Layout category (style, reflow) in the same windows, with the extension
// minus a second Firefox without it.
//
// The profiler slows JavaScript down (bench/README.md, fourteenth pass: the 10 KB page's
// DOMContentLoaded span 17–29 ms under it, 7–11 without), so its shares guide and the
// performance marks of the passes measure. Figures only; nothing fails on a time.
// Options: PROFILE_RUNS (default 3; medians), PROFILE_EXT (another Firefox build's folder),
// PROFILE_TOP=N (the N costliest functions), PROFILE_SAVE=dir (keep the raw profiles).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, sleep, startServer, type TestPage } from '../test/e2e/harness';
import { evaluateText, launchPlainFirefox } from '../test/e2e/harness/native';
import type { BenchPage } from './pages';
import { JOB_ORDER, fmt, jobOf, profilePages, quietMsFor, waitStillSource } from './profile-jobs';
import { stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const EXT = resolve(ROOT, process.env.PROFILE_EXT ?? '.output-profile/firefox-mv2');
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const INTERVAL_MS = Number(process.env.PROFILE_INTERVAL_MS ?? 0.1);
const CONTENT_SCRIPT = '/content-scripts/content.js';
/** PROFILE_SAVE=dir keeps the two raw profiles there (they open in the Firefox Profiler). */
const SAVE = process.env.PROFILE_SAVE;

/** A table of the Gecko profile's raw format: column names to indices, and rows. */
export interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}

export interface GeckoThread {
  name: string;
  processType?: string;
  samples: Table;
  /** name, startTime, endTime, phase (0 instant, 1 interval, 2 start, 3 end), category, data. */
  markers?: Table;
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

export interface GeckoProfile {
  meta: { startTime: number; categories?: { name: string }[] };
  /** The documents each process showed: a marker's innerWindowID names its page here. */
  pages?: { innerWindowID: number; url: string }[];
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

/** Every thread of the profile with its process's start time (ms since the epoch). */
export function threadsOf(p: GeckoProfile): { thread: GeckoThread; startTime: number; categories: string[] }[] {
  const categories = (p.meta.categories ?? []).map((c) => c.name);
  return [
    ...p.threads.map((thread) => ({ thread, startTime: p.meta.startTime, categories })),
    ...(p.processes ?? []).flatMap(threadsOf),
  ];
}

/** ms per job and function over all loads (PROFILE_TOP prints the costliest). */
const TOP = new Map<string, number>();

/** A load's window, in ms since the epoch. */
type LoadWindow = [from: number, to: number];

/** ms per job (and 'layout': the Layout category) in each window, over the web content processes' main threads. */
function split(profile: GeckoProfile, windows: LoadWindow[]): { jobs: Map<string, number>; layout: number }[] {
  const out = windows.map(() => ({ jobs: new Map<string, number>(), layout: 0 }));
  for (const { thread, startTime, categories } of threadsOf(profile)) {
    if (thread.name !== 'GeckoMain' || thread.processType !== 'tab') continue;
    const s = thread.samples.schema;
    const st = thread.stackTable.schema;
    const ft = thread.frameTable.schema;
    const layoutCategory = categories.indexOf('Layout');
    // The innermost content-script function of each stack, memoised (null when none; '' when anonymous).
    const ours = new Map<number, string | null>();
    const oursOf = (stack: number | null): string | null => {
      if (stack === null) return null;
      const known = ours.get(stack);
      if (known !== undefined) return known;
      const row = thread.stackTable.data[stack]!;
      const frame = thread.frameTable.data[row[st.frame!] as number]!;
      const location = thread.stringTable[frame[ft.location!] as number] ?? '';
      // A JS frame reads "name (url:line:column)"; an anonymous one has no name before the url.
      const name = location.includes(CONTENT_SCRIPT) ? (/^(?:.* )?([^ ]*) \(/.exec(location)?.[1] ?? '') : oursOf(row[st.prefix!] as number | null);
      ours.set(stack, name);
      return name;
    };
    // A sample's category is its innermost frame's that has one (JavaScript frames have none).
    const categoryOf = new Map<number, number>();
    const leafCategory = (stack: number | null): number => {
      if (stack === null) return -1;
      const known = categoryOf.get(stack);
      if (known !== undefined) return known;
      const row = thread.stackTable.data[stack]!;
      const frame = thread.frameTable.data[row[st.frame!] as number]!;
      const own = frame[ft.category!] as number | null | undefined;
      const category = typeof own === 'number' ? own : leafCategory(row[st.prefix!] as number | null);
      categoryOf.set(stack, category);
      return category;
    };
    const rows = thread.samples.data;
    for (let i = 0; i < rows.length; i++) {
      const at = startTime + (rows[i]![s.time!] as number);
      const w = windows.findIndex(([from, to]) => at >= from && at <= to);
      if (w < 0) continue;
      // A sample stands for the time to the next one (at most 10 intervals: a gap is not our time).
      const next = i + 1 < rows.length ? startTime + (rows[i + 1]![s.time!] as number) : at + INTERVAL_MS;
      const ms = Math.min(next - at, 10 * INTERVAL_MS);
      const stack = rows[i]![s.stack!] as number | null;
      if (layoutCategory >= 0 && leafCategory(stack) === layoutCategory) out[w]!.layout += ms;
      const fn = oursOf(stack);
      if (fn === null) continue;
      const job = jobOf(fn);
      const jobs = out[w]!.jobs;
      jobs.set(job, (jobs.get(job) ?? 0) + ms);
      const key = `${job} ${fn || '(anonymous)'}`;
      TOP.set(key, (TOP.get(key) ?? 0) + ms);
    }
  }
  return out;
}

/** Opens `url` in a fresh tab and waits for its highlights to be still; the load's window by the page's clock. */
async function load(open: (url: string) => Promise<TestPage>, url: string, quietMs: number): Promise<LoadWindow> {
  const from = Date.now();
  const page = await open(url);
  const [origin, last] = await evaluateText<[number, number]>(page, waitStillSource(quietMs));
  await page.close();
  // From the tab's opening (the navigation, the content script's start-up) to the last change.
  return [Math.min(from, origin), origin + last];
}

/** Runs `body` in a Firefox whose profile is written to a file at shutdown; returns the profile. */
async function profiled(withExtension: boolean, body: (open: (url: string) => Promise<TestPage>) => Promise<void>): Promise<GeckoProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'factcard-gecko-'));
  const file = join(dir, 'profile.json');
  const env = {
    MOZ_PROFILER_STARTUP: '1',
    MOZ_PROFILER_STARTUP_INTERVAL: String(INTERVAL_MS),
    MOZ_PROFILER_STARTUP_ENTRIES: String(1 << 27),
    MOZ_PROFILER_STARTUP_FEATURES: 'js,cpu,nomarkerstacks',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_SHUTDOWN: file,
  };
  try {
    if (withExtension) {
      const driver = await launch('firefox', { extension: EXT, env, preciseTimers: true });
      try {
        await body((url) => driver.open(url));
      } finally {
        await driver.close();
      }
    } else {
      const plain = await launchPlainFirefox({ env, preciseTimers: true });
      try {
        await body((url) => plain.open(url));
      } finally {
        await plain.close();
      }
    }
    // The profile is written as the browser shuts down.
    for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(100);
    if (SAVE) copyFileSync(file, join(SAVE, `firefox-${withExtension ? 'with' : 'without'}-extension.json`));
    return JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages' load windows (warm-up first, not counted) in one profiled browser. */
async function profileLoads(withExtension: boolean, pages: BenchPage[], url: (p: BenchPage) => string): Promise<Map<string, { jobs: Map<string, number>; layout: number }[]>> {
  const windows = new Map<string, LoadWindow[]>();
  const profile = await profiled(withExtension, async (open) => {
    for (const p of pages) {
      const quiet = quietMsFor(p);
      await load(open, url(p), quiet); // warm-up
      const list: LoadWindow[] = [];
      for (let i = 0; i < RUNS; i++) list.push(await load(open, url(p), quiet));
      windows.set(p.key, list);
    }
  });
  return new Map(pages.map((p) => [p.key, split(profile, windows.get(p.key) ?? [])]));
}

export async function profileFirefox(): Promise<void> {
  if (!process.env.PROFILE_EXT) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, FACTCARD_PROFILE_BUILD: '1' } });
  const pages = profilePages();
  const server = await startServer(Object.fromEntries(pages.map((p) => [`/${p.key}.html`, { type: 'text/html; charset=utf-8', body: p.html }])));
  const url = (p: BenchPage): string => server.url(`/${p.key}.html`);
  const rows: string[] = [];
  try {
    const withExt = await profileLoads(true, pages, url);
    const top = Number(process.env.PROFILE_TOP ?? 0);
    if (top > 0) for (const [k, ms] of [...TOP].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stderr.write(`  ${fmt(ms)} ms  ${k}\n`);
    const without = await profileLoads(false, pages, url);
    const med = (xs: number[]): number => stat(xs)?.median ?? 0;
    for (const p of pages) {
      const runs = withExt.get(p.key) ?? [];
      const alone = without.get(p.key) ?? [];
      const job = (j: string): number => med(runs.map((r) => r.jobs.get(j) ?? 0));
      const total = med(runs.map((r) => [...r.jobs.values()].reduce((a, b) => a + b, 0)));
      if (total === 0) throw new Error(`no content-script samples on the ${p.label} page: did the profile's clock line up with the loads?`);
      const layout = med(runs.map((r) => r.layout)) - med(alone.map((r) => r.layout));
      rows.push(`| ${p.label} | ${JOB_ORDER.map((j) => fmt(job(j))).join(' | ')} | **${fmt(total)}** | ${fmt(layout)} |`);
    }
  } finally {
    await server.close();
  }
  const head = `| page | ${JOB_ORDER.join(' | ')} | content script JS | style and layout Δ |\n| --- | ${JOB_ORDER.map(() => '---:').join(' | ')} | ---: | ---: |`;
  process.stdout.write(
    `Firefox, ms, median of ${RUNS} loads (Gecko profiler, a sample every ${INTERVAL_MS} ms, charged to the innermost content-script function; style and layout: the profiler's Layout category with the extension minus without; under the profiler JavaScript runs slower than without it)\n\n${head}\n${rows.join('\n')}\n`,
  );
}
