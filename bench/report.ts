// The result's shape, its Markdown rendering, and the README section between the markers.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserName } from '../test/e2e/harness';
import type { BaselineSample, DomWorkSample, FactcardSample, LoadTiming, SoakResult } from './browser';
import type { Machine } from './machine';
import { matcherBenchMarkdown, type Result as MatcherResult } from './matcher';
import { CARD_SCRIPT_BUDGET, CONTENT_SCRIPT_BUDGET, type Bytes } from './size';
import { FIRST_CHUNK_CHARS } from '../dom/page-scanner';
import { paired } from './round-robin';
import { fmtStat, kB, num, stat, type Stat } from './stats';

export interface PageResult {
  key: string;
  label: string;
  textChars: number;
  htmlBytes: number;
  textNodes: number;
  factcard: FactcardSample[];
  floor: BaselineSample[];
  /** The same walk in an isolated world (Chromium) or Xray sandbox (Firefox); absent in results from before it was measured. */
  floorIsolated?: BaselineSample[];
  /** The walk and the matcher over every text node, in an isolated world (bench/scan-floor.ts); absent in older results. */
  scanFloor?: BaselineSample[];
  alone: { heapBytes: number | null };
  /** Load timing (ms from the HTML's first byte) with the content script and of the page alone. */
  load: { factcard: LoadTiming[]; alone: LoadTiming[] };
  /** The page's own DOM work (PAGE_DOM_WORK) once Factcard settled, and of the page alone. */
  domWork: { factcard: DomWorkSample[]; alone: DomWorkSample[] };
  markDefault: BaselineSample[] | string;
  markRegExp: BaselineSample[];
  /** `markRegExp()` in an isolated world (Chromium) or Xray sandbox (Firefox), as a content script runs; absent in older results. */
  markRegExpIsolated?: BaselineSample[];
  /** Factcard's highlight stylesheet adopted on the loaded page alone, style and layout brought up to date (sheetRestyleRun); absent in older results. */
  sheetRestyle?: BaselineSample[];
}

export interface BrowserResult {
  name: BrowserName;
  pages: PageResult[];
  dynamic: { paragraphs: number; bursts: number; gapMs: number; latencies: number[]; added: number[]; longTasks: number | null; longestTask: number | null } | null;
  soak: SoakResult | null;
  hover: {
    dwellMs: number;
    words: string[];
    /** End of the dwell → card painted, per hover after the first (the warm-up). */
    samples: number[];
    /** Per hover after the first: frames that began after the dwell ended, before the card's (absent in older results). */
    framesBefore?: number[];
    /** The page's first hover (its card is the first built on the page), ms after the dwell. */
    first?: number | null;
    failures: number;
  } | null;
  /**
   * Hovers on the 2 MB page once settled: the first is the page's first pointer move (its
   * hit test's first look at a big page) and first card. Absent in older results.
   */
  hoverBig?: { dwellMs: number; words: string[]; first: number | null; samples: number[]; framesBefore: number[]; failures: number } | null;
  indexLoad: { label: string; bytes: number; load: Stat | null; firstFind: Stat | null }[];
}

/** Which build a run measured (absent in results from before the twentieth pass, bench/README.md). */
export interface BuildInfo {
  /** Short commit hash of the checkout, or 'unknown' outside git. */
  commit: string;
  /** Whether tracked files had uncommitted changes (the build is then not the commit's). */
  dirty: boolean;
  /** First 12 hex digits of the SHA-256 of the built content script (content.js) per target. */
  contentScript: { chrome: string | null; firefox: string | null };
}

export interface BenchResult {
  date: string;
  durationS: number;
  quick: boolean;
  machine: Machine;
  build?: BuildInfo;
  sizes: {
    /** content.js, at document_start. */
    contentScript: { chrome: Bytes | null; firefox: Bytes | null };
    /** card.js, the card UI at document_idle (absent in results from before the split). */
    cardScript?: { chrome: Bytes | null; firefox: Bytes | null };
    datasetIndex: Bytes;
    synthetic10kIndex: Bytes;
  };
  browsers: BrowserResult[];
  matcher: MatcherResult;
  markLimitMs: number;
  /**
   * The baselines' loads and Factcard's took turns, one of each kind per round
   * (bench/round-robin.ts). Absent in runs before the twenty-first pass, which measured every
   * baseline of a browser first and Factcard after it.
   */
  loadsInTurn?: boolean;
}

