// Which blocks are in the viewport, found without measuring every block: the caret position
// at points of a coarse grid over the viewport names a text node; its nearest block is a
// viewport block. A few dozen hit tests (~0.5 ms each on the 2 MB benchmark page once it is
// laid out), so the scanner only probes a page that is not at its top, and the highlight
// window only past its draw limit, once a scroll has ended.
//
// A block between two grid rows can be missed; it is then matched by the document-order
// walk like any other, only later. The grid rows are 40 px apart: one line of body text.

import { type Builtins, TEXT_NODE } from './builtins';
import { nearestBlock } from './block-rules';
import { defaultCaret } from './caret';

const ROW_PX = 40;
const COLUMNS = [0.2, 0.5, 0.8];

/** Blocks under a grid of points over the viewport, each once, in the order found. */
export function probeViewportBlocks(doc: Document, b: Builtins, root: Element): Element[] {
  const win = doc.defaultView;
  const caretAt = defaultCaret(doc, b);
  if (!win || !caretAt) return [];
  const w = win.innerWidth;
  const h = win.innerHeight;
  const out: Element[] = [];
  const seen = new Set<Element>();
  let lastNode: Node | null = null;
  for (let y = ROW_PX / 2; y < h; y += ROW_PX) {
    for (let c = 0; c < COLUMNS.length; c++) {
      const p = caretAt(w * COLUMNS[c]!, y);
      if (!p || p.node === lastNode || b.nodeType(p.node) !== TEXT_NODE || !b.contains(root, p.node)) continue;
      lastNode = p.node;
      const block = nearestBlock(b, p.node, root);
      if (block === root || seen.has(block)) continue;
      seen.add(block);
      out[out.length] = block;
    }
  }
  return out;
}
