// Finds the mentions on a page and keeps them current as the page changes.
//
// Pipeline (see ../shared/CONVENTIONS.md): collect text runs (text-runs.ts) → matcher.find on
// each run's string → map matches to Ranges → publish, after the first-reference rule.
//
// Document order vs. viewport first. Collecting text is cheap (one pass over the nodes, no
// layout), so a full scan first collects every run, in document order, in time-sliced
// chunks. Matching, the costlier step, then runs over the runs in the viewport first and the
// rest in document order. Every publish applies the first-reference rule over *all* runs in
// document order, runs not yet matched counting as empty. A weak match can only gain an
// earlier strong mention as more runs are matched, never lose one, so a weak match
// published early is never retracted, and one held back is published as soon as the run
// holding its confirming strong mention is matched. When all runs are matched the result is
// exactly the rule over the whole document.
//
// Chunking: each task works until the clock seam says `budgetMs` (default 16 ms, capped at
// 50) has passed, checking between runs (matching) and every few dozen nodes (collecting),
// then yields (scheduler.postTask / MessageChannel / setTimeout). One huge run is the
// unsplittable unit.

import type { EntityType } from '../core/dataset-types';
import type { Matcher, TextMatch } from '../core/matcher-types';
import { builtinsFor, type Builtins, strSlice } from './builtins';
import { mergeInDocumentOrder } from './doc-order';
import { applyFirstReference } from '../core/matcher/first-reference';
import { MutationBatcher, type DirtySet } from './mutation-batcher';
import { createFrame, createTaskYield, defaultNow, type Schedule } from './scheduling';
import { rangeFor, RunWalker, type TextRun } from './text-runs';

export interface PageMention {
  id: number;
  entity: string;
  type: EntityType;
  /** The matched text as the matcher saw it (whitespace collapsed, see text-runs.ts). */
  text: string;
  range: Range;
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
  /** Seam: whether a block is in the viewport (default: its bounding rect meets the window's). */
  isVisible?: (block: Element) => boolean;
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

export class PageScanner {
  private readonly b: Builtins;
  private readonly doc: Document;
  private readonly now: () => number;
  private readonly budget: number;
  private readonly yieldTask: Schedule;
  private readonly isVisible: (block: Element) => boolean;
  private readonly batcher: MutationBatcher;
  private entries: Entry[] = [];
  private registry = new Map<Element, Entry[]>();
  private walker: RunWalker | null = null;
  private visiblePass = false;
  private lastPublish = -Infinity;
  private visCursor = 0;
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
    const win = o.doc.defaultView as (Window & typeof globalThis) | null;
    this.yieldTask = o.yieldTask ?? (win ? createTaskYield(win, signal) : (cb) => void Promise.resolve().then(cb));
    const frame = o.requestFrame ?? (win ? createFrame(win, signal) : this.yieldTask);
    this.isVisible = o.isVisible ?? ((el) => this.inViewport(el));
    this.batcher = new MutationBatcher({
      doc: o.doc,
      b: this.b,
      signal,
      requestFrame: frame,
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
    });
  }

  /** Forget everything and scan the whole page again. */
  rescan(): void {
    if (this.destroyed) return;
    this.guard(() => {
      this.entries = [];
      this.registry = new Map();
      this.visiblePass = true;
      this.visCursor = 0;
      this.orderCursor = 0;
      this.needsPublish = true;
      const root = this.doc.body ?? this.doc.documentElement;
      this.walker = root ? this.newWalker(root, true, undefined, this.entries) : null;
      this.schedule();
    });
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

  /** True when no scan work is pending (tests, the scan CLI). */
  idle(): boolean {
    return !this.taskQueued && this.walker === null && !this.batcher.pending();
  }

  joinedText(): JoinedText {
    let text = '';
    const startOf = new Map<Entry, number>();
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
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
    this.registry = new Map();
    this.published = [];
  }

  // ---- internals ----

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      try {
        this.o.onError?.(e);
      } catch {
        /* never throw to the page */
      }
    }
  }

  private inViewport(el: Element): boolean {
    const r = this.b.elementRect(el);
    const win = this.doc.defaultView;
    if (!r || !win) return false;
    if (r.width === 0 && r.height === 0) return false;
    return r.bottom >= 0 && r.right >= 0 && r.top <= win.innerHeight && r.left <= win.innerWidth;
  }

  /** A walker that appends runs to `out` and registers the blocks it reads. */
  private newWalker(root: Element, deep: boolean, forced: ReadonlySet<Node> | undefined, out: Entry[], touched?: Set<Element>): RunWalker {
    return new RunWalker(this.b, root, {
      isOwnNode: this.o.isOwnNode,
      forcedRoots: forced,
      descendBlock: (el, isForced) => deep || isForced || !this.registry.has(el),
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
      },
    });
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
    if (this.walker) {
      const status = this.walker.step(pause);
      if (status === 'lost') {
        this.rescan();
        return;
      }
      if (status === 'paused') {
        this.schedule();
        return;
      }
      this.walker = null;
      // Mutations that arrived while collecting were held back; apply them now.
      this.batcher.flushHeld();
      if (this.destroyed) return;
    }
    let more = false;
    let viewportDone = false;
    if (this.visiblePass) {
      more = this.matchVisible(pause);
      if (!more) {
        this.visiblePass = false;
        viewportDone = true;
      }
    }
    if (!more) more = this.matchInOrder(pause);
    // Every publish re-registers all highlight ranges, and the browser's rendering work for a
    // changed highlight grows with its total number of ranges (Chromium: ~3 ms per 1,000 on
    // the next frame; see bench/README.md). Publishing after every chunk made a 2 MB page
    // cost ~17 such frames. So: publish when the viewport is matched, when all work is done,
    // and in between at most every PUBLISH_INTERVAL_MS.
    if (this.needsPublish && (!more || viewportDone || this.now() - this.lastPublish >= PUBLISH_INTERVAL_MS)) this.publish();
    if (more) this.schedule();
  }

  // Both passes keep a cursor, so each entry is looked at (and its visibility measured) once
  // per pass, however many tasks the pass takes. Any change to `entries` resets them.

  /** Match unmatched entries in the viewport; true when paused. */
  private matchVisible(pause: () => boolean): boolean {
    const entries = this.entries;
    for (; this.visCursor < entries.length; this.visCursor++) {
      const e = entries[this.visCursor]!;
      if (e.matched) continue;
      if (pause()) return true;
      if (!this.isVisible(e.run.block)) continue;
      this.matchEntry(e);
      this.needsPublish = true;
    }
    return false;
  }

  /** Match the remaining entries in document order; true when paused. */
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
        mention = { id: this.nextId++, entity: m.entity, type, text: strSlice(e.run.text, m.start, m.end), range, weak: m.weak };
        this.mentionInfo.set(mention, { entry: e, start: m.start, end: m.end });
      }
      cands[cands.length] = { match: m, mention };
    }
    e.candidates = cands;
  }

  private publish(): void {
    this.needsPublish = false;
    this.lastPublish = this.now();
    const entries = this.entries;
    const blocks: TextMatch[][] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const ms: TextMatch[] = [];
      if (e) for (let j = 0; j < e.candidates.length; j++) ms[j] = e.candidates[j]!.match;
      blocks[i] = ms;
    }
    const kept = applyFirstReference(blocks, new Set());
    const types = this.o.enabledTypes;
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
    this.visCursor = 0;
    this.orderCursor = 0;
    if (removed || fresh.length > 0) {
      this.needsPublish = true;
      this.schedule();
    }
  }
}
