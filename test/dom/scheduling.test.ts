// afterNextFrame (dom/scheduling.ts): what the content script leaves for after the page's
// first frame runs once, in a task after that frame, or after a while in a document that
// paints no frames; never after its signal aborted.
import { describe, expect, it } from 'vitest';
import { afterNextFrame } from '../../dom/scheduling';

/** A window whose frames and timers run when the test says. */
function fakeWindow() {
  const frames: (() => void)[] = [];
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    win: {
      requestAnimationFrame: (cb: () => void) => (frames.push(cb), frames.length),
      cancelAnimationFrame: () => {},
      setTimeout: (cb: () => void) => (timers.set(next, cb), next++),
      clearTimeout: (id: unknown) => void timers.delete(id as number),
    },
    frame: () => frames.splice(0).forEach((f) => f()),
    timers: () => [...timers.values()].forEach((f) => f()),
  };
}

/** Lets a posted task (postTask or a MessageChannel message) run. */
const aTaskLater = () => new Promise((r) => setTimeout(r, 10));

describe('afterNextFrame', () => {
  it('runs in a task after the next frame, and once only', async () => {
    const w = fakeWindow();
    let runs = 0;
    afterNextFrame(w.win, new AbortController().signal, () => runs++);
    await aTaskLater();
    expect(runs).toBe(0);
    w.frame();
    // Not inside the frame: in a task after it.
    expect(runs).toBe(0);
    await aTaskLater();
    expect(runs).toBe(1);
    w.timers();
    expect(runs).toBe(1);
  });

  it('runs after the fallback time in a document that paints no frames', () => {
    const w = fakeWindow();
    let runs = 0;
    afterNextFrame(w.win, new AbortController().signal, () => runs++);
    w.timers();
    expect(runs).toBe(1);
  });

  it('never runs once its signal has aborted', async () => {
    const w = fakeWindow();
    const abort = new AbortController();
    let runs = 0;
    afterNextFrame(w.win, abort.signal, () => runs++);
    abort.abort();
    w.frame();
    w.timers();
    await aTaskLater();
    expect(runs).toBe(0);
  });
});
