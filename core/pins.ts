// Pinned cards as pure data: which cards are pinned (oldest first), the limit, and where the
// pinned stack goes so it never covers the line the reader is on. The content script keeps
// the elements; this decides. Tested in Node (test/unit/core/pins.test.ts).

import type { Rect } from './hover-intent';

/** At most this many pinned cards: a fourth pushes the oldest out. */
export const MAX_PINS = 3;

export interface PinChange<T> {
  /** The pinned items after the change, oldest first. */
  list: T[];
  /** Items that were unpinned to make room (oldest first), or replaced by the new pin. */
  dropped: T[];
}

/**
 * Pins `item` as the newest. One pin per key: pinning a key that is already pinned replaces
 * that pin (it is dropped and the new one is newest). Past `max`, the oldest are dropped.
 */
export function addPin<T>(list: readonly T[], item: T, keyOf: (t: T) => string, max = MAX_PINS): PinChange<T> {
  if (max < 1) throw new RangeError(`max must be at least 1, got ${max}`);
  const key = keyOf(item);
  const dropped = list.filter((t) => keyOf(t) === key);
  const kept = list.filter((t) => keyOf(t) !== key);
  const over = Math.max(0, kept.length + 1 - max);
  dropped.push(...kept.slice(0, over));
  return { list: [...kept.slice(over), item], dropped };
}

/** The list without `key` (unchanged order). */
export function removePin<T>(list: readonly T[], key: string, keyOf: (t: T) => string): T[] {
  return list.filter((t) => keyOf(t) !== key);
}

export type PinSide = 'left' | 'right';

export interface Viewport {
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PinLayout {
  side: PinSide;
  /** Top-left corner of each card, in the order given. */
  places: { left: number; top: number }[];
}

/** Space kept between the stack and the viewport's edges, and between cards. */
export const PIN_GUTTER = 8;

/** A pinned card's width: as wide as the room beside the text allows, within these bounds. */
export const PIN_MAX_WIDTH = 340;
export const PIN_MIN_WIDTH = 240;

/** The edge with more room beside `avoid` (right on a tie, and with nothing to avoid). */
export function pinSide(viewport: Viewport, avoid: Rect | null): PinSide {
  if (!avoid) return 'right';
  return viewport.width - avoid.right >= avoid.left ? 'right' : 'left';
}

/** How wide pinned cards may be so they fit beside `avoid` on their side (never under the minimum). */
export function pinnedWidth(viewport: Viewport, avoid: Rect | null, gutter = PIN_GUTTER): number {
  const side = pinSide(viewport, avoid);
  const room = !avoid ? viewport.width : side === 'right' ? viewport.width - avoid.right : avoid.left;
  const fit = Math.floor(room - 2 * gutter);
  return Math.max(Math.min(PIN_MIN_WIDTH, viewport.width - 2 * gutter), Math.min(PIN_MAX_WIDTH, fit));
}

/** The tallest a pinned card may be so `max` of them fit one above the other. */
export function pinnedMaxHeight(viewport: Viewport, max = MAX_PINS, gutter = PIN_GUTTER): number {
  return Math.max(80, Math.floor((viewport.height - gutter * (max + 1)) / max));
}

/**
 * Where the pinned cards go: along the edge of the viewport with more room beside `avoid`
 * (the text the reader is on: the hovered line, as wide as its paragraph), oldest first, stacked
 * from the end of that edge away from it (from the bottom when the line is in the top half).
 * When the cards fit beside the line they never overlap it; on a viewport too narrow for
 * that, they still keep to the far end from the line.
 */
export function layoutPins(sizes: readonly Size[], viewport: Viewport, avoid: Rect | null, gutter = PIN_GUTTER): PinLayout {
  const side = pinSide(viewport, avoid);
  const fromBottom = avoid ? (avoid.top + avoid.bottom) / 2 < viewport.height / 2 : false;
  const places: { left: number; top: number }[] = [];
  let y = fromBottom ? viewport.height - gutter : gutter;
  for (const s of sizes) {
    const left = side === 'right' ? Math.max(gutter, viewport.width - gutter - s.width) : gutter;
    const top = fromBottom ? y - s.height : y;
    places.push({ left: Math.round(left), top: Math.round(Math.max(gutter, top)) });
    y = fromBottom ? y - s.height - gutter : y + s.height + gutter;
  }
  return { side, places };
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