const pick = <T>(xs: T[], f: (x: T) => number | null): number[] => xs.map(f).filter((v): v is number => v !== null);
const ms = (s: Stat | null | string): string => fmtStat(s, 1);
/** A difference with its sign: "+3.2", "−8.9" (a true minus sign). */
const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${num(Math.abs(n), 1)}`;

function baseline(samples: BaselineSample[] | string, limitMs: number): string {
  if (typeof samples === 'string') return samples;
  const cut = samples.find((s) => s.cut);
  if (cut) return `> ${num(limitMs / 1000, 0)} s (${cut.detail})`;
  return ms(stat(samples.map((s) => s.ms)));
}

/** The isolated-world floor's samples as a Stat; null for results written before it was measured. */
function floorIsolatedStat(p: PageResult): Stat | null {
  return stat(p.floorIsolated?.map((s) => s.ms) ?? []);
}

/** The scan's own floor (walk + matcher, isolated world), as a Stat; null for results written before it was measured. */
function scanFloorStat(p: PageResult): Stat | null {
  return stat(p.scanFloor?.map((s) => s.ms) ?? []);
}

/** `markRegExp()` in an isolated world, as a Stat; null for results written before it was measured. */
function markIsolatedStat(p: PageResult): Stat | null {
  return stat(p.markRegExpIsolated?.map((s) => s.ms) ?? []);
}

/**
 * The page alone: from DOMContentLoaded to the end of its first frame after it (style, layout,
 * paint). Null for results written before it was measured.
 */
function aloneFrameAfterDcl(p: PageResult): Stat | null {
  return stat(pick(p.load.alone, (l) => (l.frameDone === undefined || l.frameDone === null ? null : l.frameDone - l.dcl)));
}

/**
 * The page alone's first frame after DOMContentLoaded when the scan has work left after its
 * first chunk (which can only follow that frame); null on a page the first chunk reads whole.
 */
function frameTheScanFollows(p: PageResult | undefined, browser: string): Stat | null {
  return p && p.textChars > FIRST_CHUNK_CHARS && waitsForFirstFrame(browser) ? aloneFrameAfterDcl(p) : null;
}

/**
 * Whether the content script leaves the rest of the scan for after the page's first frame in
 * this browser: Chromium's build does; Firefox's reads on in short tasks in the wait for that
 * frame (entrypoints/content/app.ts, READ_BEFORE_FIRST_FRAME_MS; bench/README.md, fourteenth
 * pass), so there the frame bounds nothing.
 */
function waitsForFirstFrame(browser: string): boolean {
  return browser !== 'firefox';
}

/**
 * Why a settled-time target of `targetMs` is out of reach on this page, when the measurements
 * say so: the page has more text than the scan's first chunk reads inside the
 * DOMContentLoaded task, and the page's first frame after DOMContentLoaded ends later than the
 * target — or before it, but not by as long as reading and matching the rest of the text takes
 * (the walk-and-matcher figure, for the share of the text beyond the first chunk). The rest of
 * the scan runs after that frame; only a whole scan inside the DOMContentLoaded task could be
 * done sooner, and it would hold the page's first paint back by its length. (Read before the
 * frame in short tasks instead, at either priority, the rest got no time there in Chromium:
 * bench/README.md, thirteenth pass.) Not in a browser whose build reads the rest in that wait
 * (waitsForFirstFrame). The second reason only with `world` (where the walk and matcher ran),
 * for rows that do not give it already.
 *
 * Judged per timed load where the loads recorded when their own first frame ended
 * (ownFrameBound); in older results, on the page alone's frame.
 */
function frameBound(p: PageResult | undefined, browser: string, settled: Stat | null, targetMs: number, target: string, world?: string): string {
  const frame = frameTheScanFollows(p, browser);
  if (!p || !frame || !settled || settled.median <= targetMs) return '';
  const scan = world ? scanFloorStat(p) : null;
  // Reading and matching the text beyond the first chunk, nothing else: at the least, the
  // walk-and-matcher figure for that share of the page.
  const after = scan ? scan.median * Math.max(0, 1 - FIRST_CHUNK_CHARS / p.textChars) : null;
  const own = pick(p.factcard, (x) => x.firstFrameDone ?? null);
  if (2 * own.length > p.factcard.length) return ownFrameBound(own, frame, after, scan, targetMs, target, world);
  if (settled.median <= frame.median) return '';
  if (targetMs < frame.median) return `; out of reach without holding back the page's first paint: the page alone ends its first frame after DOMContentLoaded ${ms(frame)} ms after it, later than ${target} (${num(targetMs, 1)} ms), and ${FRAME_REST}`;
  if (after === null || !scan) return '';
  const soonest = frame.median + after;
  if (soonest < targetMs) return '';
  return `; out of reach without holding back the page's first paint: the page alone ends its first frame after DOMContentLoaded ${ms(frame)} ms after it, ${FRAME_REST}, and reading and matching that part, nothing else, takes ${num(after, 1)} ms in ${world} (the walk and matcher's ${num(scan.median, 1)} ms for the whole page, in proportion): medians that add up to ${num(soonest, 1)} ms, later than ${target} (${num(targetMs, 1)} ms)`;
}

const FRAME_REST = `the scan's part after the DOMContentLoaded task (beyond its first ${num(FIRST_CHUNK_CHARS, 0)} characters) can only follow that frame`;

/**
 * frameBound on the timed loads' own first frames (`own`: when each ended, from
 * DOMContentLoaded; `frame`: the page alone's, shown beside them). A load could have settled no
 * sooner than its frame's end plus reading and matching the rest (`after`, when known); the
 * bound holds when the median of that soonest time is later than the target. Where the browser
 * laid the page out before DOMContentLoaded the frame after it is short, and where the layout
 * fell to the task that ran DOMContentLoaded (the page's own load work) it is long: per load,
 * the two kinds are not mixed up as medians of different loads would be. The page alone's frame
 * (plus the rest) must be later than the target too.
 */
function ownFrameBound(own: number[], frame: Stat, after: number | null, scan: Stat | null, targetMs: number, target: string, world?: string): string {
  const ownStat = stat(own);
  const soonest = stat(own.map((x) => x + (after ?? 0)));
  // Also on the page alone's frame, so that what the scan's own first chunk adds to that frame
  // is never what puts the target out of reach.
  if (!ownStat || !soonest || soonest.median < targetMs || frame.median + (after ?? 0) < targetMs) return '';
  const frames = `in the timed loads the page's first frame after DOMContentLoaded (which paints the scan's first chunk) ended ${ms(ownStat)} ms after it (the page alone's: ${ms(frame)} ms)`;
  if (ownStat.median >= targetMs) return `; out of reach without holding back the page's first paint: ${frames}, later than ${target} (${num(targetMs, 1)} ms) in ${own.filter((x) => x >= targetMs).length} of ${own.length} loads, and ${FRAME_REST}`;
  if (after === null || !scan) return '';
  return `; out of reach without holding back the page's first paint: ${frames}, ${FRAME_REST}, and reading and matching that part, nothing else, takes ${num(after, 1)} ms in ${world} (the walk and matcher's ${num(scan.median, 1)} ms for the whole page, in proportion): per load no sooner than ${ms(soonest)} ms, later than ${target} (${num(targetMs, 1)} ms) in ${own.filter((x) => x + after >= targetMs).length} of ${own.length} loads`;
}

