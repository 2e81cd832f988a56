// The targets over many full runs: one run on a shared 2-core machine moves by more than the
// gaps some rows hang on (bench/README.md, "Comparing two builds"), so whether a row is met is
// read off the runs side by side, not off one table. `npm run bench:history` (and every full
// `npm run bench`) reads each full run's results that git holds (every committed version of
// bench/results/latest.json) and the working tree's, judges each with this checkout's rules
// (report.ts, targetRows) and writes the grid to bench/results/history.md and between the
// bench-history markers in README.md. Option: HISTORY_RUNS (default 12), how many runs back.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetRows, updateReadme, verdictOf, type BenchResult, type Verdict } from './report';

export interface RunVerdicts {
  /** The run's start, 'YYYY-MM-DD HH:MM' UTC. */
  date: string;
  /** Which content script it measured: its SHA-256 prefix where the run recorded it, else its sizes. */
  build: string;
  /** The commit it was built from (recorded by the run), or the commit that holds its results. */
  commit: string;
  /** Per target row ("target · browser"), its verdict. */
  verdicts: Map<string, Verdict>;
  /** The rows in the run's order. */
  keys: string[];
}

const rowKey = (target: string, browser: string): string => `${target} · ${browser}`;

/** A run's verdicts; throws where this checkout's report cannot read results that old. */
export function runVerdicts(r: BenchResult, commit: string): RunVerdicts {
  const rows = targetRows(r);
  const verdicts = new Map(rows.map((x) => [rowKey(x.target, x.browser), verdictOf(x)] as const));
  const size = (b: { raw: number; gzip: number } | null | undefined): string => (b ? `${b.raw}/${b.gzip}` : '–');
  const cs = r.sizes.contentScript;
  // Sizes stand in for the hash in runs from before it was recorded; the same sizes are, in
  // practice, the same script (a changed constant changes them too), but not by proof.
  const build = `${size(cs.chrome)} · ${size(cs.firefox)} B`;
  return {
    date: r.date.slice(0, 16).replace('T', ' '),
    build: r.build ? `${build}, \`${r.build.contentScript.chrome}\`` : build,
    commit: r.build ? `${r.build.commit}${r.build.dirty ? '+' : ''}` : commit,
    verdicts,
    keys: [...verdicts.keys()],
  };
}

const CELL: Record<Verdict, string> = { met: '✅', bounded: '◐', missed: '❌', 'n/a': 'n/a' };

/** The grid: a row per target and browser (the newest run's rows), a column per run, oldest first. */
export function historyMarkdown(runs: RunVerdicts[], skipped = 0): string {
  const newest = runs.at(-1);
  if (!newest) return 'No full run to show.';
  // The same content script gets the same letter, so a row's flips within one build show.
  const letters = new Map<string, string>();
  for (const r of runs) if (!letters.has(sizesOf(r.build))) letters.set(sizesOf(r.build), String.fromCharCode(65 + letters.size));
  const letter = (r: RunVerdicts): string => letters.get(sizesOf(r.build)) ?? '?';
  const head = ['target', 'browser', ...runs.map((r) => `${r.date.slice(5)} ${letter(r)}`), 'met', 'out of reach', 'missed'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| --- | --- | ${runs.map(() => ':---:').join(' | ')} | ---: | ---: | ---: |`,
  ];
  for (const key of newest.keys) {
    const [target, browser] = key.split(' · ');
    const cells = runs.map((r) => r.verdicts.get(key));
    const count = (v: Verdict): number => cells.filter((c) => c === v).length;
    lines.push(`| ${target} | ${browser} | ${cells.map((c) => (c ? CELL[c] : '·')).join(' | ')} | ${count('met')} | ${count('bounded')} | ${count('missed')} |`);
  }
  const builds = [...letters.entries()].map(([sizes, l]) => {
    const of = runs.filter((r) => sizesOf(r.build) === sizes);
    const hashes = [...new Set(of.map((r) => r.build.split(', ')[1]).filter(Boolean))];
    return `${l}: content script ${sizes} (Chrome · Firefox, raw/gzip)${hashes.length ? `, SHA-256 ${hashes.join(', ')} (Chrome)` : ''}, ${of.length} run${of.length === 1 ? '' : 's'}, ${[...new Set(of.map((r) => r.commit))].join(', ')}`;
  });
  return [
    `The last ${runs.length} full runs${skipped ? ` (and ${skipped} in the same span whose results this report cannot read)` : ''}, each judged by this checkout's rules: ✅ met, ◐ missed with the measured reason that puts it out of reach (in that run's row), ❌ missed, · no such row then. The letter after a run's date names the content script it measured (by its sizes; runs since the twentieth pass also record its hash), with the commits it was measured at (the one a run recorded, \`+\` for uncommitted changes; for older runs, the commit that holds its results):`,
    '',
    ...builds.map((b) => `- ${b}`),
    '',
    ...lines,
  ].join('\n');
}

function sizesOf(build: string): string {
  return build.split(',')[0] ?? build;
}

/** Every full run that git holds in bench/results/latest.json, and the working tree's if newer; oldest first. */
export function loadRuns(root: string, max: number): { runs: RunVerdicts[]; skipped: number } {
  const results: { r: BenchResult | null; commit: string }[] = [];
  const path = join(root, 'bench/results/latest.json');
  const current = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchResult) : null;
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const c of git('log', '--format=%h', '--', 'bench/results/latest.json').trim().split('\n').filter(Boolean)) {
      let r: BenchResult | null = null;
      try {
        r = JSON.parse(git('show', `${c}:bench/results/latest.json`)) as BenchResult;
      } catch {
        // Not JSON, or gone from that commit: counted as a run this report cannot read.
      }
      results.push({ r, commit: c });
    }
  } catch {
    // Not a git checkout: the working tree's run alone.
  }
  if (current && !results.some((x) => x.r?.date === current.date)) results.unshift({ r: current, commit: 'uncommitted' });
  const runs: RunVerdicts[] = [];
  let skipped = 0;
  for (const { r, commit } of results) {
    if (runs.length + skipped >= max) break;
    if (r?.quick) continue;
    try {
      if (!r) throw new Error('unreadable');
      runs.push(runVerdicts(r, commit));
    } catch {
      skipped++;
    }
  }
  return { runs: runs.reverse(), skipped };
}

/** Writes bench/results/history.md and, when `readme`, the grid between README.md's bench-history markers. */
export function writeHistory(root: string, readme: boolean, max = Number(process.env.HISTORY_RUNS ?? 12)): string {
  const { runs, skipped } = loadRuns(root, max);
  const md = historyMarkdown(runs, skipped);
  writeFileSync(join(root, 'bench/results/history.md'), md + '\n');
  if (readme) updateReadme(join(root, 'README.md'), md, 'bench-history');
  return md;
}
