// Finds the mentions on a page and keeps them current as the page changes.
//
// Pipeline: collect text runs (text-runs.ts, kept by run-store.ts) → matcher.find on each
// run's string → map matches to Ranges → publish after the first-reference rule
// (mention-publisher.ts). This file owns the order of that work: chunks, the viewport probe,
// when to publish.
//
// Order of work (goal: the first screen marked in the page's first frame).
// A full scan walks the page in document order and matches each run as soon as it is
// collected, in time-sliced chunks; the first chunk's mentions are published at once, so a
// page opened at its top (the usual case) gets its first screen marked after one chunk. A
// page that is not at its top (restored scroll position, #fragment) gets the viewport probe
// after the first frame (when layout is done and hit tests are cheap): the blocks under a grid
// of points over the viewport (viewport-probe.ts) that the walk has not reached are collected
// and matched out of turn ("early" blocks), and published. When the walk reaches an early
// block it takes its runs as they are instead of reading it again, so runs stay in document
// order and are read once.
//
// First-reference rule: see mention-publisher.ts for why publishing part of the page early
// never shows a weak match that the whole page would not.
//
// Chunking: each task works until the clock seam says `budgetMs` (default 16 ms, capped at
// 50) has passed, checking every few dozen nodes, then yields (scheduler.postTask /
// MessageChannel / setTimeout). One huge run is the unsplittable unit.

import { ENTITY_TYPES, type EntityType } from '../core/dataset-types';
import { builtinsFor, type Builtins } from './builtins';
import { guarded } from './guard';
import { MentionPublisher } from './mention-publisher';
import { MutationBatcher } from './mutation-batcher';
import type { PageMention } from './page-mention';
import { RunStore } from './run-store';
import type { PageScannerOptions } from './page-scanner-options';
import { createFrame, createTaskYield, defaultNow, type Schedule } from './scheduling';
import type { TextRun } from './text-runs';
import { probeViewportBlocks } from './viewport-probe';

export type { PageMention } from './page-mention';
export type { PageScannerOptions } from './page-scanner-options';

/** Whether two type filters show the same types (undefined: every type). */
function sameFilter(a: ReadonlySet<EntityType> | undefined, b: ReadonlySet<EntityType> | undefined): boolean {
  if (a === b) return true;
  for (const t of ENTITY_TYPES) if ((a ? a.has(t) : true) !== (b ? b.has(t) : true)) return false;
  return true;
}

/** Longest wait between publishes while a scan is still running (see task()). */
const PUBLISH_INTERVAL_MS = 500;

/** How much read text waits for matching before the walk pauses to match it (see task()). */
const BACKLOG_CHARS = 4096;

/**
 * Text the first chunk reads at most (see start()): a small page whole, on a big one the first
 * screens. That chunk runs inside the page's DOMContentLoaded task, before its first frame;
 * on the 2 MB page a full 16 ms chunk and the drawing of everything it found made that task
 * 30–40 ms longer. The rest follows in tasks after the first frame (or in short ones in the
 * wait for it: readBeforeFirstFrameMs).
 */
export const FIRST_CHUNK_CHARS = 16_384;

/**
 * The first chunk's time limit. Its text limit bounds it already; with the usual 16 ms, the
 * not-yet-optimised code of a page's first chunk left the last part of the 10 KB page to a task
 * after the first frame in 2 of 6 loads (performance marks), and that page settled at ~100 ms
 * instead of ~20.
 */
const FIRST_CHUNK_MS = 50;

