// Matcher benchmark (Node): throughput, index build/size/load time and memory for the
// Factcard matcher, against one compiled RegExp alternation and modern-ahocorasick on the
// same text and names. `npx tsx bench/matcher.ts` prints a Markdown table;
// bench/run.ts calls runMatcherBench() and gets structured results.
//
// MB/s counts 10^6 UTF-16 code units of text per second (≈ bytes for Latin news text).
// Every timing is the median of `runs` runs after `warmup` unmeasured ones; min and max
// are reported too.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import AhoCorasick from 'modern-ahocorasick';
import { compileIndex, loadMatcher } from '../core/matcher';
import type { AliasEntry } from '../core/matcher-types';
import { newsText, realAliases, syntheticAliases } from './matcher-data';

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface EngineResult {
  engine: 'factcard' | 'regexp' | 'modern-ahocorasick' | 'modern-ahocorasick (raw)';
  /** What the engine does beyond exact matching, for reading the numbers fairly. */
  semantics: string;
  buildMs: Stat | null;
  /** Serialised index size (UTF-8 bytes of the JSON, and gzipped), when the engine has one. */
  indexBytes: number | null;
  indexGzipBytes: number | null;
  /** JSON.parse + load of the serialised index. */
  loadMs: Stat | null;
  /** Heap + array buffers retained by one loaded matcher (after GC), when measurable. */
  memoryBytes: number | null;
  scanMBps: Stat | null;
  /** Matches found in the scanned text. */
  matches: number | null;
  /** Text scanned per run: all of it, unless the engine was too slow (see timeScan). */
  scannedChars: number | null;
  error: string | null;
}

export interface AliasSetResult {
  name: string;
  entities: number;
  aliases: number;
  engines: EngineResult[];
}

export interface Result {
  node: string;
  textChars: number;
  blocks: number;
  runs: number;
  sets: AliasSetResult[];
}

export interface MatcherBenchOptions {
  /** Size of the generated text in UTF-16 units (default 2,000,000). */
  textChars?: number;
  /** Measured runs per timing (default 7); `warmup` unmeasured ones go first (default 2). */
  runs?: number;
  warmup?: number;
  /** Synthetic set sizes (default [10_000, 100_000]). */
  sizes?: number[];
  /** Rough time allowed for one engine's scans of one set; slower engines scan a prefix (default 20 s). */
  budgetMs?: number;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------- measuring

function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

function time(fn: () => void, runs: number, warmup: number): Stat {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return stat(samples);
}

/** Like time(), but one cold run only when that run alone takes longer than `slowMs`. */
function timeBuild(fn: () => void, runs: number, slowMs = 1000): Stat {
  const t = performance.now();
  fn();
  const cold = performance.now() - t;
  return cold > slowMs ? stat([cold]) : time(fn, runs, 0);
}

interface Scan {
  ms: Stat;
  chars: number;
  matches: number;
  sampled: boolean;
}

/**
 * Time scanning the blocks. Engines too slow to scan everything `runs` times within about
 * `budgetMs` scan a prefix of the blocks instead (reported as sampled).
 */
function timeScan(scanBlock: (b: string) => number, blocks: string[], runs: number, warmup: number, budgetMs: number): Scan {
  const perRun = budgetMs / (runs + warmup);
  let used = blocks.length;
  const t0 = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    scanBlock(blocks[i]!);
    if (performance.now() - t0 > perRun) {
      used = i + 1;
      break;
    }
  }
  const part = blocks.slice(0, used);
  let matches = 0;
  const ms = time(
    () => {
      matches = 0;
      for (const b of part) matches += scanBlock(b);
    },
    runs,
    warmup,
  );
  return { ms, chars: part.reduce((n, b) => n + b.length, 0), matches, sampled: used < blocks.length };
}

function throughput(ms: Stat, chars: number): Stat {
  const mbps = (t: number): number => chars / 1e6 / (t / 1000);
  return { median: mbps(ms.median), min: mbps(ms.max), max: mbps(ms.min), runs: ms.runs };
}

let gcFn: (() => void) | null | undefined;
function gc(): (() => void) | null {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}

