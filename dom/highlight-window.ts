// Which mentions are drawn: all of them on an ordinary page; on a page with more than `limit`
// mentions, only those in and near the viewport.
//
// Why (bench/README.md, "what the profile showed"): Chromium rebuilds its highlight markers from every range of
// every registered Highlight whenever a highlight, the DOM or the style changed since the last
// frame, so each such frame costs time in proportion to the registry's size (~3 ms per 1,000
// ranges; ~25,000 ranges on the 2 MB benchmark page made a 100 ms+ frame, and made every later
// DOM change on the page pay it again). Drawing only what can be seen keeps the registry small
// whatever the page's size. What is *found* is not windowed: the scanner's mentions (popup
// counts, hover, keyboard navigation) still cover the whole page.
//
// "Near" comes from an IntersectionObserver on the mentions' blocks (watched from the first
// list on, under the limit too, so a page that grows past it has their reports already; see
// bench/README.md, third pass), with a margin of
// `marginViewports` viewports above and below: the browser works out what scrolled in or out,
// off the main thread's JS, and reports once per frame at most. A mention whose block has
// not been reported yet keeps its previous state (drawn or not), so crossing the limit never
// blanks what is on screen for a frame; and a block that leaves the margin alone is no reason
// to redraw (its mentions go at the next redraw, when something near must be drawn).
//
// Past the limit only a band of blocks is watched: those of the drawn and near mentions and
// `watchAround` more on each side of each, in document order. The observer works out every
// watched block in every frame that scrolls (~1 µs each in Chromium: the 4,038 blocks of the
// 2 MB benchmark page were 4–6 ms a frame, most of what Factcard cost a scrolling page;
// bench/README.md, eighth pass). Scrolling on brings the blocks past the drawn ones near, and
// their redraw moves the band. A jump (scrollTo, the scrollbar dragged, End) can leave every
// watched block far, and a block in view can be far from the main column in document order (a
// sidebar): so when a scroll ends, when the list passes the limit, and when a report leaves no
// watched block near, the viewport probe (viewport-probe.ts: hit tests on a grid over the
// viewport) finds the blocks in view, and the band takes them in.

import { builtinsFor } from './builtins';
import { indexNotBefore } from './doc-order';
import { mentionsByBlock, type PageMention } from './page-mention';
import { guarded } from './guard';
import { probeViewportBlocks } from './viewport-probe';

/** The part of an IntersectionObserver we use. */
export interface NearWatcher {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}

/** Seam: makes a watcher that reports blocks entering (`near`) or leaving the margin. */
export type WatchNear = (onChange: (changes: readonly { target: Element; near: boolean }[]) => void) => NearWatcher | null;

export interface HighlightWindowOptions {
  doc: Document;
  signal: AbortSignal;
  /** Draws exactly these mentions (Highlighter.update). */
  draw: (mentions: readonly PageMention[]) => void;
  /** Up to this many mentions, all are drawn (default 1,500: a few ms a frame in Chromium). */
  limit?: number;
  /** Viewports above and below the viewport that count as near (default 2). */
  marginViewports?: number;
  /**
   * Past the limit, a redraw also draws this many times as many mentions as are near on each
   * side of them, in document order, within the limit (default 1; 0: the near ones only).
   */
  overscan?: number;
  /** Seam (default: an IntersectionObserver on the document's window; none: draw everything). */
  watchNear?: WatchNear;
  /**
   * Past the limit, blocks watched on each side of every drawn or near block, in document
   * order (default 48: a few viewports of paragraphs).
   */
  watchAround?: number;
  /** Seam: blocks in the viewport, for finding the reader (default: probeViewportBlocks). */
  findInView?: () => readonly Element[];
  onError?: (e: unknown) => void;
}

export const DEFAULT_DRAW_LIMIT = 1500;

const DEFAULT_WATCH_AROUND = 48;
/**
 * How long after its last scroll event a scroll counts as ended: one look for the reader per
 * scroll, not one per wheel step (each look is up to a few dozen hit tests, ~0.14 ms each on
 * the 2 MB benchmark page in Chromium: viewport-probe.ts).
 */
