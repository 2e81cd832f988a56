// Finds the mentions on a page and keeps them current as the page changes.
//
// Pipeline (see ../shared/CONVENTIONS.md): collect text runs (text-runs.ts) → matcher.find on
// each run's string → map matches to Ranges → publish, after the first-reference rule.
//
// Order of work (issue 7: first highlights within 50 ms of DOMContentLoaded on a 2 MB page).
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
// First-reference rule: every publish applies it over the walked runs in document order,
// then the early runs (all of which lie after the walked ones), runs not yet read counting as
// empty. A weak match can only gain an earlier strong mention as more runs are read, never
// lose one, so a weak match published early is never retracted, and one held back is
// published as soon as the run holding its confirming strong mention is read. When the walk
// is done the result is exactly the rule over the whole document.
//
// Chunking: each task works until the clock seam says `budgetMs` (default 16 ms, capped at
// 50) has passed, checking every few dozen nodes, then yields (scheduler.postTask /
// MessageChannel / setTimeout). One huge run is the unsplittable unit.

import type { EntityType } from '../core/dataset-types';
import type { Matcher, TextMatch } from '../core/matcher-types';
import { builtinsFor, type Builtins, DOCUMENT_POSITION_FOLLOWING, strSlice } from './builtins';
import { mergeInDocumentOrder } from './doc-order';
import { applyFirstReference } from '../core/matcher/first-reference';
import { isInSkippedSubtree } from './block-rules';
import { MutationBatcher, type DirtySet } from './mutation-batcher';
import { createFrame, createTaskYield, defaultNow, type Schedule } from './scheduling';
import { rangeFor, RunWalker, type TextRun } from './text-runs';
import { probeViewportBlocks } from './viewport-probe';
import { guarded } from './guard';

export interface PageMention {
  id: number;
  entity: string;
  type: EntityType;
  /** The matched text as the matcher saw it (whitespace collapsed, see text-runs.ts). */
  text: string;
  range: Range;
  /** The nearest block element of the mention's text (what highlight windowing observes). */
  block: Element;
  /** true when matched through a weak alias confirmed by an earlier strong mention. */
  weak: boolean;
}

export interface PageScannerOptions {
  doc: Document;
  matcher: Matcher;
  signal: AbortSignal;
  isOwnNode?: (n: Node) => boolean;
  onChange?: (mentions: readonly PageMention[]) => void;
  onError?: (e: unknown) => void;
  /** Clock seam (ms). */
  now?: () => number;
  enabledTypes?: ReadonlySet<EntityType>;
  /** Per-task time budget in ms (default 16, at most 50). */
  budgetMs?: number;
  /** Seam: yield to the event loop before the next chunk. */
  yieldTask?: Schedule;
  /** Seam: run once before the next paint (mutation batching). */
  requestFrame?: Schedule;
  /**
   * Run the first chunk inside start() instead of a task later. The content script starts
   * in DOMContentLoaded, before the browser's first frame: the first screen can then be
   * marked in that frame.
   */
  firstChunkNow?: boolean;
  /** Seam: the blocks in the viewport (default: probeViewportBlocks, a caret grid). */
  viewportBlocks?: () => Iterable<Element>;
}

interface Candidate {
  match: TextMatch;
  mention: PageMention | null;
}

interface Entry {
  run: TextRun;
  matched: boolean;
  candidates: Candidate[];
}

/** The page's text as the scanner reads it: runs in document order joined by "\n\n". */
export interface JoinedText {
  text: string;
  /** Offsets of a published mention in `text`, or null when it is not current. */
  offsetsOf(m: PageMention): { start: number; end: number } | null;
}

/** Longest wait between publishes while a scan is still running (see task()). */
const PUBLISH_INTERVAL_MS = 500;

const RUN_SEPARATOR = '\n\n';

/** How much read text waits for matching before the walk pauses to match it (see task()). */
const BACKLOG_CHARS = 4096;

