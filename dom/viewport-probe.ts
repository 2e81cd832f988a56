// Which blocks are in the viewport, found without measuring every block: the caret position
// at points of a coarse grid over the viewport names a text node; its nearest block is a
// viewport block. A hit test costs in proportion to the page's boxes (~0.14 ms each on the
// 2 MB benchmark page once it is laid out, in Chromium; 66 of them for a 900 px viewport), so
// the scanner only probes a page that is not at its top, and the highlight window only past
// its draw limit, once a scroll has ended; and a point inside a block found already is not
// tested again when that block holds nothing but inline text (isFlatBlock): every point there
// names that block. On the benchmark page this leaves one test per paragraph instead of three
// per line. A block with other blocks inside is not skipped over (a point in it may name one
// of them); a box laid over a flat block found already (a banner) is not seen where it covers
// that block, as a point between two grid rows is not: the walk reads it in document order
// like any other block, only later.
//
// The grid rows are 40 px apart: one line of body text.

import { type Builtins, TEXT_NODE } from './builtins';
import { isFlatBlock, nearestBlock } from './block-rules';
import { defaultCaret, type CaretPoint } from './caret';

const ROW_PX = 40;
const COLUMNS = [0.2, 0.5, 0.8];

/** Seams for tests: where layout comes from. */
export interface ProbeSeams {
  /** The caret position at a viewport point (default: the document's caret API). */
  caretAt?: (x: number, y: number) => CaretPoint | null;
  /** A block's box in viewport coordinates (default: getBoundingClientRect). */
  rectOf?: (el: Element) => { left: number; top: number; right: number; bottom: number } | null;
}

/** Blocks under a grid of points over the viewport, each once, in the order found. */
export function probeViewportBlocks(doc: Document, b: Builtins, root: Element, seams: ProbeSeams = {}): Element[] {
  const win = doc.defaultView;
  const caretAt = seams.caretAt ?? defaultCaret(doc, b);
  if (!win || !caretAt) return [];
  const rectOf = seams.rectOf ?? ((el: Element) => b.elementRect(el));
  const w = win.innerWidth;
  const h = win.innerHeight;
  const out: Element[] = [];
  const seen = new Set<Element>();
  // Boxes of the flat blocks found: [left, top, right, bottom] in a row each.
  const covered: number[] = [];
  let lastNode: Node | null = null;
  for (let y = ROW_PX / 2; y < h; y += ROW_PX) {
    for (let c = 0; c < COLUMNS.length; c++) {
      const x = w * COLUMNS[c]!;
      if (inside(covered, x, y)) continue;
      const p = caretAt(x, y);
      if (!p || p.node === lastNode || b.nodeType(p.node) !== TEXT_NODE || !b.contains(root, p.node)) continue;
      lastNode = p.node;
      const block = nearestBlock(b, p.node, root);
      if (block === root || seen.has(block)) continue;
      seen.add(block);
      out[out.length] = block;
      if (!isFlatBlock(b, block)) continue;
      const r = rectOf(block);
      if (r) covered.push(r.left, r.top, r.right, r.bottom);
    }
  }
  return out;
}

function inside(boxes: readonly number[], x: number, y: number): boolean {
  for (let i = 0; i < boxes.length; i += 4) {
    if (x >= boxes[i]! && y >= boxes[i + 1]! && x < boxes[i + 2]! && y < boxes[i + 3]!) return true;
  }
  return false;
}