const SCROLL_END_MS = 150;

function intersectionWatcher(doc: Document, marginViewports: number): WatchNear {
  const IO = (doc.defaultView as unknown as { IntersectionObserver?: typeof IntersectionObserver } | null)?.IntersectionObserver;
  return (onChange) => {
    if (typeof IO !== 'function') return null;
    const pct = Math.round(marginViewports * 100);
    return new IO((entries) => {
      const out: { target: Element; near: boolean }[] = [];
      for (let i = 0; i < entries.length; i++) out[i] = { target: entries[i]!.target, near: entries[i]!.isIntersecting };
      onChange(out);
    }, { rootMargin: `${pct}% ${pct}% ${pct}% ${pct}%` });
  };
}

export class HighlightWindow {
  private readonly limit: number;
  private readonly overscan: number;
  private readonly watchAround: number;
  private readonly watcher: NearWatcher | null;
  /** The blocks holding mentions in list order, and each one's place: made once per list. */
  private order: { list: readonly PageMention[]; blocks: Element[]; at: Map<Element, number> } | null = null;
  /** Past the limit, the blocks with mentions last found in view by the probe (see findReader()). */
  private anchors: readonly Element[] = [];
  private findTimer: ReturnType<typeof setTimeout> | undefined;
  /** Observed blocks: true near, false far, undefined not reported yet. */
  private readonly near = new Map<Element, boolean | undefined>();
  private list: readonly PageMention[] = [];
  private drawnList: readonly PageMention[] = [];
  private drawnSet = new Set<PageMention>();
  private destroyed = false;

  constructor(private readonly o: HighlightWindowOptions) {
    this.limit = Math.max(0, o.limit ?? DEFAULT_DRAW_LIMIT);
    this.overscan = Math.max(0, o.overscan ?? 1);
    this.watchAround = Math.max(0, o.watchAround ?? DEFAULT_WATCH_AROUND);
    const make = o.watchNear ?? intersectionWatcher(o.doc, o.marginViewports ?? 2);
    let w: NearWatcher | null = null;
    try {
      w = make((changes) => this.guard(() => this.onNear(changes)));
    } catch (e) {
      this.o.onError?.(e);
    }
    this.watcher = w;
    if (o.signal.aborted) this.destroy();
    else {
      o.signal.addEventListener('abort', () => this.destroy(), { once: true });
      if (w) this.listenScrollEnd();
    }
  }

  /**
   * When a scroll of the page, or of any scroller in it, has ended (capture: scroll events do
   * not bubble): look for the reader.
   */
  private listenScrollEnd(): void {
    const { doc, signal } = this.o;
    doc.addEventListener('scroll', () => this.findReaderSoon(), { capture: true, passive: true, signal });
  }

  /** Past the limit, findReader() once nothing has scrolled for SCROLL_END_MS. */
  private findReaderSoon(): void {
    if (this.destroyed || !this.watcher || this.list.length <= this.limit) return;
    clearTimeout(this.findTimer);
    this.findTimer = setTimeout(() => this.guard(() => this.findReader(true)), SCROLL_END_MS);
  }

  /** The scanner's new list of mentions. */
  set(list: readonly PageMention[]): void {
    if (this.destroyed) return;
    this.list = list;
    this.guard(() => {
      // Always drawn on a new list, as before windowing: drawing also re-registers our
      // highlights if the page removed them.
      this.redraw(true);
      this.syncObserved();
      // Past the limit, blocks in view far from the drawn ones (a sidebar) are looked for
      // without waiting for a scroll.
      this.findReaderSoon();
    });
  }

  /**
   * Makes, ahead of the drawing, what drawing `list` will need: each mention's StaticRange
   * (drawing it is then only adding it to a highlight). For the wait on the settings: nothing is
   * drawn before they are known, and in Firefox they come back after DOMContentLoaded in most
   * loads of a small page, while the scan has found its first screen already. Only a list the
   * window would draw whole (up to the limit); a larger one is drawn near the viewport, which
   * is not known yet. Nothing enters the page: the ranges are the content script's own objects.
   */
  prepare(list: readonly PageMention[]): void {
    if (this.destroyed || list.length > this.limit) return;
    this.guard(() => {
      for (let i = 0; i < list.length; i++) void list[i]!.drawRange;
    });
  }