export class PageScanner {
  private readonly b: Builtins;
  private readonly doc: Document;
  private readonly now: () => number;
  private readonly budget: number;
  private readonly yieldTask: Schedule;
  private readonly frame: Schedule;
  private readonly batcher: MutationBatcher;
  private enabledTypes: ReadonlySet<EntityType> | undefined;
  /** Runs in document order (during a full scan: the walked ones). */
  private entries: Entry[] = [];
  /** Runs of blocks read ahead of the walk (viewport probe), in document order. */
  private early: Entry[] = [];
  /** The blocks read ahead of the walk, each with its runs (its nested blocks' included). */
  private earlyBlocks = new Map<Element, Entry[]>();
  private registry = new Map<Element, Entry[]>();
  private walker: RunWalker | null = null;
  /** Scan generation: a probe asked for by an earlier scan does nothing. */
  private generation = 0;
  private probeDue = false;
  private viewportQueue: Element[] = [];
  /** Characters of text read by the walk and not matched yet. */
  private backlog = 0;
  private publishedOnce = false;
  /** The walk's first chunk (the top of the page) was published. */
  private topPublished = false;
  private lastPublish = -Infinity;
  private orderCursor = 0;
  private taskQueued = false;
  private needsPublish = false;
  private published: readonly PageMention[] = [];
  private readonly mentionInfo = new WeakMap<PageMention, { entry: Entry; start: number; end: number }>();
  private nextId = 1;
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
    this.enabledTypes = o.enabledTypes;
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
      onDirty: (d) => this.applyDirty(d),
      onFullRescan: () => this.rescan(),
    });
    if (o.signal.aborted) this.destroy();
    else o.signal.addEventListener('abort', () => this.destroy(), { once: true, signal });
  }

  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    this.guard(() => {
      this.batcher.start();
      this.rescan();
      if (this.o.firstChunkNow) this.task();
    });
  }

  /** Forget everything and scan the whole page again. */
  rescan(): void {
    if (this.destroyed) return;
    this.guard(() => {
      this.entries = [];
      this.early = [];
      this.earlyBlocks = new Map();
      this.registry = new Map();
      this.orderCursor = 0;
      this.backlog = 0;
      this.needsPublish = true;
      this.publishedOnce = false;
      this.topPublished = false;
      this.viewportQueue = [];
      this.probeDue = false;
      const root = this.doc.body ?? this.doc.documentElement;
      this.walker = root ? this.newWalker(root, true, undefined, this.entries) : null;
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

  /** Show only these types (the others stay matched, so switching back costs no scan). */
  setEnabledTypes(types: ReadonlySet<EntityType> | undefined): void {
    if (this.destroyed) return;
    this.enabledTypes = types;
    if (this.publishedOnce) this.guard(() => this.publish());
  }

  mentions(): readonly PageMention[] {
    return this.published;
  }

  countsByEntity(): Map<string, number> {
    const counts = new Map<string, number>();
    const ms = this.published;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
    return counts;
  }

  /** True when no scan work is pending: the whole page is read and matched. */
  idle(): boolean {
    return !this.taskQueued && this.walker === null && !this.batcher.pending();
  }

  joinedText(): JoinedText {
    let text = '';
    const startOf = new Map<Entry, number>();
    const all = this.early.length > 0 ? [...this.entries, ...this.early] : this.entries;
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      if (!e) continue;
      if (i > 0) text += RUN_SEPARATOR;
      startOf.set(e, text.length);
      text += e.run.text;
    }
    return {
      text,
      offsetsOf: (m) => {
        const info = this.mentionInfo.get(m);
        const base = info ? startOf.get(info.entry) : undefined;
        return info && base !== undefined ? { start: base + info.start, end: base + info.end } : null;
      },
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.life.abort();
    this.batcher.destroy();
    this.walker = null;
    this.entries = [];
    this.early = [];
    this.earlyBlocks = new Map();
    this.registry = new Map();
    this.published = [];
  }

  // ---- internals ----

  private guard(f: () => void): void {
    guarded(f, this.o.onError);
  }

  /**
   * A walker that appends runs to `out` and registers the blocks it reads. The full scan's
   * walker (`deep`) counts the text it reads into the backlog and takes early blocks' runs
   * as they are.
   */
  private newWalker(root: Element, deep: boolean, forced: ReadonlySet<Node> | undefined, out: Entry[], touched?: Set<Element>): RunWalker {
    return new RunWalker(this.b, root, {
      isOwnNode: this.o.isOwnNode,
      forcedRoots: forced,
      descendBlock: (el, isForced) => {
        if (deep) {
          const early = this.earlyBlocks.get(el);
          if (!early) return true;
          this.takeEarly(el, early, out);
          return false;
        }
        return isForced || !this.registry.has(el);
      },
      onBlock: (el) => {
        this.registry.set(el, []);
        touched?.add(el);
      },
      onRun: (run) => {
        const entry: Entry = { run, matched: false, candidates: [] };
        out[out.length] = entry;
        const list = this.registry.get(run.block);
        if (list) list[list.length] = entry;
        else this.registry.set(run.block, [entry]);
        if (deep) this.backlog += run.text.length;
      },
    });
  }

  /** The walk reached an early block: its runs join the walked ones, in place. */
  private takeEarly(el: Element, list: Entry[], out: Entry[]): void {
    this.earlyBlocks.delete(el);
    for (let i = 0; i < list.length; i++) out[out.length] = list[i]!;
    const taken = new Set(list);
    const rest: Entry[] = [];
    for (let i = 0; i < this.early.length; i++) if (!taken.has(this.early[i]!)) rest[rest.length] = this.early[i]!;
    this.early = rest;
  }

  private schedule(): void {
    if (this.taskQueued || this.destroyed) return;
    this.taskQueued = true;
    this.yieldTask(() => {
      this.taskQueued = false;
      if (!this.destroyed) this.guard(() => this.task());
    });
  }

  private task(): void {
    const deadline = this.now() + this.budget;
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
    let walked = false;
    // The walk reads until BACKLOG_CHARS of text wait for matching, then the runs read so far
    // are matched (checking the clock between runs), and so on: reading and matching
    // interleave, so the first chunk already has mentions to publish.
    while (this.walker) {
      if (this.matchInOrder(pause)) {
        more = true;
        break;
      }
      this.backlog = 0;
      walked = true;
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
      this.mergeLeftoverEarly();
      // Mutations that arrived while collecting were held back; apply them now.
      this.batcher.flushHeld();
      if (this.destroyed) return;
    }
    if (!more) more = this.matchInOrder(pause);
    // Every publish re-registers the highlighted ranges, and the browser's rendering work for
    // a changed highlight grows with its number of ranges (see bench/README.md). So: publish
    // the first chunk at once (the top of the page), the viewport probe's blocks, when all
    // work is done, and in between at most every PUBLISH_INTERVAL_MS.
    // The first chunk of the walk that read something: the top of the page.
    const top = walked && !this.topPublished && this.orderCursor > 0;
    if (this.needsPublish && (!more || viewportDone || top || this.now() - this.lastPublish >= PUBLISH_INTERVAL_MS)) {
      if (top) this.topPublished = true;
      this.publish();
    }
    if (more) this.schedule();
  }

  /** The viewport's blocks the walk has not reached, in document order (see the top comment). */
  private probeViewport(): Element[] {
    const b = this.b;
    const root = this.doc.body ?? this.doc.documentElement;
    if (!this.walker || !root) return [];
    const found = this.o.viewportBlocks ? this.o.viewportBlocks() : this.defaultViewportBlocks(root);
    const cands: Element[] = [];
    for (const el of found) {
      if (el === root || !b.isConnected(el) || !b.contains(root, el)) continue;
      if (isInSkippedSubtree(b, el, this.o.isOwnNode)) continue;
      cands[cands.length] = el;
    }
    cands.sort((x, y) => (b.compareDocumentPosition(x, y) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return cands;
  }

  /** A page at its top needs no probe: the walk started there. */
  private defaultViewportBlocks(root: Element): Element[] {
    const win = this.doc.defaultView;
    if (!win || (win.scrollY === 0 && win.scrollX === 0)) return [];
    return probeViewportBlocks(this.doc, this.b, root);
  }

  /**
   * Reads and matches the queued viewport blocks, until the deadline; true when it read any.
   * A block whose reading does not finish within the task (a huge container) is left to the
   * walk.
   */
  private readViewportAhead(deadline: number): boolean {
    const b = this.b;
    const queue = this.viewportQueue;
    let read = false;
    while (queue.length > 0 && this.walker) {
      if (this.now() >= deadline) return read;
      const el = queue.shift()!;
      // A block is registered when the walk (or an earlier early read) enters it, and the walk
      // never passes a block without entering it: an unregistered block lies ahead.
      if (this.registry.has(el) || !b.isConnected(el)) continue;
      const blocks = new Map<Element, Entry[]>();
      const list: Entry[] = [];
      const walk = new RunWalker(b, el, {
        isOwnNode: this.o.isOwnNode,
        descendBlock: () => true,
        onBlock: (blk) => void blocks.set(blk, []),
        onRun: (run) => {
          const entry: Entry = { run, matched: false, candidates: [] };
          list[list.length] = entry;
          const l = blocks.get(run.block);
          if (l) l[l.length] = entry;
          else blocks.set(run.block, [entry]);
        },
      });
      if (walk.step(() => this.now() >= deadline) !== 'done') continue;
      for (const [blk, l] of blocks) this.registry.set(blk, l);
      this.earlyBlocks.set(el, list);
      for (let k = 0; k < list.length; k++) {
        this.matchEntry(list[k]!);
        this.early[this.early.length] = list[k]!;
      }
      read = true;
      this.needsPublish = true;
    }
    return read;
  }

  /** Early blocks the walk never reached (moved or removed meanwhile). */
  private mergeLeftoverEarly(): void {
    if (this.early.length === 0) {
      this.earlyBlocks = new Map();
      return;
    }
    const kept: Entry[] = [];
    for (let i = 0; i < this.early.length; i++) {
      const e = this.early[i]!;
      if (this.b.isConnected(e.run.first)) kept[kept.length] = e;
    }
    for (const el of this.earlyBlocks.keys()) if (!this.b.isConnected(el)) this.registry.delete(el);
    this.early = [];
    this.earlyBlocks = new Map();
    if (kept.length > 0) this.entries = mergeInDocumentOrder(this.b, this.entries, kept);
    this.orderCursor = 0;
    this.needsPublish = true;
  }

  /** Match the entries not matched yet (re-read blocks), in document order; true when paused. */
  private matchInOrder(pause: () => boolean): boolean {
    const entries = this.entries;
    for (; this.orderCursor < entries.length; this.orderCursor++) {
      const e = entries[this.orderCursor]!;
      if (e.matched) continue;
      if (pause()) return true;
      this.matchEntry(e);
      this.needsPublish = true;
    }
    return false;
  }

  private matchEntry(e: Entry): void {
    e.matched = true;
    let matches: TextMatch[];
    try {
      matches = this.o.matcher.find(e.run.text);
    } catch (err) {
      this.o.onError?.(err);
      return;
    }
    const cands: Candidate[] = [];
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      if (!m) continue;
      let mention: PageMention | null = null;
      const type = this.o.matcher.typeOf(m.entity);
      const range = type ? rangeFor(this.b, this.doc, e.run, m.start, m.end) : null;
      if (type && range) {
        mention = { id: this.nextId++, entity: m.entity, type, text: strSlice(e.run.text, m.start, m.end), range, block: e.run.block, weak: m.weak };
        this.mentionInfo.set(mention, { entry: e, start: m.start, end: m.end });
      }
      cands[cands.length] = { match: m, mention };
    }
    e.candidates = cands;
  }

  private publish(): void {
    this.needsPublish = false;
    this.publishedOnce = true;
    this.lastPublish = this.now();
    // Walked runs, then early ones: document order (see the top comment).
    const entries = this.early.length > 0 ? [...this.entries, ...this.early] : this.entries;
    const blocks: TextMatch[][] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const ms: TextMatch[] = [];
      if (e) for (let j = 0; j < e.candidates.length; j++) ms[j] = e.candidates[j]!.match;
      blocks[i] = ms;
    }
    const kept = applyFirstReference(blocks, new Set());
    const types = this.enabledTypes;
    const out: PageMention[] = [];
    for (let i = 0; i < entries.length; i++) {
      const cands = entries[i]?.candidates ?? [];
      const keep = kept[i] ?? [];
      // Kept matches are a subsequence of the candidates: walk both in step.
      let c = 0;
      for (let k = 0; k < keep.length; k++) {
        const km = keep[k]!;
        while (c < cands.length) {
          const cand = cands[c++]!;
          if (cand.match === km || (cand.match.start === km.start && cand.match.end === km.end && cand.match.entity === km.entity)) {
            const m = cand.mention;
            if (m && (!types || types.has(m.type))) out[out.length] = m;
            break;
          }
        }
      }
    }
    this.published = out;
    try {
      this.o.onChange?.(out);
    } catch (err) {
      this.o.onError?.(err);
    }
  }

  /** Re-collect changed blocks (from the mutation batcher) and queue their runs for matching. */
  private applyDirty(d: DirtySet): void {
    const b = this.b;
    // 1. Drop runs of blocks that left the document, and of blocks about to be re-read. A
    //    connected block whose text left it is re-read too (belt and braces: its mutation
    //    record should have named it already).
    const reread = new Set(d.blocks);
    for (let i = 0; i < this.entries.length; i++) {
      const run = this.entries[i]!.run;
      if (b.isConnected(run.block) && !b.isConnected(run.first)) reread.add(run.block);
    }
    let removed = false;
    const kept: Entry[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const blk = e.run.block;
      if (reread.has(blk) || !b.isConnected(blk)) {
        removed = true;
        continue;
      }
      kept[kept.length] = e;
    }
    for (const el of [...this.registry.keys()]) if (!b.isConnected(el) || reread.has(el)) this.registry.delete(el);
    // 2. Re-read each dirty block's own text (and any block inside an added subtree).
    const fresh: Entry[] = [];
    const touched = new Set<Element>();
    for (const blk of reread) {
      if (!b.isConnected(blk) || this.registry.has(blk)) continue; // gone, or read already via an ancestor
      this.newWalker(blk, false, d.added, fresh, touched).step(() => false);
    }
    // Blocks read afresh inside added subtrees (a moved article) replace their old runs.
    let survivors = kept;
    if (touched.size > 0) {
      survivors = [];
      for (let i = 0; i < kept.length; i++) if (!touched.has(kept[i]!.run.block)) survivors[survivors.length] = kept[i]!;
      if (survivors.length !== kept.length) removed = true;
    }
    // 3. Merge the fresh runs (in document order among themselves) into document order.
    this.entries = fresh.length > 0 ? mergeInDocumentOrder(this.b, survivors, fresh) : survivors;
    this.orderCursor = 0;
    if (removed || fresh.length > 0) {
      this.needsPublish = true;
      this.schedule();
    }
  }
}
