// From a pointer position to the mention under it.
//
// The caret position at the point (caretPositionFromPoint, or WebKit/Blink's older
// caretRangeFromPoint) names a text node and offset; mentions covering that text node are the
// candidates. A caret position alone is not a hit: past the end of a line the caret snaps to
// the line's last character, so the point must also fall inside one of the mention's client
// rects. The rect it falls in, joined with the mention's other rects on the same line, is
// the line box the card anchors to (not the whole multi-line range).

import { builtinsFor, TEXT_NODE } from './builtins';
import { defaultCaret, type CaretPoint } from './caret';
import { mentionsByBlock, type PageMention } from './page-mention';
import { piecesIn } from './run-ranges';

export interface Hit {
  mention: PageMention;
  /** The client rect of the mention's line under the pointer (viewport coordinates). */
  lineRect: DOMRect;
  /**
   * Which of the range's client rects starts that line: the card anchors to
   * `range.getClientRects()[line]`, and keeps doing so as the page scrolls.
   */
  line: number;
}

export type { CaretPoint } from './caret';

export interface HitTester {
  at(x: number, y: number): Hit | null;
}


export interface HitTestOptions {
  /** Seam: the caret position at a point (default: the document's caret API). */
  caretAt?: (x: number, y: number) => CaretPoint | null;
  /** Seam: a range's client rects (default: Range.prototype.getClientRects). */
  rectsOf?: (r: Range) => ArrayLike<DOMRectReadOnly>;
  /** Slack around rects in px (sub-pixel rounding between caret and rects). */
  tolerance?: number;
}

function makeRect(doc: Document, x: number, y: number, w: number, h: number): DOMRect {
  const Ctor = (doc.defaultView as unknown as { DOMRect?: typeof DOMRect } | null)?.DOMRect
    ?? (globalThis as { DOMRect?: typeof DOMRect }).DOMRect;
  if (Ctor) return new Ctor(x, y, w, h);
  return { x, y, width: w, height: h, left: x, top: y, right: x + w, bottom: y + h, toJSON: () => ({}) } as DOMRect;
}

/** The mention's line box under (x, y), or null when the point is outside all its rects. */
export function lineBoxAt(doc: Document, rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, tol = 1): DOMRect | null {
  return lineAt(doc, rects, x, y, tol)?.box ?? null;
}

/** The line box under (x, y) and the index of the first of `rects` on that line. */
function lineAt(doc: Document, rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, tol: number): { box: DOMRect; line: number } | null {
  let hit: DOMRectReadOnly | null = null;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (!r || r.width <= 0 || r.height <= 0) continue;
    if (x >= r.left - tol && x <= r.right + tol && y >= r.top - tol && y <= r.bottom + tol) {
      hit = r;
      break;
    }
  }
  if (!hit) return null;
  // Join the rects on the same line (a mention split over text nodes has several).
  let left = hit.left;
  let right = hit.right;
  let top = hit.top;
  let bottom = hit.bottom;
  const mid = (hit.top + hit.bottom) / 2;
  let line = -1;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (!r || r.width <= 0 || r.height <= 0) continue;
    if (r.top <= mid && r.bottom >= mid) {
      if (line < 0) line = i;
      if (r.left < left) left = r.left;
      if (r.right > right) right = r.right;
      if (r.top < top) top = r.top;
      if (r.bottom > bottom) bottom = r.bottom;
    }
  }
  return { box: makeRect(doc, left, top, right - left, bottom - top), line: Math.max(0, line) };
}

/**
 * Whether the caret point (a text node and offset) lies within the mention's text, from the
 * run's offset map; null when the point falls in collapsed white space the map skips.
 */
function caretInside(m: PageMention, node: Node, offset: number): boolean | null {
  const ps = piecesIn(m.run, m.start, m.end);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    if (p.synthetic || p.node !== node || offset < p.nodeOffset || offset > p.nodeOffset + p.len) continue;
    const at = p.start + (offset - p.nodeOffset);
    return at >= m.start && at <= m.end;
  }
  return null;
}

export function createHitTester(doc: Document, getMentions: () => readonly PageMention[], opts: HitTestOptions = {}): HitTester {
  const b = builtinsFor(doc);
  const caretAt = opts.caretAt ?? defaultCaret(doc, b);
  const rectsOf = opts.rectsOf ?? ((r: Range) => b.rangeClientRects(r) ?? []);
  const tol = opts.tolerance ?? 1;
  /**
   * The mentions of the nearest block around `node` that holds any. By block, not by text
   * node: a block read flat has no map from its text to its text nodes until one of its
   * mentions needs it, and indexing every mention's text nodes mapped every such block at the
   * first pointer move (~100 ms on the 2 MB benchmark page, in an animation frame). Only the
   * block under the pointer gets mapped, by caretInside().
   */
  function candidates(ms: readonly PageMention[], node: Node): readonly PageMention[] | undefined {
    const idx = mentionsByBlock(ms);
    for (let n: Node | null = b.parentNode(node); n; n = b.parentNode(n)) {
      const list = idx.get(n as Element);
      if (list) return list;
    }
    return undefined;
  }

  function check(m: PageMention, x: number, y: number): Hit | null {
    const at = lineAt(doc, rectsOf(m.range), x, y, tol);
    return at ? { mention: m, lineRect: at.box, line: at.line } : null;
  }

  return {
    at(x, y) {
      try {
        const ms = getMentions();
        if (ms.length === 0) return null;
        if (!caretAt) {
          // No caret API: test every mention's rects (slow; only where the API is missing).
          for (let i = 0; i < ms.length; i++) {
            const h = ms[i] ? check(ms[i]!, x, y) : null;
            if (h) return h;
          }
          return null;
        }
        const caret = caretAt(x, y);
        if (!caret || b.nodeType(caret.node) !== TEXT_NODE) return null;
        const cands = candidates(ms, caret.node);
        if (!cands) return null;
        for (let i = 0; i < cands.length; i++) {
          const m = cands[i]!;
          let inside = caretInside(m, caret.node, caret.offset);
          if (inside === null) {
            try {
              inside = b.comparePoint(m.range, caret.node, caret.offset) === 0;
            } catch {
              inside = false;
            }
          }
          if (!inside) continue;
          const h = check(m, x, y);
          if (h) return h;
        }
        return null;
      } catch {
        return null;
      }
    },
  };
}
