// Pointer → card controller: one hit test per animation frame at most, trusted events only
// (a page cannot open cards by dispatching synthetic events).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Modifiers } from '../../core/hold-key';
import type { Point } from '../../core/hover-intent';
import type { Hit, HitTester } from '../../dom/hit-test';

export interface PointerTarget {
  /**
   * `mods`: the event's modifier keys (the hold-to-show key is read from them too); `at`: the
   * event's time stamp (it is handled up to a frame later).
   */
  pointer(p: Point, hitAt: (p: Point) => Hit | null, mods: Modifiers, at: number): void;
  pointerLeft(): void;
}

export function trackPointer(ctx: ContentScriptContext, doc: Document, hitTester: HitTester, target: PointerTarget, onError: (e: unknown) => void): void {
  let frame = 0;
  let last: PointerEvent | null = null;
  const hitAt = (p: Point): Hit | null => hitTester.at(p.x, p.y);
  const onFrame = () => {
    frame = 0;
    const e = last;
    if (!e) return;
    try {
      target.pointer({ x: e.clientX, y: e.clientY }, hitAt, { altKey: e.altKey, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey }, e.timeStamp);
    } catch (err) {
      onError(err);
    }
  };
  ctx.addEventListener(doc, 'pointermove', (e) => {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    last = e;
    if (!frame) frame = ctx.requestAnimationFrame(onFrame);
  }, { passive: true, capture: true });
  ctx.addEventListener(doc.documentElement, 'pointerleave', (e) => {
    if (e.isTrusted) target.pointerLeft();
  }, { passive: true });
}
