// Time slicing with a fake clock, the top of the page first, the viewport ahead of the walk,
// and document order for the first-reference rule.
import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../core/matcher-types';
import type { PageMention } from '../../dom/page-scanner';
import { loadPage, startScanner, testMatcher } from './helpers';
import { joinedText } from '../../scripts/scan';

/** A clock that only moves when work is done: each find() costs `cost` ms, each node read nothing. */
function costlyWorld(cost: number): { matcher: Matcher; now: () => number; advance: (ms: number) => void } {
  const inner = testMatcher();
  let t = 0;
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    matcher: { find: (s) => ((t += cost), inner.find(s)), typeOf: (e) => inner.typeOf(e) },
  };
}

function bigPage(paragraphs: number, visibleFrom: number, visibleTo: number, strongAt = 5): string {
  let body = '';
  for (let i = 0; i < paragraphs; i++) {
    const vis = i >= visibleFrom && i < visibleTo ? ' data-visible' : '';
    const text = i === strongAt ? 'Samantha Power opened the session.' : i % 50 === 7 ? 'Power spoke again.' : i % 10 === 3 ? 'Vitaly <b>Churkin</b> replied.' : `Filler paragraph ${i}.`;
    // Sections of 20: happy-dom's nextSibling is O(siblings), so no flat lists of thousands.
    if (i % 20 === 0) body += i === 0 ? '<section>' : '</section><section>';
    body += `<p id="p${i}"${vis}>${text}</p>\n`;
  }
  body += '</section>';
  return `<!doctype html><html><body><main>${body}</main></body></html>`;
}

