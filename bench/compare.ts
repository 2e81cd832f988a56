// `npm run bench:compare -- <git ref>`: this checkout's build against another commit's, in
// alternating rounds on the same machine, minutes apart. Full runs of `npm run bench` here
// differ by up to 40 % from one to the next, so a change worth a few ms shows only this way
// (bench/README.md, "Comparing two builds").
//
// Builds both: this checkout with `npm run build`, the ref in a temporary git worktree that
// shares this checkout's node_modules (removed at the end). Then, per browser and round, it
// loads each page first with one build and then with the other (the order swaps every round,
// a fresh browser per build and round) and prints the medians of each round:
// - settled and first highlights, in ms from DOMContentLoaded, as `npm run bench` measures them,
//   and settled over the loads whose settings had come back by DOMContentLoaded (the others
//   wait for a storage round trip, whichever build runs);
// - what the page waits for: DOMContentLoaded and first contentful paint, in ms from the
//   HTML's first byte (a page load with nothing else on it).
// Figures only; nothing fails on a time. The measuring code is this checkout's for both builds.
//
// Options (environment): COMPARE_BROWSERS=chromium,firefox · COMPARE_PAGES=10k,200k,2m ·
// COMPARE_ROUNDS=2 · COMPARE_LOADS=9 (per page, build and round, after one warm-up load).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, startServer, type BrowserName } from '../test/e2e/harness';
import { factcardRun, plainPageRun } from './browser';
import { staticPage, type BenchPage } from './pages';
import { fmtStat, num, stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const REF = process.argv[2] ?? 'HEAD';
const BROWSERS = (process.env.COMPARE_BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox'];
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 2);
const LOADS = Number(process.env.COMPARE_LOADS ?? 9);
const SIZES: Record<string, [label: string, chars: number]> = { '10k': ['10 KB', 10_000], '200k': ['200 KB', 200_000], '2m': ['2 MB', 2_000_000] };
const PAGES: BenchPage[] = (process.env.COMPARE_PAGES?.split(',') ?? ['10k', '200k']).map((key) => {
  const size = SIZES[key];
  if (!size) throw new Error(`COMPARE_PAGES: unknown page "${key}" (known: ${Object.keys(SIZES).join(', ')})`);
  return staticPage(key, size[0], size[1]);
});
const log = (line: string): void => void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

interface Build {
  label: string;
  dirs: Record<BrowserName, string>;
}

/** "settled, settings in time": the loads whose settings had come back when DOMContentLoaded began. */
const FIGURES = ['settled', 'settled, settings in time', 'first highlights', 'DOMContentLoaded', 'first contentful paint'] as const;
type Figure = (typeof FIGURES)[number];
/** samples[build][browser][page][figure][round] */
type Samples = Map<string, number[][]>;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function outputDirs(root: string): Record<BrowserName, string> {
  return { chromium: join(root, '.output/chrome-mv3'), firefox: join(root, '.output/firefox-mv2') };
}

async function measure(build: Build, browser: BrowserName, round: number, url: (p: BenchPage) => string, samples: Samples): Promise<void> {
  const driver = await launch(browser, { extension: build.dirs[browser], preciseTimers: true });
  try {
    for (const page of PAGES) {
      const quietMs = page.textChars > 1e6 ? 1500 : 800;
      const add = (figure: Figure, v: number | null): void => {
        if (v === null) return;
        const key = `${build.label}|${browser}|${page.key}|${figure}`;
        const rounds = samples.get(key) ?? [];
        (rounds[round] ??= []).push(v);
        samples.set(key, rounds);
      };
      for (let i = 0; i <= LOADS; i++) {
        const r = await factcardRun(driver, url(page), { quietMs, heap: false });
        const plain = await plainPageRun(driver, url(page), false);
        if (i === 0) continue; // warm-up
        add('settled', r.settle);
        if (r.settingsByDcl) add('settled, settings in time', r.settle);
        add('first highlights', r.first);
        add('DOMContentLoaded', plain.load.dcl);
        add('first contentful paint', plain.load.fcp);
      }
    }
  } finally {
    await driver.close();
  }
}

function report(builds: Build[], samples: Samples): string {
  const lines: string[] = [];
  for (const browser of BROWSERS) {
    lines.push('', `### ${browser}`, '', `| page | figure (ms) | ${builds.map((b) => `${b.label}: round medians`).join(' | ')} | ${builds.map((b) => `${b.label}: all loads`).join(' | ')} |`);
    lines.push(`| --- | --- |${builds.map(() => ' ---: |').join('')}${builds.map(() => ' ---: |').join('')}`);
    for (const page of PAGES) {
      for (const figure of FIGURES) {
        const per = builds.map((b) => samples.get(`${b.label}|${browser}|${page.key}|${figure}`) ?? []);
        const rounds = per.map((rs) => Array.from({ length: ROUNDS }, (_, i) => rs[i]).map((r) => (r?.length ? num(stat(r)!.median) : '–')).join(' / '));
        const all = per.map((rs) => fmtStat(stat(rs.flat())));
        lines.push(`| ${page.label} | ${figure} | ${rounds.join(' | ')} | ${all.join(' | ')} |`);
      }
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const sha = git('rev-parse', '--short', REF);
  const base = mkdtempSync(join(tmpdir(), 'factcard-compare-'));
  const builds: Build[] = [
    { label: `${REF} (${sha})`, dirs: outputDirs(base) },
    { label: 'this checkout', dirs: outputDirs(ROOT) },
  ];
  try {
    log(`building ${REF} (${sha}) in ${base}`);
    git('worktree', 'add', '--detach', base, sha);
    symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'build'], { cwd: base, stdio: 'ignore' });
    log('building this checkout');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });

    const routes: Record<string, { type: string; body: string }> = {};
    for (const page of PAGES) routes[`/${page.key}.html`] = { type: 'text/html; charset=utf-8', body: page.html };
    const server = await startServer(routes);
    const samples: Samples = new Map();
    try {
      for (const browser of BROWSERS) {
        for (let round = 0; round < ROUNDS; round++) {
          const order = round % 2 === 0 ? builds : [...builds].reverse();
          for (const build of order) {
            log(`${browser}, round ${round + 1}: ${build.label}`);
            await measure(build, browser, round, (p) => server.url(`/${p.key}.html`), samples);
          }
        }
      }
    } finally {
      await server.close();
    }
    console.log(`## ${builds[0]!.label} against this checkout: ${ROUNDS} rounds of ${LOADS} loads per page and build`);
    console.log(report(builds, samples));
  } finally {
    try {
      git('worktree', 'remove', '--force', base);
    } catch {
      rmSync(base, { recursive: true, force: true });
      git('worktree', 'prune');
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