export class PageScanner {
  private readonly b: Builtins;
  private readonly doc: Document;
  private readonly now: () => number;
  private readonly budget: number;
  private readonly yieldTask: Schedule;
  private readonly frame: Schedule;
  private readonly batcher: MutationBatcher;
  private readonly runs: RunStore;
  private readonly publisher: MentionPublisher;
  private walker: ReturnType<RunStore['fullWalker']> | null = null;
  /** Scan generation: a probe asked for by an earlier scan does nothing. */
  private generation = 0;
  private probeDue = false;
  private viewportQueue: Element[] = [];
  /** Characters of text read by the walk and not matched yet. */
  private backlog = 0;
  /** Characters of text read by the walk in the current task. */
  private taskChars = 0;
  private publishedOnce = false;
  private counted: { list: readonly PageMention[]; counts: ReadonlyMap<string, number> } | null = null;
  /** The walk's first chunk (the top of the page) was published. */
  private topPublished = false;
  private lastPublish = -Infinity;
  /** Walked runs before this index are matched. */
  private orderCursor = 0;
  private taskQueued = false;
  /**
   * The next task waits for the page's first frame. After a first chunk run inside
   * DOMContentLoaded, a task posted at once ran before that frame in some loads (Chromium
   * picks either), and the page's first paint waited for a 16 ms chunk (bench:trace, 200 KB
   * page). Not in a hidden document, which has no frames (a tab opened in the background).
   */
  private afterFirstFrame = false;
  /**
   * Tasks run now are short (`readBeforeFirstFrameMs`): the page's first frame is still to
   * come, and this engine runs them in the wait for it (see PageScannerOptions).
   */
  private beforeFirstFrame = false;
  private needsPublish = false;
  private started = false;
  private destroyed = false;

  /** Aborted by destroy() or by the caller's signal: everything we register hangs off it. */
  private readonly life = new AbortController();