/** Bytes retained by what `make` returns (heap + array buffers, after full GCs). */
function retained(make: () => unknown): number | null {
  const collect = gc();
  if (!collect) return null;
  const used = (): number => {
    collect();
    collect();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const kept = make();
  const after = used();
  // Keep `kept` alive across the second measurement.
  if (kept === before) return null;
  return Math.max(0, after - before);
}

/** An error's message without the (possibly megabytes long) RegExp source in it. */
function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? `${m.slice(0, 40)} … ${m.slice(-60)}` : m;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- engines

function emptyResult(engine: EngineResult['engine'], semantics: string): EngineResult {
  return { engine, semantics, buildMs: null, indexBytes: null, indexGzipBytes: null, loadMs: null, memoryBytes: null, scanMBps: null, matches: null, scannedChars: null, error: null };
}

interface Budget {
  runs: number;
  warmup: number;
  budgetMs: number;
}

function scanInto(r: EngineResult, scan: Scan): void {
  r.scanMBps = throughput(scan.ms, scan.chars);
  r.matches = scan.matches;
  r.scannedChars = scan.chars;
}

function benchFactcard(entries: AliasEntry[], blocks: string[], b: Budget): EngineResult {
  const r = emptyResult('factcard', 'whole words, case/diacritic/dash/space folding, weak-alias context, leftmost-longest');
  r.buildMs = timeBuild(() => compileIndex(entries), b.runs);
  const json = JSON.stringify(compileIndex(entries));
  r.indexBytes = Buffer.byteLength(json);
  r.indexGzipBytes = gzipSync(json).length;
  r.loadMs = time(() => loadMatcher(JSON.parse(json)), b.runs, b.warmup);
  loadMatcher(JSON.parse(json)).find('warm the shared fold tables: Churkin é ß');
  r.memoryBytes = retained(() => loadMatcher(JSON.parse(json)));
  const m = loadMatcher(JSON.parse(json));
  scanInto(r, timeScan((t) => m.find(t).length, blocks, b.runs, b.warmup, b.budgetMs));
  return r;
}

function benchRegExp(entries: AliasEntry[], blocks: string[], b: Budget): EngineResult {
  const r = emptyResult('regexp', "one alternation, flags 'giu', \\p{L}\\p{N}\\p{M} look-around boundaries, longest alternative first");
  const texts = [...new Set(entries.map((e) => e.text))].sort((x, y) => y.length - x.length);
  const source = `(?<![\\p{L}\\p{N}\\p{M}])(?:${texts.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}\\p{M}])`;
  try {
    let re = new RegExp(source, 'giu');
    // V8 compiles a RegExp lazily: the first exec is part of building it.
    const build = (): RegExp => {
      const x = new RegExp(source, 'giu');
      x.exec('x');
      x.lastIndex = 0;
      return x;
    };
    r.buildMs = timeBuild(() => (re = build()), b.runs);
    r.memoryBytes = retained(build);
    scanInto(
      r,
      timeScan(
        (t) => {
          let n = 0;
          re.lastIndex = 0;
          while (re.exec(t)) n++;
          return n;
        },
        blocks,
        b.runs,
        b.warmup,
        b.budgetMs,
      ),
    );
  } catch (e) {
    r.error = errorText(e);
  }
  return r;
}

/** The automaton alone: count() of all overlapping exact matches, no boundaries, no objects. */
function benchAhoCorasickRaw(entries: AliasEntry[], blocks: string[], b: Budget): EngineResult {
  const r = emptyResult('modern-ahocorasick (raw)', 'exact, every overlapping occurrence counted with count(): no boundaries, no match objects');
  try {
    const ac = new AhoCorasick([...new Set(entries.map((e) => e.text))]);
    scanInto(r, timeScan((t) => ac.count(t), blocks, b.runs, b.warmup, b.budgetMs));
  } catch (e) {
    r.error = errorText(e);
  }
  return r;
}

function benchAhoCorasick(entries: AliasEntry[], blocks: string[], b: Budget): EngineResult {
  const r = emptyResult('modern-ahocorasick', "exact (case-sensitive, no folding), wholeWord: true, strategy 'leftmost-longest'");
  const patterns = [...new Set(entries.map((e) => e.text))];
  try {
    let ac = new AhoCorasick(patterns);
    r.buildMs = timeBuild(() => (ac = new AhoCorasick(patterns)), b.runs);
    const serialised = JSON.stringify(ac.serialize());
    r.indexBytes = Buffer.byteLength(serialised);
    r.indexGzipBytes = gzipSync(serialised).length;
    r.loadMs = time(() => AhoCorasick.deserialize(JSON.parse(serialised)), b.runs, b.warmup);
    r.memoryBytes = retained(() => new AhoCorasick(patterns));
    const options = { strategy: 'leftmost-longest', wholeWord: true, locale: 'en' } as const;
    scanInto(r, timeScan((t) => ac.search(t, options).length, blocks, b.runs, b.warmup, b.budgetMs));
  } catch (e) {
    r.error = errorText(e);
  }
  return r;
}

// ---------------------------------------------------------------- entry points

/** Run the whole matcher benchmark; pure data out, progress lines to `log`. */
export async function runMatcherBench(options: MatcherBenchOptions = {}): Promise<Result> {
  const { textChars = 2_000_000, runs = 7, warmup = 2, sizes = [10_000, 100_000], budgetMs = 20_000, log = () => {} } = options;
  const budget: Budget = { runs, warmup, budgetMs };
  gc(); // set up once, so the GC hook's own context is not counted as a matcher's memory
  const real = realAliases();
  const largest = Math.max(0, ...sizes);
  const synthetic = syntheticAliases(largest);
  // Names planted in the text: the real ones and the first 10,000 synthetic ones, so every
  // set has matches and the text is the same for all.
  const planted = [...real.entries.map((e) => e.text), ...synthetic.slice(0, Math.min(10_000, largest)).map((e) => e.text)];
  const blocks = newsText(textChars, planted);
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  const sets: { name: string; entries: AliasEntry[] }[] = [real, ...sizes.map((n) => ({ name: `${n.toLocaleString('en')} synthetic`, entries: synthetic.slice(0, n) }))];
  const out: AliasSetResult[] = [];
  for (const set of sets) {
    log(`matcher bench: ${set.name} (${set.entries.length} aliases)`);
    const engines: EngineResult[] = [];
    for (const bench of [benchFactcard, benchRegExp, benchAhoCorasick, benchAhoCorasickRaw]) {
      engines.push(bench(set.entries, blocks, budget));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    out.push({ name: set.name, entities: new Set(set.entries.map((e) => e.entity)).size, aliases: set.entries.length, engines });
  }
  return { node: process.version, textChars: chars, blocks: blocks.length, runs, sets: out };
}

const fmt = (n: number | null | undefined, digits = 1): string => (n == null ? '–' : n.toLocaleString('en', { maximumFractionDigits: digits }));
const fmtStat = (s: Stat | null, digits = 1): string => (s ? `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})` : '–');
const kb = (n: number | null): string => (n == null ? '–' : `${fmt(n / 1024, 0)} KB`);

/** The results as a Markdown table. */
export function matcherBenchMarkdown(result: Result): string {
  const lines = [
    `Matcher, Node ${result.node}: ${fmt(result.textChars / 1e6, 2)} M chars in ${result.blocks} blocks; median (min–max) of ${result.runs} runs.`,
    '',
    '| alias set | engine | scan MB/s | matches | build ms | index (gzip) | load ms | memory |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const set of result.sets) {
    for (const e of set.engines) {
      lines.push(
        `| ${set.name} (${fmt(set.aliases, 0)} aliases) | ${e.engine}${e.error ? ` — failed: ${e.error}` : ''} | ${fmtStat(e.scanMBps)} | ${fmt(e.matches, 0)}${e.scannedChars !== null && e.scannedChars < result.textChars ? ` in first ${fmt(e.scannedChars / 1e3, 0)} K chars` : ''} | ${fmtStat(e.buildMs)} | ${kb(e.indexBytes)} (${kb(e.indexGzipBytes)}) | ${fmtStat(e.loadMs, 2)} | ${kb(e.memoryBytes)} |`,
      );
    }
  }
  lines.push('', 'Engines:');
  for (const e of result.sets[0]?.engines ?? []) lines.push(`- ${e.engine}: ${e.semantics}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runMatcherBench({ log: (l) => console.error(l) });
  console.log(matcherBenchMarkdown(result));
}
