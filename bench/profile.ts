// `npm run bench:profile`: where the content script's time goes, by job, on the bench pages.
//
// Builds an unminified Chrome copy of the extension (.output-profile/, so function names
// survive), loads each generated page in Chromium with V8's sampling profiler running over
// CDP from before navigation until the scan is done, and sums the samples by job: every
// sample is charged to the innermost content-script function on its stack (so a native call
// such as Range.setStart counts for the function that made it), and that function's name says
// which job it belongs to. Style and layout time come from CDP's Performance metrics, as the
// difference from the same page in the same browser without the extension.
//
// Figures only; nothing fails on a time. Options: PROFILE_RUNS (default 3; medians).
// PROFILE_BROWSER=firefox: the same split in Firefox, from the Gecko profiler (profile-firefox.ts).

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { startServer, type PageServer } from '../test/e2e/harness';
import { profileFirefox } from './profile-firefox';
import { JOB_ORDER, fmt, jobOf, profilePages, quietMsFor, waitStillSource } from './profile-jobs';
import { stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
/** PROFILE_EXT=.output/chrome-mv3 profiles the shipped (minified) build: true start-up cost, mangled names. */
const EXT = resolve(ROOT, process.env.PROFILE_EXT ?? '.output-profile/chrome-mv3');
const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const SAMPLING_US = 100;
/** PROFILE_TOP=N prints the N functions that cost most, over all runs (to tune the job rules). */
const TOP = new Map<string, number>();

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

/** ms per job of the content script's samples. */
function split(nodes: ProfileNode[], isOurs: (url: string) => boolean): Map<string, number> {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n);
  const out = new Map<string, number>();
  for (const n of nodes) {
    if (!n.hitCount) continue;
    let at: ProfileNode | undefined = n;
    while (at && !isOurs(at.callFrame.url)) at = parent.get(at.id);
    if (!at) continue;
    // The bundle's top level is the wrapper function on its first lines (a comment line, then
    // the wrapper); any other nameless function is a callback.
    const job = jobOf(at.callFrame.functionName, (at.callFrame.lineNumber ?? 0) <= 1);
    const ms = (n.hitCount * SAMPLING_US) / 1000;
    out.set(job, (out.get(job) ?? 0) + ms);
    const key = `${job} ${at.callFrame.functionName || `(anonymous ${at.callFrame.url.split('/').pop()}:${(at.callFrame.lineNumber ?? -1) + 1}:${(at.callFrame.columnNumber ?? -1) + 1})`}`;
    TOP.set(key, (TOP.get(key) ?? 0) + ms);
  }
  void byId;
  return out;
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return new Map(list.map((m) => [m.name, m.value]));
}

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'factcard-profile-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (withExtension) args.unshift(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args,
  });
  if (withExtension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, close: async () => (await context.close(), await rm(profile, { recursive: true, force: true })) };
}

interface Run {
  jobs: Map<string, number>;
  style: number;
  layout: number;
  script: number;
}

async function profileOnce(context: BrowserContext, url: string, quietMs: number, profile: boolean): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'load' });
  // The scan is done when the highlight registry has not changed for `quietMs`.
  await page.evaluate(waitStillSource(quietMs));
  const m = await metrics(cdp);
  let jobs = new Map<string, number>();
  if (profile) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    jobs = split(p.nodes, (u) => u.includes('/content-scripts/content.js'));
  }
  await page.close();
  return { jobs, style: (m.get('RecalcStyleDuration') ?? 0) * 1000, layout: (m.get('LayoutDuration') ?? 0) * 1000, script: (m.get('ScriptDuration') ?? 0) * 1000 };
}

async function main(): Promise<void> {
  if (!process.env.PROFILE_EXT) execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, FACTCARD_PROFILE_BUILD: '1' } });
  const pages = profilePages();
  const server: PageServer = await startServer(Object.fromEntries(pages.map((p) => [`/${p.key}.html`, { type: 'text/html', body: p.html }])));
  const ext = await launch(true);
  const plain = await launch(false);
  const rows: string[] = [];
  try {
    for (const p of pages) {
      const url = server.url(`/${p.key}.html`);
      const quiet = quietMsFor(p);
      const withExt: Run[] = [];
      const without: Run[] = [];
      await profileOnce(ext.context, url, quiet, true); // warm-up
      for (let i = 0; i < RUNS; i++) {
        withExt.push(await profileOnce(ext.context, url, quiet, true));
        without.push(await profileOnce(plain.context, url, quiet, false));
      }
      const med = (xs: number[]): number => stat(xs)?.median ?? 0;
      const job = (j: string): number => med(withExt.map((r) => r.jobs.get(j) ?? 0));
      const total = med(withExt.map((r) => [...r.jobs.values()].reduce((a, b) => a + b, 0)));
      const style = med(withExt.map((r) => r.style)) - med(without.map((r) => r.style));
      const layout = med(withExt.map((r) => r.layout)) - med(without.map((r) => r.layout));
      rows.push(`| ${p.label} | ${JOB_ORDER.map((j) => fmt(job(j))).join(' | ')} | **${fmt(total)}** | ${fmt(style)} | ${fmt(layout)} |`);
      process.stderr.write(`${p.label} done\n`);
      const top = Number(process.env.PROFILE_TOP ?? 0);
      if (top > 0) {
        for (const [k, ms] of [...TOP].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stderr.write(`  ${fmt(ms)} ms  ${k}\n`);
      }
      TOP.clear();
    }
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
  const head = `| page | ${JOB_ORDER.join(' | ')} | content script JS | style recalc Δ | layout Δ |\n| --- | ${JOB_ORDER.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`;
  process.stdout.write(`Chromium, ms, median of ${RUNS} runs (CPU samples every ${SAMPLING_US} µs, charged to the innermost content-script function; style and layout: Performance metrics with the extension minus without)\n\n${head}\n${rows.join('\n')}\n`);
}

(process.env.PROFILE_BROWSER === 'firefox' ? profileFirefox() : main()).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
