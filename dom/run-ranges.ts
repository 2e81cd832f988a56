// From run offsets back to the DOM: the pieces of a run that hold [start, end), and a Range
// over them (the string-first, DOM-second half of the pipeline: the matcher reports offsets
// into a run's text, this maps them back to text nodes).

import type { Builtins } from './builtins';
import type { Piece, TextRun } from './text-runs';

/** Binary search: the index of the piece holding run offset `off` (0 ≤ off < text.length). */
function pieceIndexAt(pieces: readonly Piece[], off: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = pieces[mid];
    if (p && p.start <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pieceAt(pieces: readonly Piece[], off: number): Piece | undefined {
  return pieces[pieceIndexAt(pieces, off)];
}

/** The pieces holding run text [start, end), in order (bounded by the mention's length). */
export function piecesIn(run: TextRun, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  if (start >= end || run.pieces.length === 0) return out;
  let i = pieceIndexAt(run.pieces, start);
  for (; i < run.pieces.length; i++) {
    const p = run.pieces[i]!;
    if (p.start >= end) break;
    out[out.length] = p;
  }
  return out;
}

/** The pieces holding the first and last character of run text [start, end); null when outside the run. */
function endPieces(run: TextRun, start: number, end: number): [Piece, Piece] | null {
  if (start < 0 || end > run.text.length || start >= end) return null;
  const ps = pieceAt(run.pieces, start);
  const pe = pieceAt(run.pieces, end - 1);
  return ps && pe ? [ps, pe] : null;
}

/** A Range over run text [start, end). Null when the offsets are outside the run. */
export function rangeFor(b: Builtins, doc: Document, run: TextRun, start: number, end: number): Range | null {
  const ends = endPieces(run, start, end);
  if (!ends) return null;
  const [ps, pe] = ends;
  const r = b.createRange(doc);
  if (ps.synthetic) b.setStartBefore(r, ps.node);
  else b.setStart(r, ps.node, ps.nodeOffset + (start - ps.start));
  if (pe.synthetic) b.setEndAfter(r, pe.node);
  else b.setEnd(r, pe.node, pe.nodeOffset + (end - pe.start));
  return r;
}

/**
 * What a highlight draws for run text [start, end): a StaticRange (a mention's ends are in
 * text nodes; an end at a <br>/<img> piece, or a realm without StaticRange, gets a live
 * Range). Null when the offsets are outside the run.
 *
 * Why not the live Range: the browser updates every live Range of a document on every change
 * to that document's DOM. With 1,500 live Ranges in a page (the draw limit), the page's own
 * 2,000 appends and removals took 148–286 ms instead of 6–11 ms in Chromium, and 1,500 text
 * edits 36–49 ms instead of 4–6 (bench/README.md, fourth pass). A StaticRange costs the page
 * nothing; when the text under it changes, the mutation batcher re-reads the block and the
 * next publish replaces it (a StaticRange left out of bounds meanwhile is not painted).
 */
export function drawRangeFor(b: Builtins, doc: Document, run: TextRun, start: number, end: number): AbstractRange | null {
  const ends = endPieces(run, start, end);
  if (!ends) return null;
  const [ps, pe] = ends;
  const r = ps.synthetic || pe.synthetic ? null : b.staticRange(ps.node, ps.nodeOffset + (start - ps.start), pe.node, pe.nodeOffset + (end - pe.start));
  return r ?? rangeFor(b, doc, run, start, end);
}
