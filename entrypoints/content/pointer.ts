// Pointer → hover intent: one hit test per animation frame at most, trusted events only
// (a page cannot open cards by dispatching synthetic events).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverIntent } from '../../core/hover-intent';
import type { HitTester, Hit } from '../../dom/hit-test';
import type { PageMention } from '../../dom/page-scanner';
import type { CardHost } from './card-host';

export interface PointerDeps {
  hitTester: HitTester;
  cardHost: CardHost;
  intent: HoverIntent<PageMention>;
  /** The line of the mention under the pointer, for anchoring the card. */
  onLine: (line: number) => void;
  onError: (e: unknown) => void;
}

export function trackPointer(ctx: ContentScriptContext, doc: Document, d: PointerDeps): void {
  let frame = 0;
  let last: PointerEvent | null = null;
  const onFrame = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    try {
      const overCard = d.cardHost.contains(e.clientX, e.clientY);
      const hit = overCard ? null : d.hitTester.at(e.clientX, e.clientY);
      if (hit) d.onLine(lineIndex(hit));
      d.intent.move({ x: e.clientX, y: e.clientY }, hit?.mention ?? null, overCard, d.cardHost.rect());
    } catch (err) {
      d.onError(err);
    }
  };
  ctx.addEventListener(doc, 'pointermove', (e) => {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    last = e;
    if (!frame) frame = ctx.requestAnimationFrame(onFrame);
  }, { passive: true, capture: true });
  ctx.addEventListener(doc.documentElement, 'pointerleave', (e) => {
    if (e.isTrusted) d.intent.leave();
  }, { passive: true });
}

function lineIndex(hit: Hit): number {
  const rects = hit.mention.range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r && r.top === hit.lineRect.top && r.left === hit.lineRect.left) return i;
  }
  return 0;
}
