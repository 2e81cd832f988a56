// The pinned cards: each in its own card host (its own closed shadow root), fixed in the
// viewport and stacked along the edge away from the line the reader is on (core/pins.ts
// decides where). Fixed rather than following their mentions: a pinned card is one the reader
// wants to keep while reading on, and a card tied to its mention would scroll away with it.

import type { Rect } from '../../core/hover-intent';
import { addPin, layoutPins, MAX_PINS, pinnedMaxHeight, pinnedWidth, removePin } from '../../core/pins';
import type { CardHost } from './card-host';

export interface PinnedCard {
  /** The entity the card was pinned for (one pin per entity). */
  entity: string;
  /** The name the card shows (for announcing it when it is let go). */
  name: string;
  host: CardHost;
  /** Where focus was before a keyboard opening: closing the pin gives it back. */
  returnFocus: HTMLElement | null;
}

const keyOf = (p: PinnedCard) => p.entity;

export class PinnedCards {
  private list: PinnedCard[] = [];
  /** The line the stack keeps clear of (the last pinned or hovered mention's line). */
  private avoid: Rect | null = null;

  constructor(
    private readonly win: Window,
    private readonly max = MAX_PINS,
  ) {}

  get all(): readonly PinnedCard[] {
    return this.list;
  }

  /** Pins a card; returns the pins dropped to make room (their hosts already removed). */
  add(pin: PinnedCard, avoid: Rect | null): PinnedCard[] {
    const { list, dropped } = addPin(this.list, pin, keyOf, this.max);
    this.list = list;
    for (const d of dropped) if (d.host !== pin.host) d.host.destroy();
    this.layout(avoid);
    return dropped.filter((d) => d.host !== pin.host);
  }

  remove(entity: string): PinnedCard | null {
    const pin = this.list.find((p) => p.entity === entity) ?? null;
    if (!pin) return null;
    this.list = removePin(this.list, entity, keyOf);
    pin.host.destroy();
    this.layout(this.avoid);
    return pin;
  }

  closeAll(): void {
    for (const p of this.list) p.host.destroy();
    this.list = [];
  }

  /** Restacks the pinned cards clear of `avoid` (the viewport size may have changed too). */
  layout(avoid: Rect | null = this.avoid): void {
    this.avoid = avoid;
    if (this.list.length === 0) return;
    const vp = this.viewport();
    const maxH = pinnedMaxHeight(vp, this.max);
    const width = pinnedWidth(vp, avoid);
    for (const p of this.list) p.host.pin(width, maxH);
    const { places } = layoutPins(
      this.list.map((p) => p.host.size()),
      vp,
      avoid,
    );
    this.list.forEach((p, i) => {
      const at = places[i];
      if (at) p.host.placeAt(at.left, at.top);
    });
  }

  /** The pinned card under a point, if any. */
  at(x: number, y: number): PinnedCard | null {
    return this.list.find((p) => p.host.contains(x, y)) ?? null;
  }

  withFocus(): PinnedCard | null {
    return this.list.find((p) => p.host.hasFocus()) ?? null;
  }

  owns(n: Node): boolean {
    return this.list.some((p) => n === p.host.host || p.host.host.contains(n));
  }

  followFullscreen(): void {
    for (const p of this.list) p.host.followFullscreen();
  }

  private viewport() {
    // The layout viewport without scroll bars: where position: fixed places things.
    const el = this.win.document.documentElement;
    return { width: el.clientWidth || this.win.innerWidth, height: this.win.innerHeight };
  }
}
