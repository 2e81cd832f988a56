// Hover intent: decides when a hovered mention means "show me the card". Pure logic over a
// clock and a timer seam so it is tested with a fake clock; the content script feeds it
// pointer positions and what is under them.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface IntentOptions {
  /** How long the pointer must rest on a mention before the card opens. */
  dwellMs: number;
  /** How long the card survives after the pointer leaves the mention. */
  graceMs: number;
  /** Above this pointer speed (px/ms) the user is sweeping, not reading: nothing opens. */
  maxSpeed: number;
}

export const DEFAULT_INTENT: IntentOptions = { dwellMs: 350, graceMs: 300, maxSpeed: 0.5 };

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(handle: number): void;
  now(): number;
  /**
   * Runs `fn` at the start of the next animation frame, before that frame's style, layout and
   * paint (requestAnimationFrame). Where given, a card whose dwell has ended opens inside the
   * first frame that comes before the dwell's timer fires, so that frame paints it: a timer
   * alone can fire just after such a frame began, and the card then waits for the frame after.
   */
  frame?(fn: () => void): void;
}

export interface IntentCallbacks<K> {
  open(key: K): void;
  close(): void;
  /** A dwell on `key` began: its card may be made ready (not shown) while the dwell runs. */
  prepare?(key: K): void;
}

export type IntentState = 'idle' | 'pending' | 'open' | 'grace';

/** Speed is measured over the pointer's last ~60 ms of movement. */
const SPEED_WINDOW_MS = 60;

/** A move handled later than this after its time stamp counts from when it is handled. */
const MAX_HANDLING_DELAY_MS = 1000;

/**
 * A frame that starts this close to the end of the dwell counts as after it: Firefox coarsens
 * and jitters the clocks a page and its content scripts read (event time stamps,
 * performance.now()) by up to a millisecond, so "now" in a frame that began just after the end
 * can read as just before it (seen in the bench: a frame 1.1 ms after the dwell's end passed).
 */
const FRAME_SLACK_MS = 2;

export class HoverIntent<K> {
  private state: IntentState = 'idle';
  private pending: K | null = null;
  private current: K | null = null;
  private timer: number | null = null;
  /** Bumped to drop a requested frame callback. */
  private frameToken = 0;
  private samples: { x: number; y: number; t: number }[] = [];
  private leavePoint: Point | null = null;
  private lastTarget: K | null = null;

  constructor(
    private opts: IntentOptions,
    private readonly cb: IntentCallbacks<K>,
    private readonly timers: Timers,
    private readonly same: (a: K, b: K) => boolean = Object.is,
  ) {}

  get status(): IntentState {
    return this.state;
  }

  get openKey(): K | null {
    return this.state === 'open' || this.state === 'grace' ? this.current : null;
  }

  /** The mention whose dwell is running (it opens when the dwell ends), if any. */
  get pendingKey(): K | null {
    return this.pending;
  }

  setOptions(opts: IntentOptions): void {
    this.opts = opts;
  }

  /**
   * The pointer moved. `target` is the mention under it (or null), `overCard` whether it is
   * inside the open card, `cardRect` the card's box (for the safe triangle). `at` is when the
   * move happened (the event's time stamp, on the timers' clock), when it is handled later: the
   * dwell counts from the move, not from when it was handled (the content script handles at
   * most one move per frame, up to a frame after it).
   */
  move(p: Point, target: K | null, overCard: boolean, cardRect: Rect | null, at?: number): void {
    const now = this.timers.now();
    // A time stamp from the future or from long ago (another clock) is not trusted.
    const t = at !== undefined && at <= now && now - at < MAX_HANDLING_DELAY_MS ? at : now;
    this.samples.push({ x: p.x, y: p.y, t });
    while (this.samples.length > 2 && t - (this.samples[0]?.t ?? t) > SPEED_WINDOW_MS) this.samples.shift();
    this.lastTarget = target;

    if (this.state === 'open' || this.state === 'grace') {
      if (overCard || (target !== null && this.current !== null && this.same(target, this.current))) {
        this.cancelTimer();
        this.state = 'open';
        this.leavePoint = null;
        return;
      }
      if (target !== null) {
        // Another mention: it takes over after its own dwell; the open card waits until then.
        this.startPending(target, t);
        this.state = 'grace';
        return;
      }
      if (this.state === 'open') {
        this.state = 'grace';
        this.leavePoint = p;
        this.startGrace();
        return;
      }
      // In grace: heading for the card keeps it alive; anything else lets the timer run.
      if (this.leavePoint && cardRect && inSafeTriangle(this.leavePoint, cardRect, p)) this.startGrace();
      return;
    }

    if (target === null) {
      this.reset();
      return;
    }
    if (this.state === 'pending' && this.pending !== null && this.same(target, this.pending)) return;
    this.startPending(target, t);
  }

  /** The pointer left the window, or the mention's node left the document. */
  leave(): void {
    if (this.state === 'pending') this.reset();
    else if (this.state === 'open') {
      this.state = 'grace';
      this.startGrace();
    }
  }

