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

/**
 * The fake clock with animation frames: a frame starts every 16 ms from `phase` on, and runs
 * the callbacks asked for before it started (as requestAnimationFrame does); with `stall`
 * frames never come (a throttled frame). Timers fire `late` ms after they are due.
 */
class FramedClock extends FakeClock {
  private callbacks: (() => void)[] = [];
  private frameTimer = 0;
  private onTime = false;
  /** Start times of the frames that ran at least one callback. */
  readonly ran: number[] = [];
  constructor(private readonly phase: number, private readonly opts: { stall?: boolean; late?: number } = {}) {
    super();
  }
  override set(fn: () => void, ms: number) {
    return super.set(fn, this.onTime ? ms : ms + (this.opts.late ?? 0));
  }
  frame(fn: () => void) {
    this.callbacks.push(fn);
    if (this.opts.stall || this.frameTimer) return;
    const next = this.phase + Math.ceil((this.t - this.phase + 1e-9) / 16) * 16;
    this.onTime = true; // frames are not late
    this.frameTimer = this.set(() => {
      this.frameTimer = 0;
      const due = this.callbacks;
      this.callbacks = [];
      this.ran.push(this.t);
      for (const cb of due) cb();
    }, next - this.t);
    this.onTime = false;
  }
}

function setup(opts = DEFAULT_INTENT, clock: FakeClock = new FakeClock()) {
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

  it('with animation frames, a late timer does not make the card miss a frame that starts after the dwell', () => {
    // The dwell (350 ms from t = 0) ends 1 ms before a frame starts, and the timer runs 3 ms
    // late: after that frame began. The card opens inside that frame (painted by it).
    const opened = (clock: FakeClock, intent: HoverIntent<string>, events: string[]) => {
      intent.move({ x: 10, y: 10 }, 'churkin', false, null, 0);
      for (let t = 1; t <= 400; t++) {
        clock.advance(1);
        if (events.includes('open:churkin')) return clock.t;
      }
      return -1;
    };
    const framed = new FramedClock(351 % 16, { late: 3 });
    const a = setup(DEFAULT_INTENT, framed);
    expect(opened(framed, a.intent, a.events)).toBe(351);
    expect(framed.ran.at(-1)).toBe(351);
    // The same late timer without frames opens at 353; with frames and a timer on time, the
    // timer opens it at 350, before the frame (at 360) that paints it.
    const late = new FramedClock(351 % 16, { stall: true, late: 3 });
    const b = setup(DEFAULT_INTENT, late);
    expect(opened(late, b.intent, b.events)).toBe(353);
    const onTime = new FramedClock(360 % 16);
    const c = setup(DEFAULT_INTENT, onTime);
    expect(opened(onTime, c.intent, c.events)).toBe(350);
    expect(c.events).toEqual(['open:churkin']);
  });

  it('with animation frames, a frame that starts within 2 ms of the end opens the card (clocks are jittered by up to 1 ms)', () => {
    const clock = new FramedClock(349 % 16);
    const { events, intent } = setup(DEFAULT_INTENT, clock);
    intent.move({ x: 10, y: 10 }, 'churkin', false, null, 0);
    clock.advance(348);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['open:churkin']);
  });

  it('with animation frames that never come (a throttled frame), the timer opens the card when the dwell ends', () => {
    const clock = new FramedClock(0, { stall: true });
    const { events, intent } = setup(DEFAULT_INTENT, clock);
    intent.move({ x: 10, y: 10 }, 'churkin', false, null);
    clock.advance(DEFAULT_INTENT.dwellMs - 1);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['open:churkin']);
  });

  it('with animation frames, a dwell that gives way to another drops the frames it asked for', () => {
    const clock = new FramedClock(5);
    const { events, intent } = setup(DEFAULT_INTENT, clock);
    intent.move({ x: 10, y: 10 }, 'churkin', false, null, 0);
    clock.advance(DEFAULT_INTENT.dwellMs - 10); // the first dwell is asking for frames by now
    intent.move({ x: 60, y: 10 }, 'rycroft', false, null);
    clock.advance(DEFAULT_INTENT.dwellMs - 1);
    expect(events).toEqual([]);
    clock.advance(20);
    expect(events).toEqual(['open:rycroft']);
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
