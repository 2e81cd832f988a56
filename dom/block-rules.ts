// Which elements end a block of text, and which are not reading text at all.
//
// Decided by tag name from fixed lists: getComputedStyle would force style recalculation on
// the hot path and a page can overwrite it. A site that styles a <span> as a block gets its
// text joined with its neighbours; that costs at worst a missed or joined name where the
// page's own text reads as one run anyway.

import type { Builtins } from './builtins';
import { editableByAttributes } from './editable';

/** Elements whose boundaries separate text (HTML's block-level and table-part elements). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu',
  'nav', 'ol', 'optgroup', 'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'xmp',
  // Rendered inline-block: their text is a unit of its own (a button label is not part of a sentence).
  'button', 'label',
]);

/** Void elements that read as a break between words (`<br>`, an inline image). */
export const BREAK_TAGS: ReadonlySet<string> = new Set(['br', 'img']);

/** Subtrees that are not reading text. `factcard-host` is our own UI. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link',
  'factcard-host',
]);

/**
 * Inline elements that leave a block's text as it is: none is a block, a break or skipped.
 * Most common first (a selector list is tried in order).
 */
export const FLAT_INLINE_TAGS: readonly string[] = [
  'a', 'em', 'span', 'strong', 'b', 'i', 'abbr', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'font',
  'ins', 'kbd', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'strike', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
];

/**
 * Any element that may make a block more than plain inline text: one not in
 * FLAT_INLINE_TAGS, or one with an attribute `classify` may skip on. A block with none inside
 * (`querySelector` finds nothing: one native call) is read flat, with one `textContent` (see
 * text-runs.ts). An allow-list, so an element nobody listed (a custom element, our own
 * `factcard-host`) sends its block down the node-by-node walk; and a short one: Chromium
 * tries a selector list's entries in order for every element below the block (the full
 * block/break/skip list made querySelector the scan's largest cost, ~65 ms on the 2 MB page).
 */
export const NOT_FLAT_SELECTOR = `:not(${FLAT_INLINE_TAGS.join(',')}),[contenteditable],[role]`;

/** Whether `block` holds nothing but inline text (one native selector match over its subtree): see NOT_FLAT_SELECTOR. */
export function isFlatBlock(b: Builtins, block: Element): boolean {
  return b.querySelector(block, NOT_FLAT_SELECTOR) === null;
}

/** Own UI test passed in by the caller (the content script knows its host element). */
export type OwnNodeTest = (n: Node) => boolean;

export function isBlockTag(localName: string): boolean {
  return BLOCK_TAGS.has(localName);
}

/** 'skip' for an element whose subtree is never read (excluded, our own, editable), else 'read'. */
export function classify(b: Builtins, el: Element, isOwnNode: OwnNodeTest | undefined, name = b.localName(el)): 'skip' | 'read' {
  if (SKIP_TAGS.has(name)) return 'skip';
  if (isOwnNode && isOwnNode(el)) return 'skip';
  // Most elements of running text carry no attribute at all: one call instead of two.
  if (!b.hasAttributes(el)) return 'read';
  return editableByAttributes(b.getAttribute(el, 'contenteditable'), b.getAttribute(el, 'role')) ? 'skip' : 'read';
}

/**
 * Whether `node` lies inside a subtree the scanner never reads: an excluded element, our
 * own UI, or an editable region (contenteditable is inherited until an explicit "false";
 * editors' non-editable islands are still editor UI, so we skip the whole editable root).
 * Walks up to the document: O(depth), used for mutation targets, not in the full walk.
 */
export function isInSkippedSubtree(b: Builtins, node: Node, isOwnNode: OwnNodeTest | undefined): boolean {
  let n: Node | null = node;
  while (n) {
    if (b.nodeType(n) === 1) {
      if (classify(b, n as Element, isOwnNode) === 'skip') return true;
    } else if (isOwnNode && isOwnNode(n)) {
      return true;
    }
    n = b.parentNode(n);
  }
  return false;
}

/** The nearest block-level ancestor-or-self of `node`, or `root` when there is none below it. */
export function nearestBlock(b: Builtins, node: Node, root: Element): Element {
  let n: Node | null = b.nodeType(node) === 1 ? node : b.parentNode(node);
  while (n && n !== root) {
    if (b.nodeType(n) === 1 && isBlockTag(b.localName(n as Element))) return n as Element;
    n = b.parentNode(n);
  }
  return root;
}