/**
 * Why Factcard settles after `markRegExp()` called in the page's own world, when the
 * measurements say so: the text walk alone (the floor's TreeWalker, nothing else) takes longer
 * in the content script's world than in the page's, by more than Factcard is behind. Every DOM
 * call a content script makes pays that world's price (in Firefox, its Xray wrappers); the
 * page's own call pays none of it, and a content script cannot run its code in the page's
 * world without handing that code to the page. Empty when Factcard is ahead, for results
 * written before the isolated floor was measured, when that price is smaller than the gap, or
 * when the same call run in the content script's world was done sooner than Factcard.
 */
function worldBound(p: PageResult, settled: Stat | null, mark: Stat, world: string): string {
  const floor = stat(p.floor.map((x) => x.ms));
  const iso = floorIsolatedStat(p);
  if (!settled || !floor || !iso || settled.median < mark.median) return '';
  // Where the same call, run in that world, was done sooner than Factcard, the world is not what holds Factcard back.
  const markThere = markIsolatedStat(p);
  if (markThere && markThere.median <= settled.median) return '';
  const price = iso.median - floor.median;
  const behind = settled.median - mark.median;
  if (price <= behind) return '';
  return `; out of reach for a content script in ${world}: the text walk alone (the floor's TreeWalker) takes ${num(price, 1)} ms longer there than in the page's world (${ms(iso)} against ${ms(floor)} ms), more than Factcard is behind (${num(behind, 1)} ms)`;
}

/**
 * The loads that recorded whether Factcard's stylesheet was in the page when its HTML had been
 * parsed, how many of them it was, and what adopting it on the loaded page alone costs
 * (sheetRestyleRun); null restyle for results written before these were measured.
 */
function sheetLoads(p: PageResult): { known: number; before: number; restyle: Stat | null } {
  const known = p.factcard.filter((x) => x.sheetBeforeParsed === true || x.sheetBeforeParsed === false);
  return { known: known.length, before: known.filter((x) => x.sheetBeforeParsed).length, restyle: stat(p.sheetRestyle?.map((x) => x.ms) ?? []) };
}

/**
 * Why Factcard settles after a target, when the measurements say so: in most loads its
 * settings came back after the page's HTML was parsed, so its highlight stylesheet came into a
 * page the browser had styled already, and the browser restyles the whole page for it in its
 * next frame, which the rest of the scan follows (what that costs: sheetRestyleRun, on the
 * loaded page alone). Adopted while the page is parsed, the same sheet costs next to nothing;
 * but nothing of Factcard may reach a page before its settings say the page is on (on a site
 * the reader turned it off for, a page script must not see it), and they come back only
 * asynchronously. The bound holds when settled less that restyle is sooner than the target.
 */
function sheetBound(p: PageResult, settled: Stat | null, targetMs: number, target: string): string {
  const { known, before, restyle } = sheetLoads(p);
  const after = known - before;
  if (!settled || !restyle || settled.median < targetMs || known === 0 || 2 * after <= known) return '';
  const less = settled.median - restyle.median;
  if (less >= targetMs) return '';
  return `; out of reach while the settings come back after the page is parsed: in ${after} of ${known} loads they did, so Factcard's highlight stylesheet came into a page the browser had styled already, and the browser restyles the whole page for it in its next frame (adopting the same stylesheet on the loaded page alone and bringing style and layout up to date: ${ms(restyle)} ms), which the rest of the scan follows; ${SETTINGS_WAIT}; settled less that restyle, ${num(less, 1)} ms, is sooner than ${target} (${num(targetMs, 1)} ms)`;
}

/**
 * Why loads had no highlights in their first frame, when the measurements say so: Factcard's
 * settings had not come back by then (the page saw its highlights registered, which happens as
 * soon as the settings say the page is on, only after that frame's callbacks ran). Empty when
 * every load drew in its first frame, for another cause, or for results written before the
 * frame's time was kept.
 */
function settingsAfterFrame(runs: readonly FactcardSample[]): string {
  const late = runs.filter((x) => (x.firstFrameMentions ?? 0) === 0 && x.firstFrameAt != null && (x.start === null || x.start > x.firstFrameAt));
  if (late.length === 0) return '';
  const each = late.map((x) => `${x.start === null ? 'never' : `${num(x.start, 1)} ms`} after DOMContentLoaded, that frame at ${num(x.firstFrameAt ?? 0, 1)}`).join('; ');
  // Every load without highlights in that frame is one whose settings came after it: the reason holds for the row.
  const all = late.length === runs.filter((x) => (x.firstFrameMentions ?? 0) === 0).length;
  return `; ${all ? 'out of reach while the settings come late: ' : ''}in ${late.length === 1 ? 'the load' : `the ${late.length} loads`} without, Factcard's settings came back after that frame (${each}): ${SETTINGS_WAIT}`;
}

/** Why drawing waits for the settings, and why they cannot be had sooner. */
const SETTINGS_WAIT = 'nothing is drawn before they say the page is on, and a content script can read them only asynchronously (one storage round trip, asked for at `document_start`); handing it a copy synchronously takes a registered content script that carries them as code (Firefox\'s `contentScripts.register`; Chromium has none), which needs host permissions for every site, and Factcard holds none';

/**
 * A small page's settled time against a target it misses, split by whether the settings had
 * come back by DOMContentLoaded (the page saw Factcard's highlights registered when that event
 * began): where they had not, drawing waited for them. The bound holds when the loads whose
 * settings were in time met the target. Empty when no load was late, or for results written
 * before this was recorded.
 */
function settingsLateBound(runs: readonly FactcardSample[], settled: Stat | null, targetMs: number, target: string): string {
  if (!settled || settled.median < targetMs) return '';
  const known = runs.filter((x) => x.settingsByDcl === true || x.settingsByDcl === false);
  const late = known.filter((x) => x.settingsByDcl === false);
  const inTime = stat(known.filter((x) => x.settingsByDcl === true).map((x) => x.settle));
  if (late.length === 0) return '';
  const lateStat = stat(late.map((x) => x.settle));
  const split = `Factcard's settings came back after DOMContentLoaded began in ${late.length} of ${known.length} loads (the page saw none of its highlights registered then; those loads settled in ${ms(lateStat)} ms)`;
  if (!inTime) return `; ${split}`;
  if (inTime.median >= targetMs) return `; ${split}; the ${known.length - late.length} whose settings had come by then settled in ${ms(inTime)} ms`;
  return `; out of reach while the settings come late: ${split}, and ${SETTINGS_WAIT}; the ${known.length - late.length} loads whose settings had come by then settled in ${ms(inTime)} ms, sooner than ${target} (${num(targetMs, 1)} ms)`;
}