describe('chunked scanning', () => {
  it('keeps every task within the time budget', async () => {
    const world = costlyWorld(3);
    const doc = loadPage(bigPage(400, 0, 0));
    const h = startScanner(doc, { matcher: world.matcher, now: world.now, budgetMs: 20 });
    const durations: number[] = [];
    while (h.sched.tasks.length > 0) {
      const start = world.now();
      h.sched.tasks.shift()!();
      durations.push(world.now() - start);
    }
    expect(h.errors).toEqual([]);
    expect(durations.length).toBeGreaterThan(50); // 400 × 3 ms of matching, sliced
    // The budget is checked before each run: a task may overrun by at most one run's cost.
    for (const d of durations) expect(d).toBeLessThanOrEqual(20 + 3);
    expect(h.scanner.mentions().filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(40);
  });

  it('publishes in a task of its own once a task has spent its budget (the top of the page aside)', async () => {
    // Publishing the whole page (every range, every block to watch) is the costliest single
    // step on a big page: it never starts after the deadline of a task that matched. Several
    // budgets, so that some of them end the walk with the time spent.
    let checked = 0;
    for (let budget = 7; budget <= 30; budget++) {
      const world = costlyWorld(3);
      let taskStart = 0;
      /** Time spent in the task when each publish happened. */
      const published: number[] = [];
      const h = startScanner(loadPage(bigPage(120, 0, 0)), { matcher: world.matcher, now: world.now, budgetMs: budget, onChange: () => published.push(world.now() - taskStart) });
      while (h.sched.tasks.length > 0) {
        taskStart = world.now();
        h.sched.tasks.shift()!();
      }
      expect(h.errors).toEqual([]);
      expect(h.scanner.mentions().filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(12);
      // The first publish is the top of the page, at the end of its chunk; every later one
      // comes before that task's deadline.
      for (const spent of published.slice(1)) expect(spent, `budget ${budget}`).toBeLessThan(budget);
      checked += published.length - 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('slices the collection walk of a huge page too', { timeout: 60_000 }, async () => {
    let t = 0;
    const doc = loadPage(bigPage(1500, 0, 0));
    // Reading the clock costs 1 ms: the walker checks it every few dozen nodes.
    const h = startScanner(doc, { now: () => ++t, budgetMs: 10 });
    let tasks = 0;
    while (h.sched.tasks.length > 0 && tasks < 100_000) {
      h.sched.tasks.shift()!();
      tasks++;
    }
    expect(tasks).toBeGreaterThan(100);
    expect(h.scanner.mentions().filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(150);
    expect(h.errors).toEqual([]);
  });

  it('reads the viewport ahead of the walk after the first frame, and only publishes weak mentions once confirmed in document order', async () => {
    const world = costlyWorld(1);
    // Visible: paragraphs 300..320 — they hold "Power spoke again." at 307, confirmed only by
    // "Samantha Power" at paragraph 250, above the viewport.
    const html = bigPage(400, 300, 320, 250);
    const doc = loadPage(html);
    const h = startScanner(doc, {
      matcher: world.matcher,
      now: world.now,
      budgetMs: 10,
      viewportBlocks: () => doc.querySelectorAll('[data-visible]'),
    });
    const blockIdx = (m: PageMention): number => Number((m.range.startContainer.parentElement!.closest('p')!).id.slice(1));
    // After the first frame, the next tasks read the viewport's blocks (ten 1 ms finds a task),
    // publishing after each.
    h.sched.runFrames();
    h.sched.runTasks(1);
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0]!.map(blockIdx)).toEqual([303]);
    h.sched.runTasks(1);
    const early = h.changes[h.changes.length - 1]!.map((m) => `${m.entity}@${blockIdx(m)}`);
    expect(early).toEqual(['vitaly-churkin@303', 'vitaly-churkin@313']); // the weak "Power" at 307 waits
    // Then the walk from the top, in document order.
    h.sched.runTasks(1);
    expect(h.changes[h.changes.length - 1]!.map(blockIdx)).toContain(3);
    h.sched.runTasks();
    const final = h.scanner.mentions();
    const powers = final.filter((m) => m.entity === 'samantha-power').map(blockIdx);
    expect(powers).toEqual([250, 257, 307, 357]);
    // Published mentions are never retracted while a static page is being scanned.
    for (let i = 1; i < h.changes.length; i++) {
      const now = new Set(h.changes[i]);
      for (const m of h.changes[i - 1]!) expect(now.has(m)).toBe(true);
    }
    // The result, and the text read (each block once, in document order), equal a scan
    // without the viewport probe.
    const plain = startScanner(loadPage(html));
    plain.sched.runTasks();
    expect(final.map((m) => `${m.entity}@${blockIdx(m)}`)).toEqual(plain.scanner.mentions().map((m) => `${m.entity}@${blockIdx(m)}`));
    expect(joinedText(h.scanner).text).toBe(joinedText(plain.scanner).text);
    expect(h.errors).toEqual([]);
  });

  it('publishes the top of the page after one chunk when the viewport is at the top', async () => {
    const world = costlyWorld(1);
    const h = startScanner(loadPage(bigPage(400, 0, 0)), { matcher: world.matcher, now: world.now, budgetMs: 10 });
    h.sched.runTasks(1);
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0]!.map((m) => m.text)).toEqual(expect.arrayContaining(['Samantha Power', 'Vitaly Churkin']));
    expect(h.scanner.idle()).toBe(false);
  });

  it('is idle, and says so once, as soon as a first chunk run at once reads the whole page', async () => {
    let idles = 0;
    const h = startScanner(loadPage('<p>Vitaly Churkin met Samantha Power.</p>'), { firstChunkNow: true, onIdle: () => void idles++ });
    // start() asked for a task after the first frame before it ran the first chunk; with
    // nothing left to do, it does not count.
    expect(h.sched.frames.length).toBeGreaterThan(0);
    expect(h.scanner.idle()).toBe(true);
    expect(idles).toBe(1);
    expect(h.changes).toHaveLength(1);
    h.sched.runFrames();
    h.sched.runTasks();
    expect(h.scanner.idle()).toBe(true);
  });

  it('gives a first chunk run at once more time than later chunks: its text limit bounds it', () => {
    // 30 paragraphs at 1 ms a find: 30 ms of work, over the 16 ms of a later chunk.
    const world = costlyWorld(1);
    const h = startScanner(loadPage(bigPage(30, 0, 0)), { firstChunkNow: true, matcher: world.matcher, now: world.now });
    expect(world.now()).toBeGreaterThan(16);
    expect(h.scanner.idle()).toBe(true);
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0]!.filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(3);
  });

  it('reads at most 16 KB of text in a first chunk run at once, draws what it found, and leaves the rest to tasks after the first frame', () => {
    // 2,000 paragraphs of ~20 characters: ~40 KB of text; the clock never runs out.
    const doc = loadPage(bigPage(2000, 0, 0));
    const h = startScanner(doc, { firstChunkNow: true, now: () => 0 });
    expect(h.changes).toHaveLength(1);
    const first = h.changes[0]!;
    const lastRead = Math.max(...first.map((m) => Number(m.block.id.slice(1))));
    // The top of the page, not all of it: 16 KB of text, give or take the few dozen nodes
    // the walk reads between two looks at its limits (mentions are every 10th paragraph).
    const textUpTo = (n: number): number => [...doc.querySelectorAll('p')].slice(0, n + 1).reduce((k, p) => k + p.textContent!.length, 0);
    expect(textUpTo(lastRead + 10)).toBeGreaterThanOrEqual(16_384);
    expect(textUpTo(lastRead)).toBeLessThan(16_384 + 1_000);
    expect(first[0]!.block.id).toBe('p3');
    expect(h.scanner.idle()).toBe(false);
    // Nothing more before the page's first frame: the next task is asked for from inside it.
    expect(h.sched.tasks).toHaveLength(0);
    h.sched.runFrames();
    expect(h.sched.tasks).toHaveLength(1);
    h.sched.runTasks();
    const all = h.scanner.mentions();
    expect(all.filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(200);
    expect(h.scanner.idle()).toBe(true);
  });

  it('with readBeforeFirstFrameMs, goes on reading in short tasks until the first frame, then in full ones', () => {
    // 2,000 paragraphs of ~20 characters, past the first chunk's 16 KB; each find costs 0.5 ms.
    const world = costlyWorld(0.5);
    const doc = loadPage(bigPage(2000, 0, 0));
    const h = startScanner(doc, { firstChunkNow: true, readBeforeFirstFrameMs: 4, matcher: world.matcher, now: world.now });
    expect(h.changes).toHaveLength(1);
    const timed = (): number => {
      const start = world.now();
      h.sched.tasks.shift()!();
      return world.now() - start;
    };
    // Before the frame: a task is queued at once, and each runs about 4 ms (one find over at most).
    const before: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(h.sched.tasks).toHaveLength(1);
      before.push(timed());
    }
    for (const d of before) {
      expect(d).toBeGreaterThanOrEqual(4);
      expect(d).toBeLessThanOrEqual(4.5);
    }
    // The frame: the task queued before it runs with the usual 16 ms.
    h.sched.runFrames();
    expect(h.sched.tasks).toHaveLength(1);
    const after = timed();
    expect(after).toBeGreaterThanOrEqual(16);
    expect(after).toBeLessThanOrEqual(16.5);
    h.sched.runTasks();
    expect(h.scanner.mentions().filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(200);
    expect(h.scanner.idle()).toBe(true);
    expect(h.errors).toEqual([]);
  });

  it('never reads viewport blocks inside an editable region, nor ones the walk has read', async () => {
    const doc = loadPage(`<!doctype html><html><body>
      <p id="a">Vitaly Churkin spoke.</p>
      <div contenteditable="true"><p id="ed">Matthew Rycroft typed here.</p></div>
      <p id="b">Samantha Power answered.</p></body></html>`);
    const h = startScanner(doc, {
      viewportBlocks: () => [doc.getElementById('ed')!, doc.getElementById('b')!, doc.getElementById('b')!],
    });
    h.sched.runFrames();
    await h.sched.settle();
    expect(h.scanner.mentions().map((m) => m.entity)).toEqual(['vitaly-churkin', 'samantha-power']);
    expect(joinedText(h.scanner).text).toBe('Vitaly Churkin spoke.\n\nSamantha Power answered.');
    expect(h.errors).toEqual([]);
  });

  it('holds mutations that arrive mid-scan and applies them when collection ends', { timeout: 60_000 }, async () => {
    let t = 0;
    const doc = loadPage(bigPage(2000, 0, 0));
    const h = startScanner(doc, { now: () => ++t, budgetMs: 5 });
    h.sched.runTasks(1);
    const p = doc.createElement('p');
    p.textContent = 'Matthew Rycroft, late addition.';
    doc.body.prepend(p);
    doc.getElementById('p3')!.remove();
    await h.sched.settle();
    const ms = h.scanner.mentions();
    expect(ms[0]!.entity).toBe('matthew-rycroft');
    expect(ms.filter((m) => m.entity === 'vitaly-churkin')).toHaveLength(199);
    for (const m of ms) expect(m.range.startContainer.isConnected).toBe(true);
  });
});
