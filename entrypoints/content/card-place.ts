// What the rest of the content script needs to know about the card's place in the page,
// without the card itself: the host element's tag, the mention line a card points at, and the
// clean-up of a dead predecessor's host. Kept apart from card-host.ts because that module
// (Preact, the card, Floating UI) is loaded by the card UI's own content script (see
// card-ui.ts), not by the one that runs at document_start.

export const HOST_TAG = 'factcard-host';

export interface Anchor {
  /** The range of the mention. */
  range: Range;
  /** Which of the range's client rects (lines) the card points at. */
  line: number;
}

/**
 * A predecessor killed by an extension reload (Firefox re-injects us and cannot run the old
 * script's cleanup) may have left its card host behind: ours are the ones with a closed
 * shadow root. A page's own element of that name is not ours to touch.
 */
export function removeDeadPredecessors(doc: Document): void {
  for (const el of doc.querySelectorAll(HOST_TAG)) if (closedShadowRootOf(el)) el.remove();
}

function closedShadowRootOf(el: Element): ShadowRoot | null {
  // Firefox gives content scripts Element.openOrClosedShadowRoot; Chrome has chrome.dom.
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } }).chrome?.dom;
  const root = firefox ?? chromeDom?.openOrClosedShadowRoot?.(el) ?? null;
  return root && root.mode === 'closed' ? root : null;
}

/** The client rect of the hovered line of a (possibly multi-line) mention. */
export function lineRect(anchor: Anchor): DOMRect {
  const rects = anchor.range.getClientRects();
  return rects[Math.min(anchor.line, rects.length - 1)] ?? anchor.range.getBoundingClientRect();
}

/** The text the reader is on: the mention's line, as wide as its paragraph (pinned cards keep clear of it). */
export function readingRect(m: { range: Range; block: Element }, line: number): { left: number; top: number; right: number; bottom: number } {
  const l = lineRect({ range: m.range, line });
  const b = m.block.getBoundingClientRect();
  return { left: Math.min(l.left, b.left), right: Math.max(l.right, b.right), top: l.top, bottom: l.bottom };
}
