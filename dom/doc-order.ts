// Keeping runs in document order as re-read blocks come and go (the first-reference rule
// needs it). `kept` is in document order; `fresh` runs are sorted, then each is placed by
// binary search with compareDocumentPosition: O(k log n) comparisons for k fresh runs.

import { type Builtins, DOCUMENT_POSITION_FOLLOWING } from './builtins';

/**
 * The index of the first of `list[from…]` (in document order) that `node` does not follow:
 * where `node` would go in the list. An ancestor of list entries goes before them.
 */
export function indexNotBefore<T>(b: Builtins, list: readonly T[], node: Node, nodeOf: (x: T) => Node, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.compareDocumentPosition(nodeOf(list[mid]!), node) & DOCUMENT_POSITION_FOLLOWING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function mergeInDocumentOrder<E extends { run: { first: Node } }>(b: Builtins, kept: E[], fresh: E[]): E[] {
  fresh.sort((x, y) => (b.compareDocumentPosition(x.run.first, y.run.first) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const out: E[] = [];
  let lo = 0;
  for (let f = 0; f < fresh.length; f++) {
    const fe = fresh[f]!;
    // First kept entry after `fe`, searching from where the previous fresh entry went.
    const a = indexNotBefore(b, kept, fe.run.first, (e) => e.run.first, lo);
    for (; lo < a; lo++) out[out.length] = kept[lo]!;
    out[out.length] = fe;
  }
  for (; lo < kept.length; lo++) out[out.length] = kept[lo]!;
  return out;
}
