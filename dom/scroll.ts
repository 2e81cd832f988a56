// Scroll a mention into view and flash it (the popup's "show me where" list).

import { builtinsFor, ELEMENT_NODE } from './builtins';
import type { Highlighter } from './highlighter';
import type { PageMention } from './page-mention';

export interface ScrollToMentionOptions {
  /** Draws the flash; without one the mention is only scrolled to. */
  highlighter?: Highlighter;
  /** How long the flash lasts (ms). */
  flashMs?: number;
  behavior?: ScrollBehavior;
  /** Ends the flash early (e.g. the content script's ctx.signal). */
  signal?: AbortSignal;
}

/** Returns false when the mention is no longer in the document. */
export function scrollToMention(m: PageMention, o: ScrollToMentionOptions = {}): boolean {
  const range = m.range;
  const doc = range.startContainer.ownerDocument;
  if (!doc) return false;
  const b = builtinsFor(doc);
  const start = b.startContainer(range);
  if (!b.isConnected(start) || range.collapsed) return false;
  let el: Node | null = start;
  while (el && b.nodeType(el) !== ELEMENT_NODE) el = b.parentNode(el);
  if (!el) return false;
  try {
    (el as Element).scrollIntoView({ block: 'center', inline: 'nearest', behavior: o.behavior ?? 'smooth' });
  } catch {
    /* very old engines: no options object */
  }
  const hl = o.highlighter;
  if (hl) {
    hl.setFlash(range);
    const win = doc.defaultView;
    if (win) {
      const id = win.setTimeout(() => hl.setFlash(null), o.flashMs ?? 1600);
      o.signal?.addEventListener('abort', () => {
        win.clearTimeout(id);
        hl.setFlash(null);
      }, { once: true });
    }
  }
  return true;
}
