// Every caret-from-point difference between browsers in one module: Firefox and the current
// standard have document.caretPositionFromPoint, older Blink/WebKit only caretRangeFromPoint.
// Used by hit testing (the mention under the pointer) and the viewport probe.

import type { Builtins } from './builtins';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionFn = (this: Document, x: number, y: number) => { offsetNode: Node; offset: number } | null;
type CaretRangeFn = (this: Document, x: number, y: number) => Range | null;

// Captured at module load (a page may replace them); looked up on the document's realm otherwise.
const protoOf = typeof Document === 'function' ? (Document.prototype as unknown as Record<string, unknown>) : null;
const caretPositionAtLoad = protoOf && typeof protoOf.caretPositionFromPoint === 'function'
  ? (protoOf.caretPositionFromPoint as CaretPositionFn) : null;
const caretRangeAtLoad = protoOf && typeof protoOf.caretRangeFromPoint === 'function'
  ? (protoOf.caretRangeFromPoint as CaretRangeFn) : null;
const reflectApply = Reflect.apply;

/** The document's caret-from-point API as a plain function, or null where it has none. */
export function defaultCaret(doc: Document, b: Builtins): ((x: number, y: number) => CaretPoint | null) | null {
  const d = doc as unknown as Record<string, unknown>;
  const pos = caretPositionAtLoad ?? (typeof d.caretPositionFromPoint === 'function' ? (d.caretPositionFromPoint as CaretPositionFn) : null);
  const rng = caretRangeAtLoad ?? (typeof d.caretRangeFromPoint === 'function' ? (d.caretRangeFromPoint as CaretRangeFn) : null);
  // Named, so that a profile charges the hit tests to them (bench/profile-jobs.ts).
  if (pos) {
    return function caretFromPosition(x, y) {
      const p = reflectApply(pos, doc, [x, y]) as ReturnType<CaretPositionFn>;
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    };
  }
  if (rng) {
    return function caretFromRange(x, y) {
      const r = reflectApply(rng, doc, [x, y]) as ReturnType<CaretRangeFn>;
      return r ? { node: b.startContainer(r), offset: r.startOffset } : null;
    };
  }
  return null;
}
