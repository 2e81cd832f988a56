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
  /** The built content scripts' sizes, "raw/gzip · raw/gzip B" (Chrome · Firefox): what names a build in every run. */
  sizes: string;
  /** The Chrome content script's SHA-256 prefix, where the run recorded it (since the twentieth pass). */
  hash: string | null;
  /** The commit it was built from (recorded by the run), or the commit that holds its results. */
  commit: string;
  /** Per target row ("target · browser"), its verdict, in the run's order. */
  verdicts: Map<string, Verdict>;
  /** Its baselines' loads took turns with Factcard's (report.ts, loadsInTurn; since the twenty-first pass). */
  inTurn: boolean;
}

/** A run's verdicts; throws where this checkout's report cannot read results that old. */
export function runVerdicts(r: BenchResult, commit: string): RunVerdicts {
  const verdicts = new Map(targetRows(r).map((x) => [`${x.target} · ${x.browser}`, verdictOf(x)] as const));
  const size = (b: { raw: number; gzip: number } | null | undefined): string => (b ? `${b.raw}/${b.gzip}` : '–');
  const cs = r.sizes.contentScript;
  return {
    date: r.date.slice(0, 16).replace('T', ' '),
    // Sizes stand in for the hash in runs from before it was recorded; the same sizes are, in
    // practice, the same script (a changed constant changes them too), but not by proof.
    sizes: `${size(cs.chrome)} · ${size(cs.firefox)} B`,
    hash: r.build?.contentScript.chrome ?? null,
    commit: r.build ? `${r.build.commit}${r.build.dirty ? '+' : ''}` : commit,
    verdicts,
    inTurn: r.loadsInTurn === true,
  };
}

const CELL: Record<Verdict, string> = { met: '✅', bounded: '◐', missed: '❌', 'n/a': 'n/a' };

/** The grid: a row per target and browser (the newest run's rows), a column per run, oldest first. */
export function historyMarkdown(runs: RunVerdicts[], skipped = 0): string {
  const newest = runs.at(-1);
  if (!newest) return 'No full run to show.';
  // The same content script gets the same letter, so a row's flips within one build show.
  const letters = new Map<string, string>();
  for (const r of runs) if (!letters.has(r.sizes)) letters.set(r.sizes, String.fromCharCode(65 + letters.size));
  const letter = (r: RunVerdicts): string => letters.get(r.sizes) ?? '?';
  const head = ['target', 'browser', ...runs.map((r) => `${r.date.slice(5)} ${letter(r)}${r.inTurn ? ' ⇄' : ''}`), 'met', 'out of reach', 'missed'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| --- | --- | ${runs.map(() => ':---:').join(' | ')} | ---: | ---: | ---: |`,
  ];
  for (const key of newest.verdicts.keys()) {
    const [target, browser] = key.split(' · ');
    const cells = runs.map((r) => r.verdicts.get(key));
    const count = (v: Verdict): number => cells.filter((c) => c === v).length;
    lines.push(`| ${target} | ${browser} | ${cells.map((c) => (c ? CELL[c] : '·')).join(' | ')} | ${count('met')} | ${count('bounded')} | ${count('missed')} |`);
  }
  const builds = [...letters.entries()].map(([sizes, l]) => {
    const of = runs.filter((r) => r.sizes === sizes);
    const hashes = [...new Set(of.flatMap((r) => (r.hash ? [`\`${r.hash}\``] : [])))];
    return `${l}: content script ${sizes} (Chrome · Firefox, raw/gzip)${hashes.length ? `, SHA-256 ${hashes.join(', ')} (Chrome)` : ''}, ${of.length} run${of.length === 1 ? '' : 's'}, ${[...new Set(of.map((r) => r.commit))].join(', ')}`;
  });
  return [
    `The last ${runs.length} full runs${skipped ? ` (and ${skipped} in the same span whose results this report cannot read)` : ''}, each judged by this checkout's rules: ✅ met, ◐ missed with the measured reason that puts it out of reach (in that run's row), ❌ missed, · no such row then. The letter after a run's date names the content script it measured (by its sizes; runs since the twentieth pass also record its hash), with the commits it was measured at (the one a run recorded, \`+\` for uncommitted changes; for older runs, the commit that holds its results)${runs.some((r) => r.inTurn) ? '. ⇄ after the letter: the run\'s baselines and Factcard took turns load by load (bench/round-robin.ts); the runs without it measured every baseline first and Factcard minutes later' : ''}:`,
    '',
    ...builds.map((b) => `- ${b}`),
    '',
    ...lines,
  ].join('\n');
}

/**
 * The last `max` full runs: the working tree's bench/results/latest.json if git does not hold
 * it yet, then every version git holds, newest first, read only as far as needed; oldest first.
 */
export function loadRuns(root: string, max: number): { runs: RunVerdicts[]; skipped: number } {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  let commits: string[] = [];
  try {
    commits = git('log', '--format=%h', '--', 'bench/results/latest.json').trim().split('\n').filter(Boolean);
  } catch {
    // Not a git checkout: the working tree's run alone.
  }
  const path = join(root, 'bench/results/latest.json');
  const sources: { commit: string; read: () => string }[] = [
    ...(existsSync(path) ? [{ commit: 'uncommitted', read: () => readFileSync(path, 'utf8') }] : []),
    ...commits.map((c) => ({ commit: c, read: () => git('show', `${c}:bench/results/latest.json`) })),
  ];
  const runs: RunVerdicts[] = [];
  let skipped = 0;
  for (const { commit, read } of sources) {
    if (runs.length + skipped >= max) break;
    try {
      const run = runVerdicts(JSON.parse(read()) as BenchResult, commit);
      // The working tree's run is the newest version git holds once it is committed: one run, named by its commit.
      const same = runs.find((x) => x.date === run.date);
      if (!same) runs.push(run);
      else if (same.commit === 'uncommitted') same.commit = run.commit;
    } catch {
      // Not JSON, or results older than this report can read.
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