/**
 * The big page's "by a wide margin": how far ahead of `markRegExp()` Factcard settled, and the
 * widest margin a scan that lets the page paint first can have — the scan's part after the
 * DOMContentLoaded task follows the page's own first frame, so it cannot settle before that
 * frame ends (the page alone's figure). Only the margin where the scan does not wait for that
 * frame (waitsForFirstFrame) or for results written before the frame was measured; empty when
 * Factcard is not ahead.
 */
function bigPageMargin(p: PageResult, browser: string, settled: Stat | null, mark: Stat | null): string {
  if (!settled || !mark || settled.median >= mark.median) return '';
  const pct = (x: number): string => `${num((100 * x) / mark.median, 0)} %`;
  const ahead = mark.median - settled.median;
  const frame = frameTheScanFollows(p, browser);
  if (!frame) return `; ahead by ${num(ahead, 1)} ms (${pct(ahead)})`;
  const widest = Math.max(0, mark.median - frame.median);
  return `; ahead by ${num(ahead, 1)} ms (${pct(ahead)}); the widest margin open to a scan that lets the page paint first is ${num(widest, 1)} ms (${pct(widest)}): the page alone ends its first frame after DOMContentLoaded ${ms(frame)} ms after it, and the scan's part after the DOMContentLoaded task can only follow that frame`;
}

/** One plain load's long tasks from DOMContentLoaded on, split by the page's first frame after it. */
interface LongTaskLoad {
  count: number;
  longest: number;
  /** Long tasks begun after that frame's animation-frame callbacks ran: on a static page, the scan's. */
  afterFrame: number;
  /** Where the longest one was: the task that ran DOMContentLoaded, the first frame's, or a later one. */
  longestIs: 'dcl' | 'frame' | 'later';
  /**
   * The long task that ran DOMContentLoaded, if there was one: its length, and how long the
   * DOMContentLoaded listeners registered before the page's own took in it (a document_start
   * content script's; null in older results).
   */
  dclTask: { ms: number; listeners: number | null } | null;
}

/** The long tasks of plain loads (null when the loads have none recorded: Firefox, older results). */
function longTaskLoads(loads: LoadTiming[]): LongTaskLoad[] | null {
  const out: LongTaskLoad[] = [];
  for (const l of loads) {
    if (!l.longTasks || l.frameAt === undefined || l.frameAt === null) return null;
    const frameAt = l.frameAt;
    let longest: [number, number] | null = null;
    for (const t of l.longTasks) if (!longest || t[1] > longest[1]) longest = t;
    const where = (t: [number, number]): LongTaskLoad['longestIs'] => (t[0] <= l.dcl ? 'dcl' : t[0] <= frameAt ? 'frame' : 'later');
    const dcl = l.longTasks.find(([t, d]) => t <= l.dcl && t + d >= l.dcl);
    out.push({
      count: l.longTasks.length,
      longest: longest ? longest[1] : 0,
      afterFrame: l.longTasks.filter(([t]) => t > frameAt).length,
      longestIs: longest ? where(longest) : 'later',
      dclTask: dcl ? { ms: dcl[1], listeners: l.dclListeners ?? null } : null,
    });
  }
  return out.length > 0 ? out : null;
}

/**
 * The issue's "no long task that the page does not have without Factcard", on plain loads of
 * the page with and without the extension: the same number of long tasks, and none begun after
 * the page's first frame (where the page alone has none, and only the scan runs).
 */
function longTaskRow(p: PageResult, browser: string): TargetRow {
  const target = `${p.label} page: no long task that the page does not have without Factcard`;
  const w = longTaskLoads(p.load.factcard);
  const a = longTaskLoads(p.load.alone);
  if (!w || !a) return { target, browser, measured: browser === 'firefox' ? 'no Long Tasks API' : 'not measured in this run', met: null };
  const count = (xs: LongTaskLoad[]): Stat | null => stat(xs.map((x) => x.count));
  const cw = count(w);
  const ca = count(a);
  const afterW = w.reduce((n, x) => n + x.afterFrame, 0);
  const afterA = a.reduce((n, x) => n + x.afterFrame, 0);
  const where = (k: LongTaskLoad['longestIs']): number => w.filter((x) => x.count > 0 && x.longestIs === k).length;
  const met = !!cw && !!ca && cw.median <= ca.median && afterW <= afterA;
  const counts = (c: Stat | null): string => (c ? `${num(c.median, 0)} (${num(c.min, 0)}–${num(c.max, 0)})` : '–');
  const measured = `long tasks from DOMContentLoaded on, ${w.length} plain load${w.length === 1 ? '' : 's'} each: ${counts(cw)} with Factcard, ${counts(ca)} for the page alone; begun after the page's first frame after DOMContentLoaded (while the rest of the scan runs): ${afterW} with Factcard, ${afterA} alone. The longest: ${ms(stat(w.map((x) => x.longest)))} ms with Factcard vs ${ms(stat(a.map((x) => x.longest)))} alone — with Factcard the task that ran DOMContentLoaded (the page's parsing and layout, and the scan's first chunk) in ${where('dcl')} of the ${w.length} loads, the page's first frame in ${where('frame')}, a later task in ${where('later')}${dclTaskSplit(w, a, met)}`;
  return { target, browser, measured, met };
}

/**
 * The long task that ran DOMContentLoaded, with Factcard: how much of it was Factcard's
 * DOMContentLoaded listener (timed by the page, around it), and whether the task is long
 * without that part — the page's own parsing, style and layout that end in DOMContentLoaded.
 * When the long-task target is unmet, no task began after the first frame, every such task is
 * long without Factcard's part and the page alone had one too in some load, that is the
 * measured reason. Empty for results written before the listener was timed.
 */