  /** Escape, scrolling away, or the page going away: close at once. */
  closeNow(): void {
    const wasOpen = this.state === 'open' || this.state === 'grace';
    this.reset();
    this.current = null;
    if (wasOpen) this.cb.close();
  }

  /** Opens a card without hover (keyboard navigation, popup). */
  openNow(key: K): void {
    this.cancelTimer();
    this.pending = null;
    this.current = key;
    this.state = 'open';
    this.cb.open(key);
  }

  destroy(): void {
    this.cancelTimer();
  }

  /** Current pointer speed in px/ms over the sample window. */
  speed(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return Math.hypot(last.x - first.x, last.y - first.y) / (last.t - first.t);
  }

  /** A dwell on `target` that began at `since`. */
  private startPending(target: K, since: number): void {
    this.cancelTimer();
    this.pending = target;
    if (this.state !== 'grace') this.state = 'pending';
    this.waitUntil(since + this.opts.dwellMs);
    this.cb.prepare?.(target);
  }

  /**
   * Calls dwellDone() once the clock reaches `end`, from a timer; with a frame seam also from
   * the first animation frame that starts at or after `end`, if one comes before the timer
   * fires. Timers can fire late — Firefox ran a dwell's timer 28–121 ms late in the bench
   * while frames went on, or after a stall of the page — and a card opened by a late timer
   * waits for the frame after the one that began in the meantime; opened from that frame's
   * callback it is painted by it. Frames are asked for while the dwell runs (one callback a
   * frame, a comparison), from its start: a stall late in the dwell would hold back a timer
   * that was to start asking just before the end. When the timer comes first, the card is
   * attached and placed in a task before the frame, which then only paints it.
   */
  private waitUntil(end: number): void {
    this.cancelTimer();
    const left = end - this.timers.now();
    this.timer = this.timers.set(() => this.dwellDone(), Math.max(0, left));
    const frame = this.timers.frame?.bind(this.timers);
    if (frame && left > 0) this.framesUntil(end, frame);
  }

  /** Asks for animation frames until one runs at `end` (less the slack), which calls dwellDone(). */
  private framesUntil(end: number, frame: (fn: () => void) => void): void {
    const token = this.frameToken;
    const onFrame = () => {
      if (token !== this.frameToken) return;
      if (this.timers.now() < end - FRAME_SLACK_MS) frame(onFrame);
      else this.dwellDone();
    };
    frame(onFrame);
  }

  private dwellDone(): void {
    this.cancelTimer();
    const target = this.pending;
    if (target === null) return;
    const still = this.lastTarget !== null && this.same(this.lastTarget, target);
    if (!still) {
      this.pending = null;
      if (this.state === 'grace') this.startGrace();
      else this.reset();
      return;
    }
    // Still moving fast over it: the user is sweeping. Check again shortly.
    if (this.speed() > this.opts.maxSpeed && this.timers.now() - (this.samples[this.samples.length - 1]?.t ?? 0) < SPEED_WINDOW_MS) {
      this.waitUntil(this.timers.now() + Math.min(100, this.opts.dwellMs || 50));
      return;
    }
    this.pending = null;
    this.current = target;
    this.state = 'open';
    this.leavePoint = null;
    this.cb.open(target);
  }

  private startGrace(): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.state = 'idle';
      this.current = null;
      this.pending = null;
      this.cb.close();
    }, this.opts.graceMs);
  }

  private reset(): void {
    this.cancelTimer();
    this.state = 'idle';
    this.pending = null;
    this.leavePoint = null;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.frameToken++;
  }
}

/**
 * The safe triangle: from where the pointer left the mention to the card's near edge. A
 * pointer inside it is on its way to the card.
 */
export function inSafeTriangle(from: Point, card: Rect, p: Point): boolean {
  let a: Point;
  let b: Point;
  if (from.y <= card.top) {
    a = { x: card.left, y: card.top };
    b = { x: card.right, y: card.top };
  } else if (from.y >= card.bottom) {
    a = { x: card.left, y: card.bottom };
    b = { x: card.right, y: card.bottom };
  } else if (from.x <= card.left) {
    a = { x: card.left, y: card.top };
    b = { x: card.left, y: card.bottom };
  } else {
    a = { x: card.right, y: card.top };
    b = { x: card.right, y: card.bottom };
  }
  // A little slack around the apex so a jittery first pixel does not count as leaving.
  const apex = { x: from.x, y: from.y };
  if (Math.hypot(p.x - apex.x, p.y - apex.y) <= 4) return true;
  return pointInTriangle(p, apex, a, b);
}

function pointInTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const d1 = sign(p, a, b);
  const d2 = sign(p, b, c);
  const d3 = sign(p, c, a);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

function sign(p: Point, a: Point, b: Point): number {
  return (p.x - b.x) * (a.y - b.y) - (a.x - b.x) * (p.y - b.y);
}
