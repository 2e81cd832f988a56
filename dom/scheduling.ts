// Task and frame scheduling tied to an AbortSignal: nothing fires after abort, and pending
// timers are cleared. These are the defaults behind the scanner's seams; tests pass their own.

/** Runs `cb` later, once. */
export type Schedule = (cb: () => void) => void;

interface PostTaskScheduler {
  postTask(cb: () => void, opts?: { signal?: AbortSignal; priority?: string }): Promise<unknown>;
}

interface WindowLike {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

/**
 * Yield to the event loop, then run `cb`: scheduler.postTask where available (it
 * prioritises input over our work), else a MessageChannel message (no 4 ms clamp), else
 * setTimeout. requestIdleCallback is not used: it is missing in some contexts and may
 * starve under load.
 */
export function createTaskYield(win: WindowLike, signal: AbortSignal): Schedule {
  const g = globalThis as { scheduler?: PostTaskScheduler; MessageChannel?: typeof MessageChannel };
  const sched = g.scheduler;
  if (sched && typeof sched.postTask === 'function') {
    return (cb) => {
      if (signal.aborted) return;
      sched.postTask(cb, { signal, priority: 'user-visible' }).catch(() => {
        /* aborted */
      });
    };
  }
  const MC = g.MessageChannel;
  if (typeof MC === 'function') {
    const queue: (() => void)[] = [];
    const channel = new MC();
    channel.port1.onmessage = () => {
      const cb = queue.shift();
      if (cb && !signal.aborted) cb();
    };
    signal.addEventListener('abort', () => {
      queue.length = 0;
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    }, { once: true });
    return (cb) => {
      if (signal.aborted) return;
      queue.push(cb);
      channel.port2.postMessage(0);
    };
  }
  return createTimeout(win, signal, 0);
}

function createTimeout(win: WindowLike, signal: AbortSignal, ms: number): Schedule {
  const pending = new Set<unknown>();
  signal.addEventListener('abort', () => {
    for (const id of pending) win.clearTimeout(id);
    pending.clear();
  }, { once: true });
  return (cb) => {
    if (signal.aborted) return;
    const id = win.setTimeout(() => {
      pending.delete(id);
      if (!signal.aborted) cb();
    }, ms);
    pending.add(id);
  };
}

/** Run `cb` before the next paint (requestAnimationFrame; a 16 ms timer where there is none). */
export function createFrame(win: WindowLike, signal: AbortSignal): Schedule {
  const raf = win.requestAnimationFrame;
  const caf = win.cancelAnimationFrame;
  if (typeof raf !== 'function') return createTimeout(win, signal, 16);
  const pending = new Set<number>();
  signal.addEventListener('abort', () => {
    if (typeof caf === 'function') for (const id of pending) caf.call(win, id);
    pending.clear();
  }, { once: true });
  return (cb) => {
    if (signal.aborted) return;
    const id = raf.call(win, () => {
      pending.delete(id);
      if (!signal.aborted) cb();
    });
    pending.add(id);
  };
}

/**
 * Runs `cb` once, in a task after the page's next frame (its style, layout and paint): work
 * the first paint does not need goes after it. A document without frames (a hidden tab)
 * paints none, so `fallbackMs` later it runs all the same.
 */
export function afterNextFrame(win: WindowLike, signal: AbortSignal, cb: () => void, fallbackMs = 100): void {
  let done = false;
  const once = (): void => {
    if (done || signal.aborted) return;
    done = true;
    cb();
  };
  const task = createTaskYield(win, signal);
  createFrame(win, signal)(() => task(once));
  createTimeout(win, signal, fallbackMs)(once);
}

/** The default clock: performance.now where there is one. */
export function defaultNow(): () => number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  if (perf && typeof perf.now === 'function') {
    const now = perf.now.bind(perf);
    return now;
  }
  return Date.now;
}