function dclTaskSplit(w: LongTaskLoad[], a: LongTaskLoad[], met: boolean): string {
  const tasks = w.flatMap((x) => (x.dclTask && x.dclTask.listeners !== null ? [{ ms: x.dclTask.ms, listeners: x.dclTask.listeners }] : []));
  if (tasks.length === 0) return '';
  const LONG = 50;
  const without = tasks.map((t) => t.ms - t.listeners);
  const longAnyway = without.filter((x) => x >= LONG).length;
  const alone = a.filter((x) => x.dclTask !== null).length;
  const split = `. The task that ran DOMContentLoaded was long in ${tasks.length} of the ${w.length} loads with Factcard: ${ms(stat(tasks.map((t) => t.ms)))} ms, of which Factcard's DOMContentLoaded listener (timed by the page around it) ${ms(stat(tasks.map((t) => t.listeners)))}; without it ${ms(stat(without))}, still long in ${longAnyway === tasks.length ? (tasks.length === 1 ? 'that load' : `all ${tasks.length}`) : `${longAnyway} of the ${tasks.length}`}. The page alone had such a long task in ${alone} of its ${a.length} loads`;
  const afterFrame = w.reduce((n, x) => n + x.afterFrame, 0);
  if (met || longAnyway < tasks.length || afterFrame > 0 || alone === 0) return split;
  return `${split}; out of reach for a content script: the extra long task is the page's own parsing, style and layout that end in DOMContentLoaded, long without Factcard's part in every load — when a load reaches DOMContentLoaded at that point of its parsing, the page alone has it too`;
}

function ratio(a: Stat | null, b: Stat | null): string {
  return a && b && b.median > 0 ? `${num(a.median / b.median, 1)}×` : '–';
}

/** A paragraph, then a table whose first column is left-aligned and the others right-aligned. */
function tableAfter(intro: string, header: string[], rows: string[][]): string[] {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return ['', intro, '', row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)];
}

function pageTables(b: BrowserResult, limitMs: number, inTurn: boolean): string[] {
  const lines = [
    `Times in ms from DOMContentLoaded, median (min–max); mark.js, the floors and \`markRegExp()\` (in the page's world and in an isolated world, a content script's) run in the same ${b.name} build without the extension, on the same pages${inTurn ? ", their loads taking turns with Factcard's (one load of each kind per round)" : ', all before Factcard\'s loads'}. *Walk and matcher*: the floor's walk with Factcard's matcher run over every text node, nothing else (bench/scan-floor.ts).`,
    '',
    '| page | mentions (drawn) | settled (whole page found, drawn) | whole page found | last highlight change | first highlights | content script ready | scan work | floor (TreeWalker) | floor in an isolated world | walk and matcher in an isolated world | settled ÷ floor | work ÷ floor | mark.js `mark()` | mark.js `markRegExp()` | `markRegExp()` in an isolated world |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const p of b.pages) {
    const settle = stat(p.factcard.map((s) => s.settle));
    const work = stat(pick(p.factcard, (s) => s.work));
    const floor = stat(p.floor.map((s) => s.ms));
    const isolated = floorIsolatedStat(p);
    lines.push(
      `| ${p.label} | ${num(p.factcard[0]?.foundMentions ?? p.factcard[0]?.mentions ?? 0, 0)} (${num(p.factcard[0]?.mentions ?? 0, 0)}) | ${ms(settle)} | ${ms(stat(pick(p.factcard, (s) => s.found)))} | ${ms(stat(pick(p.factcard, (s) => s.lastHighlight)))} | ${ms(stat(pick(p.factcard, (s) => s.first)))} | ${ms(stat(pick(p.factcard, (s) => s.start)))} | ${ms(work)} | ${ms(floor)} | ${ms(isolated)} | ${ms(scanFloorStat(p))} | ${ratio(settle, floor)} | ${ratio(work, floor)} | ${baseline(p.markDefault, limitMs)} | ${baseline(p.markRegExp, limitMs)} | ${ms(markIsolatedStat(p))} |`,
    );
  }
  const sheets = b.pages.flatMap((p) => {
    const { known, before, restyle } = sheetLoads(p);
    return known > 0 && restyle ? [`${p.label}: ${before} of ${known} loads, ${ms(restyle)} ms`] : [];
  });
  if (sheets.length > 0) lines.push('', `Factcard's highlight stylesheet was in the page when its HTML had been parsed (its settings had come back by then), and adopting it on the loaded page alone, style and layout brought up to date, took: ${sheets.join('; ')}.`);
  lines.push('', '| page | HTML | text nodes | long tasks with Factcard: count, longest ms | page alone | JS heap with Factcard | page alone | heap Δ |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of b.pages) {
    // The plain loads with and without the extension (the long-task target's loads).
    const heap = stat(pick(p.factcard, (s) => s.heapBytes));
    const why = b.name === 'firefox' ? 'n/a (no Long Tasks API / CDP heap in Firefox)' : '–';
    const tasks = (loads: LoadTiming[]): string => {
      const xs = longTaskLoads(loads);
      const count = xs ? stat(xs.map((x) => x.count)) : null;
      return xs && count ? `${num(count.median, 0)} (${num(count.min, 0)}–${num(count.max, 0)}), ${ms(stat(xs.map((x) => x.longest)))}` : why;
    };
    lines.push(
      `| ${p.label} | ${kB(p.htmlBytes)} | ${num(p.textNodes, 0)} | ${tasks(p.load.factcard)} | ${tasks(p.load.alone)} | ${heap ? `${num(heap.median / 1e6, 2)} MB` : why} | ${p.alone.heapBytes === null ? why : `${num(p.alone.heapBytes / 1e6, 2)} MB`} | ${heap && p.alone.heapBytes !== null ? `${num((heap.median - p.alone.heapBytes) / 1e6, 2)} MB` : '–'} |`,
    );
  }
  const delta = (a: Stat | null, z: Stat | null): string => (a && z ? signed(a.median - z.median) : '–');
  lines.push(...tableAfter(
    'What the page waits for, in ms from the first byte of its HTML (navigation timing `responseStart`): DOMContentLoaded, the first contentful paint, and the end of the first frame after DOMContentLoaded (its style, layout and paint; a task posted from its animation-frame callback), with Factcard and for the page alone (each in its own browser instance, on plain loads without the observer loop or the summary probe). The content script runs at `document_start`, before the page is parsed: its start-up delays DOMContentLoaded, the work it does in DOMContentLoaded comes before that frame, and the rest of its scan ' + (waitsForFirstFrame(b.name) ? 'after it.' : 'in short tasks in the wait for it and after it.'),
    ['page', 'DOMContentLoaded with Factcard', 'page alone', 'Δ', 'first contentful paint with Factcard', 'page alone', 'Δ', 'first frame after DOMContentLoaded done, with Factcard', 'page alone', 'Δ'],
    b.pages.map((p) => {
      const d1 = stat(p.load.factcard.map((l) => l.dcl));
      const d0 = stat(p.load.alone.map((l) => l.dcl));
      const f1 = stat(pick(p.load.factcard, (l) => l.fcp));
      const f0 = stat(pick(p.load.alone, (l) => l.fcp));
      const r1 = stat(pick(p.load.factcard, (l) => l.frameDone ?? null));
      const r0 = stat(pick(p.load.alone, (l) => l.frameDone ?? null));
      return [p.label, ms(d1), ms(d0), delta(d1, d0), ms(f1), ms(f0), delta(f1, f0), ms(r1), ms(r0), delta(r1, r0)];
    }),
  ));
  lines.push(...tableAfter(
    "The page's own DOM work once Factcard has settled, timed by the page: 2,000 elements appended to its article and removed, then two edits to each text node of its first 200 paragraphs, then a text colour (an inherited property) set on its root, as a theme switch does, and then on its body, each restyle brought up to date (ms; with Factcard, and the page alone). The browser updates every live Range on every such change, and queues a record for every mutation observer: this is what Factcard's ranges and its observer cost a page that changes its DOM. The restyles are what Factcard's highlight stylesheet costs: Chromium passes a new inherited value on the root down without restyling the page, unless a highlight rule (ours, or a page's own universal `::selection` rule) applies to the root; bench/README.md says what was measured and tried.",
    ['page', '2,000 appends and removals with Factcard', 'page alone', 'text edits with Factcard', 'page alone', 'edits', 'colour on the root with Factcard', 'page alone', 'colour on the body with Factcard', 'page alone'],
    b.pages.map(({ label, domWork: { factcard: f, alone: a } }) => [
      label, ms(stat(f.map((x) => x.appendRemove))), ms(stat(a.map((x) => x.appendRemove))),
      ms(stat(f.map((x) => x.textEdits))), ms(stat(a.map((x) => x.textEdits))), num(f[0]?.edits ?? 0, 0),
      ms(stat(pick(f, (x) => x.restyleRoot ?? null))), ms(stat(pick(a, (x) => x.restyleRoot ?? null))),
      ms(stat(pick(f, (x) => x.restyleBody ?? null))), ms(stat(pick(a, (x) => x.restyleBody ?? null))),
    ]),
  ));
  return lines;
}