  constructor(private readonly o: PageScannerOptions) {
    const signal = this.life.signal;
    this.doc = o.doc;
    this.b = builtinsFor(o.doc);
    this.now = o.now ?? defaultNow();
    this.budget = Math.min(50, Math.max(1, o.budgetMs ?? 16));
    this.runs = new RunStore(this.b, o.isOwnNode);
    this.publisher = new MentionPublisher(o.matcher, o.onError);
    this.publisher.enabledTypes = o.enabledTypes;
    const win = o.doc.defaultView as (Window & typeof globalThis) | null;
    this.yieldTask = o.yieldTask ?? (win ? createTaskYield(win, signal) : (cb) => void Promise.resolve().then(cb));
    this.frame = o.requestFrame ?? (win ? createFrame(win, signal) : this.yieldTask);
    this.batcher = new MutationBatcher({
      doc: o.doc,
      b: this.b,
      signal,
      requestFrame: this.frame,
      isOwnNode: o.isOwnNode,
      guard: (f) => this.guard(f),
      isBusy: () => this.walker !== null,
      onDirty: (d) => {
        if (!this.runs.applyDirty(d)) return;
        this.orderCursor = 0;
        this.needsPublish = true;
        this.schedule();
      },
      onFullRescan: () => this.rescan(),
      onBatchDone: () => {
        if (this.idle()) this.o.onIdle?.();
      },
    });
    if (o.signal.aborted) this.destroy();
    else o.signal.addEventListener('abort', () => this.destroy(), { once: true, signal });
  }

  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    this.guard(() => {
      this.batcher.start();
      // The first chunk runs now, in DOMContentLoaded; what it leaves comes after the first frame
      // (or in short tasks before it: readBeforeFirstFrameMs).
      this.afterFirstFrame = !!this.o.firstChunkNow && !this.doc.hidden;
      this.rescan();
      if (this.o.firstChunkNow) this.task(FIRST_CHUNK_CHARS, Math.max(this.budget, FIRST_CHUNK_MS));
    });
  }

  /** Forget everything and scan the whole page again. */
  rescan(): void {
    if (this.destroyed) return;
    this.guard(() => {
      this.runs.reset();
      this.orderCursor = 0;
      this.backlog = 0;
      this.needsPublish = true;
      this.publishedOnce = false;
      this.topPublished = false;
      this.viewportQueue = [];
      this.probeDue = false;
      const root = this.doc.body ?? this.doc.documentElement;
      this.walker = root
        ? this.runs.fullWalker(root, (chars) => {
          this.backlog += chars;
          this.taskChars += chars;
        })
        : null;
      // The viewport probe waits for the first frame: before it, the scroll position is not
      // known without forcing the page's first layout into our task.
      const gen = ++this.generation;
      if (this.walker) {
        this.frame(() => {
          if (gen !== this.generation || !this.walker) return;
          this.probeDue = true;
          this.schedule();
        });
      }
      this.schedule();
    });
  }

  /**
   * Show only these types (the others stay matched, so switching back costs no scan). True
   * when that published a new list (onChange was called): only when the filter changes what
   * shows — the first settings usually enable every type, as no filter (undefined) does.
   */
  setEnabledTypes(types: ReadonlySet<EntityType> | undefined): boolean {
    if (this.destroyed) return false;
    const same = sameFilter(this.publisher.enabledTypes, types);
    this.publisher.enabledTypes = types;
    if (same || !this.publishedOnce) return false;
    this.guard(() => this.publish());
    return true;
  }

  mentions(): readonly PageMention[] {
    return this.publisher.mentions();
  }

  countsByEntity(): ReadonlyMap<string, number> {
    const ms = this.publisher.mentions();
    // Asked on every summary (the popup asks while the page is scanned): counted once per publish.
    if (this.counted?.list === ms) return this.counted.counts;
    const counts = new Map<string, number>();
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
    this.counted = { list: ms, counts };
    return counts;
  }

  /**
   * True when no scan work is pending: the whole page is read, matched and published. A task
   * may still be queued (the one start() queues before it runs the first chunk at once): with
   * nothing to do it counts for nothing — it could otherwise hold a page read in the first
   * chunk "scanning" for 30–80 ms, until Chromium runs it after the page's first frame.
   */
  idle(): boolean {
    return this.walker === null && this.orderCursor >= this.runs.entries.length && !this.needsPublish && !this.probeDue
      && this.viewportQueue.length === 0 && !this.batcher.pending();
  }

  /** The runs read so far, in document order (what a mention's `run` points into). */
  textRuns(): TextRun[] {
    return this.runs.all().map((e) => e.run);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.life.abort();
    this.batcher.destroy();
    this.walker = null;
    this.runs.reset();
    this.publisher.clear();
  }

  // ---- internals ----

  private guard(f: () => void): void {
    guarded(f, this.o.onError);
  }

  private schedule(): void {
    if (this.taskQueued || this.destroyed) return;
    this.taskQueued = true;
    const run = (): void => {
      this.taskQueued = false;
      const short = this.beforeFirstFrame ? this.o.readBeforeFirstFrameMs : undefined;
      if (!this.destroyed) this.guard(() => this.task(Infinity, short ?? this.budget));
    };
    if (!this.afterFirstFrame) {
      this.yieldTask(run);
      return;
    }
    this.afterFirstFrame = false;
    if (this.o.readBeforeFirstFrameMs !== undefined) {
      // Short tasks until the first frame has run, the usual ones after it.
      this.beforeFirstFrame = true;
      this.frame(() => void (this.beforeFirstFrame = false));
      this.yieldTask(run);
      return;
    }
    // A task posted from an animation-frame callback runs after that frame's paint.
    this.frame(() => this.yieldTask(run));
  }

  /** One chunk of work, of `budget` ms; the walk stops reading once `maxChars` of text were read in it. */
  private task(maxChars = Infinity, budget = this.budget): void {
    const deadline = this.now() + budget;
    this.taskChars = 0;
    const pause = (): boolean => this.now() >= deadline;
    let viewportDone = false;
    if (this.probeDue) {
      this.probeDue = false;
      this.viewportQueue = this.probeViewport();
    }
    if (this.viewportQueue.length > 0) {
      const read = this.readViewportAhead(deadline);
      if (this.viewportQueue.length > 0 && this.walker) {
        // More of the viewport to read: publish what is read, and go on next task.
        if (read) this.publish();
        this.schedule();
        return;
      }
      this.viewportQueue = [];
      viewportDone = read;
    }
    let more = false;
    // The walk reads until BACKLOG_CHARS of text wait for matching, then the runs read so far
    // are matched (checking the clock between runs), and so on: reading and matching
    // interleave, so the first chunk already has mentions to publish.
    while (this.walker) {
      if (this.matchInOrder(pause) || this.taskChars >= maxChars) {
        more = true;
        break;
      }
      this.backlog = 0;
      const status = this.walker.step(() => this.backlog >= BACKLOG_CHARS || pause());
      if (status === 'lost') {
        this.rescan();
        return;
      }
      if (status === 'paused') {
        if (this.backlog < BACKLOG_CHARS || pause()) {
          more = true;
          break;
        }
        continue;
      }
      this.walker = null;
      this.runs.mergeLeftoverEarly();
      this.orderCursor = 0;
      this.needsPublish = true;
      // Mutations that arrived while collecting were held back; apply them now.
      this.batcher.flushHeld();
      if (this.destroyed) return;
    }
    if (!more) more = this.matchInOrder(pause);
    // Every publish re-registers the highlighted ranges, and the browser's rendering work for
    // a changed highlight grows with its number of ranges (see bench/README.md). So: publish
    // the first chunk at once (the top of the page), the viewport probe's blocks, when all
    // work is done, and in between at most every PUBLISH_INTERVAL_MS.
    // The first task that matched runs of the walk (the walk may have read them in the task
    // before, when the viewport's blocks took that task's time): the top of the page.
    const top = !this.topPublished && this.orderCursor > 0;
    if (this.needsPublish && (!more || viewportDone || top || this.now() - this.lastPublish >= PUBLISH_INTERVAL_MS)) {
      // The top and the viewport are published at once; otherwise, when this task's time is
      // spent, the publish gets a task of its own: on the 2 MB page the last publish (25,652
      // mentions, 4,071 blocks to watch) takes 13–30 ms (performance marks), and it came after
      // a full chunk, a 35–40 ms task (bench:trace).
      if (top || viewportDone || !pause()) {
        if (top) this.topPublished = true;
        this.publish();
      } else {
        more = true;
      }
    }
    if (more) this.schedule();
    else if (this.idle()) this.o.onIdle?.();
  }

  /** The viewport's blocks the walk has not reached, in document order (see the top comment). */
  private probeViewport(): Element[] {
    const root = this.doc.body ?? this.doc.documentElement;
    if (!this.walker || !root) return [];
    return this.runs.unreadBlocks(this.o.viewportBlocks ? this.o.viewportBlocks() : this.defaultViewportBlocks(root), root);
  }

  /** A page at its top needs no probe: the walk started there. */
  private defaultViewportBlocks(root: Element): Element[] {
    const win = this.doc.defaultView;
    if (!win || (win.scrollY === 0 && win.scrollX === 0)) return [];
    return probeViewportBlocks(this.doc, this.b, root);
  }

  /** Reads and matches the queued viewport blocks, until the deadline; true when it read any. */
  private readViewportAhead(deadline: number): boolean {
    const queue = this.viewportQueue;
    let read = false;
    while (queue.length > 0 && this.walker) {
      if (this.now() >= deadline) return read;
      const list = this.runs.readAhead(queue.shift()!, () => this.now() >= deadline);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) this.publisher.match(list[k]!);
      read = true;
      this.needsPublish = true;
    }
    return read;
  }

  /** Match the walked runs not matched yet (re-read blocks), in document order; true when paused. */
  private matchInOrder(pause: () => boolean): boolean {
    const entries = this.runs.entries;
    for (; this.orderCursor < entries.length; this.orderCursor++) {
      const e = entries[this.orderCursor]!;
      if (e.matched) continue;
      if (pause()) return true;
      this.publisher.match(e);
      this.needsPublish = true;
    }
    return false;
  }

  private publish(): void {
    this.needsPublish = false;
    this.publishedOnce = true;
    this.lastPublish = this.now();
    const out = this.publisher.publish(this.runs.all());
    try {
      this.o.onChange?.(out);
    } catch (err) {
      this.o.onError?.(err);
    }
  }
}
