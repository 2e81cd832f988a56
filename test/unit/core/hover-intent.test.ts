import { describe, expect, it } from 'vitest';
import { DEFAULT_INTENT, HoverIntent, inSafeTriangle, type Timers } from '../../../core/hover-intent';

/** A fake clock: timers fire only when the test advances time. */
class FakeClock implements Timers {
  t = 0;
  private next = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clear(id: number) {
    this.timers.delete(id);
  }
  now() {
    return this.t;
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

function setup(opts = DEFAULT_INTENT) {
  const clock = new FakeClock();
  const events: string[] = [];
  const prepared: string[] = [];
  const intent = new HoverIntent<string>(opts, { open: (k) => events.push(`open:${k}`), close: () => events.push('close'), prepare: (k) => prepared.push(k) }, clock);
  /** Moves the pointer in small steps over `ms`, ending at (x, y). */
  const glide = (from: { x: number; y: number }, to: { x: number; y: number }, ms: number, target: (x: number) => string | null, overCard = () => false) => {
    const steps = Math.max(1, Math.round(ms / 16));
    for (let i = 1; i <= steps; i++) {
      clock.advance(ms / steps);
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      intent.move({ x, y }, target(x), overCard(), CARD);
    }
  };
  return { clock, events, prepared, intent, glide };
}

const CARD = { left: 100, top: 130, right: 400, bottom: 330 };

describe('hover intent', () => {
  it('opens after the dwell delay on a resting pointer, not before; the card is prepared when the dwell begins', () => {
    const { clock, events, prepared, intent } = setup();
    intent.move({ x: 10, y: 10 }, 'churkin', false, null);
    expect(prepared).toEqual(['churkin']);
    expect(intent.pendingKey).toBe('churkin');
    intent.move({ x: 11, y: 10 }, 'churkin', false, null);
    clock.advance(DEFAULT_INTENT.dwellMs - 1);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['open:churkin']);
    expect(prepared).toEqual(['churkin']);
    expect(intent.pendingKey).toBeNull();
  });

  it('the dwell counts from the move, not from when it is handled', () => {
    const { clock, events, intent } = setup();
    clock.advance(100);
    // Handled 12 ms after the pointer event (the content script handles moves in the next frame).
    intent.move({ x: 10, y: 10 }, 'churkin', false, null, clock.t - 12);
    clock.advance(DEFAULT_INTENT.dwellMs - 13);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['open:churkin']);
  });

  it('a time stamp from the future, or older than a second, counts as now', () => {
    for (const skew of [50, -5_000]) {
      const { clock, events, intent } = setup();
      clock.advance(10_000);
      intent.move({ x: 10, y: 10 }, 'churkin', false, null, clock.t + skew);
      clock.advance(DEFAULT_INTENT.dwellMs - 1);
      expect(events, `skew ${skew}`).toEqual([]);
      clock.advance(1);
      expect(events, `skew ${skew}`).toEqual(['open:churkin']);
    }
  });

  it('honours a configured delay, including 0', () => {
    const { clock, events, intent } = setup({ ...DEFAULT_INTENT, dwellMs: 0 });
    intent.move({ x: 10, y: 10 }, 'churkin', false, null);
    clock.advance(0);
    expect(events).toEqual(['open:churkin']);
  });

  it('a fast sweep across mentions opens nothing', () => {
    const { clock, events, glide } = setup();
    // 2 px/ms across three names, then off the text.
    glide({ x: 0, y: 10 }, { x: 1200, y: 10 }, 600, (x) => (x < 400 ? 'a' : x < 800 ? 'b' : x < 1000 ? 'c' : null));
    clock.advance(2000);
    expect(events).toEqual([]);
  });

  it('a pointer that slows down on a mention opens it once it rests', () => {
    const { clock, events, intent, glide } = setup();
    glide({ x: 0, y: 10 }, { x: 300, y: 10 }, 150, () => 'rycroft'); // 2 px/ms, still over it
    clock.advance(DEFAULT_INTENT.dwellMs - 150);
    expect(events).toEqual([]);
    intent.move({ x: 301, y: 10 }, 'rycroft', false, null);
    clock.advance(200);
    expect(events).toEqual(['open:rycroft']);
  });

  it('leaving starts a grace period; re-hovering the same mention within it keeps the card', () => {
    const { clock, events, intent } = setup();
    intent.move({ x: 10, y: 10 }, 'm', false, null);
    clock.advance(400);
    intent.move({ x: 10, y: 40 }, null, false, CARD);
    clock.advance(DEFAULT_INTENT.graceMs - 50);
    intent.move({ x: 10, y: 10 }, 'm', false, CARD);
    clock.advance(1000);
    expect(events).toEqual(['open:m']);
    expect(intent.status).toBe('open');
  });

  it('closes when the grace period runs out away from the card', () => {
    const { clock, events, intent } = setup();
    intent.move({ x: 10, y: 10 }, 'm', false, null);
    clock.advance(400);
    intent.move({ x: 600, y: 10 }, null, false, CARD);
    clock.advance(DEFAULT_INTENT.graceMs);
    expect(events).toEqual(['open:m', 'close']);
  });

  it('moving towards and into the card keeps it open, however slow the trip', () => {
    const { clock, events, intent, glide } = setup();
    intent.move({ x: 150, y: 120 }, 'm', false, null);
    clock.advance(400);
    // Off the mention at y=122, then slowly down into the card (top at 130).
    glide({ x: 150, y: 120 }, { x: 160, y: 129 }, 500, () => null);
    expect(events).toEqual(['open:m']);
    intent.move({ x: 160, y: 140 }, null, true, CARD);
    clock.advance(5000);
    expect(events).toEqual(['open:m']);
    // Leaving the card starts the grace period again.
    intent.move({ x: 600, y: 600 }, null, false, CARD);
    clock.advance(DEFAULT_INTENT.graceMs);
    expect(events).toEqual(['open:m', 'close']);
  });

  it('another mention takes over after its own dwell', () => {
    const { clock, events, intent } = setup();
    intent.move({ x: 10, y: 10 }, 'a', false, null);
    clock.advance(400);
    intent.move({ x: 500, y: 10 }, 'b', false, CARD);
    clock.advance(400);
    expect(events).toEqual(['open:a', 'open:b']);
  });

  it('closeNow (Escape) closes an open card and is harmless otherwise', () => {
    const { clock, events, intent } = setup();
    intent.closeNow();
    intent.move({ x: 10, y: 10 }, 'a', false, null);
    clock.advance(400);
    intent.closeNow();
    expect(events).toEqual(['open:a', 'close']);
    expect(intent.openKey).toBeNull();
  });
});

describe('safe triangle', () => {
  it('contains points between the exit point and the card edge facing it', () => {
    const from = { x: 150, y: 100 };
    expect(inSafeTriangle(from, CARD, { x: 150, y: 120 })).toBe(true);
    expect(inSafeTriangle(from, CARD, { x: 300, y: 125 })).toBe(true);
    expect(inSafeTriangle(from, CARD, { x: 40, y: 125 })).toBe(false);
    expect(inSafeTriangle(from, CARD, { x: 150, y: 80 })).toBe(false);
  });
});