/** One target row of a run: what was measured, and whether it met the target (null: not measurable there). */
export interface TargetRow {
  target: string;
  browser: string;
  measured: string;
  met: boolean | null;
}

/** Met; missed with a measured reason that puts it out of reach (the row says "out of reach"); missed; not measurable. */
export type Verdict = 'met' | 'bounded' | 'missed' | 'n/a';

export function verdictOf(row: TargetRow): Verdict {
  if (row.met === null) return 'n/a';
  if (row.met) return 'met';
  return row.measured.includes('out of reach') ? 'bounded' : 'missed';
}

const MARKS: Record<Verdict, string> = { met: '✅', bounded: '❌', missed: '❌', 'n/a': 'n/a' };

/** The scan's targets, per browser: figures, never test assertions. */
function targets(r: BenchResult): string[] {
  return [
    '| target | browser | measured | |',
    '| --- | --- | --- | :---: |',
    ...targetRows(r).map((x) => `| ${x.target} | ${x.browser} | ${x.measured} | ${MARKS[verdictOf(x)]} |`),
  ];
}

/**
 * A run made in turn (loadsInTurn) compared round by round: Factcard's settled time against the
 * call's load of the same round. Beside the medians, not instead of them: the row is judged on
 * the medians, as every earlier run was.
 */
function roundByRound(p: PageResult): string {
  const pr = paired(p.factcard.map((x) => x.settle), p.markRegExp.map((x) => x.ms));
  if (!pr) return '';
  const d = stat(pr.differences)!;
  return `; round by round (each of Factcard's loads against the call's in the same round): Factcard sooner in ${pr.ahead} of ${pr.rounds}, Factcard − the call ${signed(d.median)} ms (${signed(d.min)} to ${signed(d.max)})`;
}

