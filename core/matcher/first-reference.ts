// The first-reference rule, document-wide: a weak alias ("Power", "Ban") counts only after
// a strong alias or the full name of the same entity appeared earlier in the document, or,
// for an alias with an anchor, a strong alias of the anchor ("Moscow" after "Russia").
// Kept apart from find() because find() sees one block at a time and the DOM layer scans a
// page's blocks in chunks; `seen` carries the state from one chunk to the next.

import type { TextMatch } from '../matcher-types';

/**
 * Drop every weak match whose entity has no strong match earlier: in an earlier block or
 * earlier in the same block. `blocks` are per-block matches in document order (each sorted
 * by start, as find() returns them). Entities with a strong match are added to `seen`, so a
 * later call with the same set continues where this one stopped.
 */
export function applyFirstReference(blocks: readonly (readonly TextMatch[])[], seen: Set<string> = new Set()): TextMatch[][] {
  return blocks.map((matches) => matches.filter((m) => keepsFirstReference(m, seen)));
}

/**
 * The rule for the next match in document order: whether it counts, given the entities with
 * a strong match before it (`seen`, which a strong match joins). For callers that walk their
 * matches themselves (the page scanner, over tens of thousands of them, without the arrays).
 */
export function keepsFirstReference(m: TextMatch, seen: Set<string>): boolean {
  if (!m.weak) {
    seen.add(m.entity);
    return true;
  }
  return seen.has(m.entity) || (m.anchor !== undefined && seen.has(m.anchor));
}
