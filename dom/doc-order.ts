// Keeping runs in document order as re-read blocks come and go (the first-reference rule
// needs it). `kept` is in document order; `fresh` runs are sorted, then each is placed by
// binary search with compareDocumentPosition: O(k log n) comparisons for k fresh runs.

import { type Builtins, DOCUMENT_POSITION_FOLLOWING } from './builtins';

export function mergeInDocumentOrder<E extends { run: { first: Node } }>(b: Builtins, kept: E[], fresh: E[]): E[] {
  fresh.sort((x, y) => (b.compareDocumentPosition(x.run.first, y.run.first) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const out: E[] = [];
  let lo = 0;
  for (let f = 0; f < fresh.length; f++) {
    const fe = fresh[f]!;
    // First kept entry after `fe`, searching from where the previous fresh entry went.
    let hi = kept.length;
    let a = lo;
    while (a < hi) {
      const mid = (a + hi) >> 1;
      const before = b.compareDocumentPosition(kept[mid]!.run.first, fe.run.first) & DOCUMENT_POSITION_FOLLOWING;
      if (before) a = mid + 1;
      else hi = mid;
    }
    for (; lo < a; lo++) out[out.length] = kept[lo]!;
    out[out.length] = fe;
  }
  for (; lo < kept.length; lo++) out[out.length] = kept[lo]!;
  return out;
}