/** The target rows of a run, per browser, judged by this checkout's rules (also for older runs: bench/history.ts). */
export function targetRows(r: BenchResult): TargetRow[] {
  const rows: TargetRow[] = [];
  const row = (target: string, browser: string, measured: string, met: boolean | null): void => void rows.push({ target, browser, measured, met });
  for (const b of r.browsers) {
    const page = (key: string) => b.pages.find((p) => p.key === key);
    const settle = (key: string) => stat(page(key)?.factcard.map((s) => s.settle) ?? []);
    const floor = (key: string) => stat(page(key)?.floor.map((s) => s.ms) ?? []);
    const first = (key: string) => stat(pick(page(key)?.factcard ?? [], (s) => s.first));
    const world = b.name === 'firefox' ? "Firefox's sandbox" : 'an isolated world';
    const s10 = settle('10k');
    // Split by whether the settings had come by DOMContentLoaded, as the markRegExp() rows are.
    const lateFrame = settingsLateBound(page('10k')?.factcard ?? [], s10, 16, 'one frame');
    row(`10 KB page settled within one frame (16 ms) of DOMContentLoaded, settings read included`, b.name, `${ms(s10)} ms${lateFrame}`, !!s10 && s10.median <= 16);
    for (const key of ['10k', '200k']) {
      const runs = page(key)?.factcard ?? [];
      const inFrame = runs.filter((x) => (x.firstFrameMentions ?? 0) > 0).length;
      const firstPaint = runs.filter((x) => x.firstFrameIsFirstPaint === true).length;
      row(`${page(key)?.label} page: first highlights in the page's first frame`, b.name, `drawn in the first frame after DOMContentLoaded in ${inFrame} of ${runs.length} runs (that frame was the page's first paint in ${firstPaint}); the page's script first sees them ${ms(first(key))} ms after DOMContentLoaded, when the DOMContentLoaded task ends${settingsAfterFrame(runs)}`, runs.length > 0 && inFrame === runs.length);
    }
    for (const key of ['200k', '2m']) {
      const s = settle(key);
      const fl = floor(key);
      const p = page(key);
      const iso = p ? floorIsolatedStat(p) : null;
      // Judged on the main-world floor alone; the isolated world's is shown beside it.
      // Where the same walk in a content script's world alone takes 3× the floor, no content script that also matches can meet it there.
      // Or where reading every text node and running the matcher over it, nothing else, does.
      const scan = p ? scanFloorStat(p) : null;
      const target = fl && s && s.median > 3 * fl.median ? 3 * fl.median : null;
      const isoBound = target !== null && iso && iso.median >= target
        ? `; out of reach for a content script in ${world}: the walk alone takes as long there as 3× the floor (${num(target, 1)} ms) or longer, before any matching`
        : target !== null && scan && scan.median >= target
          ? `; out of reach for a content script in ${world} that finds the names with Factcard's matcher (the fastest in the matcher table below): reading every text node and matching it, nothing else, takes ${ms(scan)} ms there, as long as 3× the floor (${num(target, 1)} ms) or longer`
          : '';
      const isoText = iso ? `; the same walk in an isolated world: ${ms(iso)} ms, settled = ${ratio(s, iso)} that${isoBound}` : '';
      const bound = fl ? frameBound(p, b.name, s, 3 * fl.median, '3× the floor') : '';
      row(`${p?.label} page settled within 3× the TreeWalker floor`, b.name, `${ms(s)} vs ${ms(fl)} ms = ${ratio(s, fl)}${isoText}${bound}`, !!s && !!fl && s.median <= 3 * fl.median);
    }
    for (const p of b.pages) {
      const s = stat(p.factcard.map((x) => x.settle));
      const m = stat(p.markRegExp.map((x) => x.ms));
      const bound = m ? frameBound(p, b.name, s, m.median, '`markRegExp()`, timed as one call on a loaded page', world) : '';
      // Judged on the call in the page's own world; the same call where a content script runs is shown beside it.
      const iso = markIsolatedStat(p);
      const isoText = iso ? `; the same call in an isolated world, where a content script runs: ${ms(iso)} ms${s && s.median <= iso.median && !!m && s.median >= m.median && iso.median > m.median ? ` (Factcard ${s.median < iso.median ? 'ahead of' : 'level with'} it there: ${b.name === 'firefox' ? 'every DOM call from a content script goes through Firefox\'s Xray wrappers' : 'every node a content script touches gets a wrapper of its own world'}, which the page's own call does not pay)` : ''}` : '';
      const margin = p.key === '2m' ? bigPageMargin(p, b.name, s, m) : '';
      const late = m && !bound ? settingsLateBound(p.factcard, s, m.median, '`markRegExp()`') : '';
      const sandbox = m && !bound ? worldBound(p, s, m, world) : '';
      const sheet = m && !bound ? sheetBound(p, s, m.median, '`markRegExp()`') : '';
      const rounds = r.loadsInTurn ? roundByRound(p) : '';
      row(`faster than mark.js \`markRegExp()\` on the ${p.label} page`, b.name, `${ms(s)} vs ${ms(m)} ms${rounds}${isoText}${bound}${late}${sandbox}${sheet}${margin}`, !!s && !!m && s.median < m.median);
    }
    const big = page('2m');
    if (big) {
      rows.push(longTaskRow(big, b.name));
      const f = first('2m');
      row(`2 MB page: first viewport's highlights within 100 ms of DOMContentLoaded`, b.name, `${ms(f)} ms`, !!f && f.median <= 100);
    }
    const h = b.hover;
    if (h?.framesBefore) {
      const inFirst = h.framesBefore.filter((n) => n === 0).length;
      row(`hover: card painted in the first frame after the dwell ends`, b.name, `in ${inFirst} of ${h.framesBefore.length} hovers (end of the dwell → card painted ${ms(stat(h.samples))} ms)`, h.framesBefore.length > 0 && inFirst === h.framesBefore.length);
    }
    if (h) row(`no hover without a card, over at least 50 hovers`, b.name, `${h.failures} of ${h.words.length}`, h.failures === 0 && h.words.length >= 50);
    const soak = b.soak;
    if (soak) row(`infinite-scroll soak: nothing kept for removed nodes`, b.name, `${soak.mentions ?? 'n/a'} counted vs ${soak.expectedMentions} on the final page`, soak.mentions === soak.expectedMentions);
  }
  return rows;
}

/** Which build the run measured, for the run's first line ('' for results that do not say). */
function buildLine(b: BuildInfo | undefined): string {
  if (!b) return '';
  const { chrome, firefox } = b.contentScript;
  const hashes = chrome === firefox ? `\`${chrome}\`` : `\`${chrome}\` (Chrome), \`${firefox}\` (Firefox)`;
  return ` Built from ${b.commit}${b.dirty ? ' with uncommitted changes' : ''}; content script SHA-256 ${hashes}.`;
}

export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (QUICK smoke run: few runs, not for comparison)' : ''}, ${r.durationS} s in all, on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, ${m.os}, load average ${m.loadAverage} at the start; ${m.chromium}; ${m.firefox}; Node ${m.node}.${buildLine(r.build)} Method: [bench/README.md](bench/README.md).`,
    '',
    ...targets(r),
  ];
  for (const b of r.browsers) {
    out.push('', `#### ${b.name === 'chromium' ? 'Chromium' : 'Firefox ESR'}: generated news pages`, '', ...pageTables(b, r.markLimitMs, r.loadsInTurn === true));
    const d = b.dynamic;
    if (d) {
      const lat = stat(d.latencies);
      out.push(
        '',
        `Dynamic page (${b.name}): ${num(d.paragraphs, 0)} paragraphs appended in ${d.bursts} bursts, one every ${d.gapMs} ms: append → last highlight of the burst ${ms(lat)} ms over ${d.latencies.length} bursts, ${num(stat(d.added)?.median ?? 0, 0)} drawn ranges added per burst; long tasks ${d.longTasks === null ? 'n/a (no Long Tasks API)' : `${d.longTasks}${d.longTasks ? `, longest ${num(d.longestTask ?? 0, 0)} ms` : ''}`}.`,
      );
    }
    const s = b.soak;
    if (s) {
      const mb = (x: number | null): string => (x === null ? 'n/a' : `${num(x / 1048576, 1)} MB`);
      out.push(
        '',
        `Infinite-scroll soak (${b.name}): ${num(s.paragraphsAdded, 0)} paragraphs appended in bursts and ${num(s.paragraphsRemoved, 0)} removed again, in ${num(s.elapsedMs / 1000, 1)} s: the content script counts ${s.mentions === null ? 'n/a' : num(s.mentions, 0)} mentions, a fresh scan of the final page ${num(s.expectedMentions, 0)} (${s.mentions === s.expectedMentions ? 'nothing kept for removed nodes' : 'MISMATCH'}); ${num(s.drawn, 0)} ranges drawn; JS heap ${mb(s.heapBefore)} before → ${mb(s.heapAfter)} after (page included).`,
      );
    }
    const h = b.hover;
    if (h) {
      const frames = h.framesBefore ? `; the card was in the first frame after the dwell in ${h.framesBefore.filter((n) => n === 0).length} of them, one frame later in ${h.framesBefore.filter((n) => n === 1).length}, later still in ${h.framesBefore.filter((n) => n > 1).length}` : '';
      const first = h.first != null ? ` The page's first hover (not counted above; its card is the first built on the page): ${num(h.first, 1)} ms.` : '';
      out.push('', `Hover (${b.name}): end of the ${h.dwellMs} ms dwell (from the pointer event's time) → card painted ${ms(stat(h.samples))} ms over ${h.samples.length} hovers${frames}; ${h.failures} of ${h.words.length} hovers showed no card within 5 s.${first}`);
    }
    const hb = b.hoverBig;
    if (hb) {
      const inFirst = hb.framesBefore.filter((n) => n === 0).length;
      const found = b.pages.find((p) => p.key === '2m')?.factcard[0]?.foundMentions;
      out.push('', `Hover on the 2 MB page (${b.name}, settled${found ? `; ${num(found, 0)} mentions` : ''}): the page's first hover — its first pointer move over the page and its first card — end of the dwell → card painted ${hb.first === null ? 'n/a' : `${num(hb.first, 1)} ms`}; the next ${hb.samples.length}: ${ms(stat(hb.samples))} ms, the card in the first frame after the dwell in ${inFirst} of them; ${hb.failures} of ${hb.words.length} hovers showed no card within 5 s.`);
    }
    if (b.indexLoad.length) {
      out.push('', `Index in the page (${b.name}, fresh page each run): ${b.indexLoad.map((i) => `${i.label} (${kB(i.bytes)}) JSON.parse + loadMatcher ${ms(i.load)} ms, first find ${ms(i.firstFind)} ms`).join('; ')}.`);
    }
  }
  const size = (b: Bytes | null | undefined, budget: Bytes): string => `${b ? `${kB(b.raw)} raw, ${kB(b.gzip)} gzip` : 'not built'} (budget ${kB(budget.raw)} / ${kB(budget.gzip)} gzip)`;
  const card = r.sizes.cardScript ? `; the card UI's script at \`document_idle\` ${size(r.sizes.cardScript.chrome, CARD_SCRIPT_BUDGET)}` : '';
  out.push(
    '',
    `Sizes (budgets in test/e2e/size-budget.test.ts): content script at \`document_start\` ${size(r.sizes.contentScript.chrome, CONTENT_SCRIPT_BUDGET)}${card}; compiled index of the dataset ${kB(r.sizes.datasetIndex.raw)} (${kB(r.sizes.datasetIndex.gzip)} gzip), of 10,000 synthetic entities ${kB(r.sizes.synthetic10kIndex.raw)} (${kB(r.sizes.synthetic10kIndex.gzip)} gzip).`,
    '',
    '#### Matcher in Node',
    '',
    matcherBenchMarkdown(r.matcher),
  );
  return out.join('\n');
}

/**
 * Writes a run's results: bench/results/<stem>.json (unless `json` is false: re-rendering keeps
 * the file it read), <stem>.md, and, when `readme`, the table between README.md's bench markers.
 * Returns the table.
 */
export function writeResults(root: string, result: BenchResult, stem: string, opts: { json: boolean; readme: boolean }): string {
  const md = renderMarkdown(result);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  if (opts.json) writeFileSync(join(dir, `${stem}.json`), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(dir, `${stem}.md`), md.replace('](bench/README.md)', '](../README.md)') + '\n');
  if (opts.readme) updateReadme(join(root, 'README.md'), md);
  return md;
}

/** Replaces only the text between README.md's `<!-- <name>:start -->` and `<!-- <name>:end -->` markers. */
export function updateReadme(path: string, md: string, name = 'bench'): void {
  const text = readFileSync(path, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${path} has no ${start} … ${end} section`);
  writeFileSync(path, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
}
