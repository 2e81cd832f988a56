// Time slicing with a fake clock, viewport first, and document order for the first-reference rule.
import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../core/matcher-types';
import type { PageMention } from '../../dom/page-scanner';
import { loadPage, startScanner, testMatcher } from './helpers';

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

function bigPage(paragraphs: number, visibleFrom: number, visibleTo: number): string {
  let body = '';
  for (let i = 0; i < paragraphs; i++) {
    const vis = i >= visibleFrom && i < visibleTo ? ' data-visible' : '';
    const text = i === 5 ? 'Samantha Power opened the session.' : i % 50 === 7 ? 'Power spoke again.' : i % 10 === 3 ? 'Vitaly <b>Churkin</b> replied.' : `Filler paragraph ${i}.`;
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

  it('matches the viewport first, and only publishes weak mentions once confirmed in document order', async () => {
    const world = costlyWorld(1);
    // Visible: paragraphs 300..320 — they contain "Power spoke again." at 307, confirmed by
    // "Samantha Power" at paragraph 5, far above and not visible.
    const doc = loadPage(bigPage(400, 300, 320));
    const h = startScanner(doc, {
      matcher: world.matcher,
      now: world.now,
      budgetMs: 10,
      isVisible: (el) => el.hasAttribute('data-visible'),
    });
    h.sched.runTasks(1);
    // First task: only visible blocks were matched; the weak "Power" waits for paragraph 5.
    const first = h.changes[0]!;
    expect(first.length).toBeGreaterThan(0);
    const blockIdx = (m: PageMention): number => Number((m.range.startContainer.parentElement!.closest('p')!).id.slice(1));
    for (const m of first) expect(blockIdx(m)).toBeGreaterThanOrEqual(300);
    expect(first.some((m) => m.entity === 'samantha-power')).toBe(false);
    h.sched.runTasks();
    const final = h.scanner.mentions();
    const powers = final.filter((m) => m.entity === 'samantha-power').map(blockIdx);
    expect(powers).toEqual([5, 7, 57, 107, 157, 207, 257, 307, 357]);
    // Published mentions are never retracted while a static page is being scanned.
    for (let i = 1; i < h.changes.length; i++) {
      const now = new Set(h.changes[i]);
      for (const m of h.changes[i - 1]!) expect(now.has(m)).toBe(true);
    }
    // And the final result equals a scan without viewport priority.
    const plain = startScanner(loadPage(bigPage(400, 300, 320)));
    plain.sched.runTasks();
    expect(final.map((m) => `${m.entity}@${blockIdx(m)}`)).toEqual(plain.scanner.mentions().map((m) => `${m.entity}@${blockIdx(m)}`));
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