  /** What is drawn now (tests, diagnostics). */
  drawn(): readonly PageMention[] {
    return this.drawnList;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.findTimer);
    try {
      this.watcher?.disconnect();
    } catch {
      /* the page's window may be gone */
    }
    this.near.clear();
    this.order = null;
    this.anchors = [];
    this.list = [];
    this.drawnList = [];
    this.drawnSet = new Set();
  }

  private guard(f: () => void): void {
    guarded(f, this.o.onError);
  }

  /** Observe the blocks that matter (see watched()), and only those. */
  private syncObserved(): void {
    const w = this.watcher;
    if (!w) return;
    const want = this.watched();
    for (const blk of want.keys()) {
      if (this.near.has(blk)) continue;
      this.near.set(blk, undefined);
      w.observe(blk);
    }
    if (want.size === this.near.size) return;
    for (const blk of [...this.near.keys()]) {
      if (want.has(blk)) continue;
      this.near.delete(blk);
      w.unobserve(blk);
    }
  }

  /**
   * Every block holding a mention while all are drawn; past the limit, the band: the blocks
   * of the drawn and near mentions and of those last found in view by the probe, each with
   * `watchAround` neighbours on either side in document order. With none of those yet (a
   * list past the limit before anything was drawn: the settings came after the whole page was
   * read), every block, until the first report says what is near.
   */
  private watched(): ReadonlyMap<Element, unknown> | ReadonlySet<Element> {
    if (this.list.length <= this.limit) return mentionsByBlock(this.list);
    const { blocks, at } = this.blockOrder();
    const centres: number[] = [];
    let prev: Element | null = null;
    for (const m of this.drawnList) {
      if (m.block === prev) continue;
      prev = m.block;
      const i = at.get(prev);
      if (i !== undefined) centres[centres.length] = i;
    }
    for (const [blk, n] of this.near) {
      const i = n === true ? at.get(blk) : undefined;
      if (i !== undefined) centres[centres.length] = i;
    }
    for (const blk of this.anchors) {
      const i = at.get(blk);
      if (i !== undefined) centres[centres.length] = i;
    }
    if (centres.length === 0) return at;
    centres.sort((x, y) => x - y);
    const want = new Set<Element>();
    const last = blocks.length - 1;
    let done = -1;
    for (const c of centres) {
      const to = Math.min(c + this.watchAround, last);
      for (let i = Math.max(c - this.watchAround, done + 1); i <= to; i++) want.add(blocks[i]!);
      if (to > done) done = to;
    }
    return want;
  }

  private blockOrder(): { blocks: Element[]; at: Map<Element, number> } {
    if (this.order?.list !== this.list) {
      const blocks = [...mentionsByBlock(this.list).keys()];
      const at = new Map<Element, number>();
      for (let i = 0; i < blocks.length; i++) at.set(blocks[i]!, i);
      this.order = { list: this.list, blocks, at };
    }
    return this.order;
  }

  /**
   * Past the limit, when a scroll ends or the list passes the limit (`always`), or when a
   * report leaves no watched block near: the viewport probe finds blocks in view, each stands
   * for itself or, when it holds no mention, for the next block that does, and the band takes
   * them in. The observer's next report has the blocks in view near, and they are drawn.
   */
  private findReader(always = false): void {
    if (this.destroyed || !this.watcher || this.list.length <= this.limit) return;
    if (!always) for (const n of this.near.values()) if (n === true) return;
    const doc = this.o.doc;
    const b = builtinsFor(doc);
    const root = doc.body ?? doc.documentElement;
    const inView = this.o.findInView ? this.o.findInView() : root ? probeViewportBlocks(doc, b, root) : [];
    if (inView.length === 0) return;
    const { blocks, at } = this.blockOrder();
    const found: Element[] = [];
    for (const el of inView) {
      // Not a block with mentions: the first one after it in document order.
      const i = at.get(el) ?? Math.min(indexNotBefore(b, blocks, el, (x) => x), blocks.length - 1);
      const blk = blocks[i];
      if (blk && !found.includes(blk)) found[found.length] = blk;
    }
    if (sameList(found, this.anchors)) return;
    this.anchors = found;
    this.syncObserved();
  }

  private onNear(changes: readonly { target: Element; near: boolean }[]): void {
    if (this.destroyed) return;
    // Only a block that came near with a mention not drawn needs a redraw (see redraw()):
    // checked here on the reported blocks alone, not over the whole list, as the reports
    // come every few frames while the page scrolls.
    let missing = false;
    const drawnSet = this.drawnSet;
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i]!;
      if (!this.near.has(c.target)) continue;
      if (c.near && !missing && this.near.get(c.target) !== true) {
        const ms = mentionsByBlock(this.list).get(c.target);
        if (ms) for (let k = 0; k < ms.length; k++) if (!drawnSet.has(ms[k]!)) { missing = true; break; }
      }
      this.near.set(c.target, c.near);
    }
    if (this.list.length <= this.limit) return;
    if (missing) {
      this.redraw();
      this.syncObserved();
    } else {
      this.findReader();
    }
  }

  /**
   * What a redraw draws: the near mentions (list indexes `first`…`last`, in document order)
   * and, with `overscan`, every mention within as many again as that span on each side,
   * within the limit; and drawn mentions whose block was not reported yet (crossing the limit
   * never blanks what is on screen). Scrolling then brings near mostly mentions that are drawn
   * already, and the window is redrawn every few viewports instead of every few frames: each
   * redraw changes the highlight registry, and Chromium then walks the whole page in its next
   * frame's pre-paint (~9 ms on the 2 MB benchmark page; bench/README.md, seventh pass).
   */
  private widened(first: number, last: number): PageMention[] {
    const list = this.list;
    const span = last - first + 1;
    // Without overscan nothing is drawn for its place in the list alone (not even far
    // mentions between two near blocks: columns, sidebars); nor when the near ones are further
    // apart in the list than the limit (a sidebar at the end of the document beside the top
    // of the article): everything between them would be drawn.
    const side = Math.max(0, Math.min(Math.ceil(span * this.overscan), Math.floor((this.limit - span) / 2)));
    const from = this.overscan > 0 && span <= this.limit ? first - side : Infinity;
    const to = last + side;
    const out: PageMention[] = [];
    let blk: Element | null = null;
    let n: boolean | undefined;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.block !== blk) {
        blk = m.block;
        n = this.near.get(blk);
      }
      if (n === true || (i >= from && i <= to) || (n === undefined && this.drawnSet.has(m))) out[out.length] = m;
    }
    return out;
  }

  private redraw(force = false): void {
    const list = this.list;
    let next: readonly PageMention[];
    if (!this.watcher || list.length <= this.limit) {
      next = list;
    } else {
      // `kept`: every drawn mention still on the list. While every near mention is drawn
      // already, what is drawn stays as it is: a block that left the margin alone changes
      // nothing on screen, so it costs no redraw (and no highlight repaint); its mentions go at
      // the next redraw, when something near must be drawn.
      const kept: PageMention[] = [];
      const drawnSet = this.drawnSet;
      let missing = false;
      let firstNear = -1;
      let lastNear = -1;
      let blk: Element | null = null;
      let n: boolean | undefined;
      for (let i = 0; i < list.length; i++) {
        const m = list[i]!;
        if (m.block !== blk) {
          blk = m.block;
          n = this.near.get(blk);
        }
        const isDrawn = drawnSet.has(m);
        if (isDrawn) kept[kept.length] = m;
        if (n === true) {
          if (!isDrawn) missing = true;
          if (firstNear < 0) firstNear = i;
          lastNear = i;
        }
      }
      next = missing ? this.widened(firstNear, lastNear) : kept;
    }
    if (!force && sameList(next, this.drawnList)) return;
    this.drawnList = next;
    this.drawnSet = new Set(next);
    this.o.draw(next);
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
