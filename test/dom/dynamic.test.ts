// Dynamic pages: mutation batching per frame, re-scanning only changed blocks, stale ranges,
// own UI, bursts, SPA navigations.
import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../core/matcher-types';
import { loadPage, startScanner, summary, testMatcher } from './helpers';

/** The test matcher, recording the strings it is asked about. */
function countingMatcher(): Matcher & { calls: string[] } {
  const inner = testMatcher();
  const calls: string[] = [];
  return { calls, find: (t) => (calls.push(t), inner.find(t)), typeOf: (e) => inner.typeOf(e) };
}

const PAGE = `<!doctype html><html><body>
<main id="main">
  <p id="p1">Samantha Power spoke first.</p>
  <p id="p2">Nothing to see here.</p>
  <div id="feed"><p>Aleppo was bombed again.</p></div>
</main></body></html>`;

describe('dynamic pages', () => {
  it('re-scans an appended block, once per frame, and nothing else', async () => {
    const doc = loadPage(PAGE);
    const matcher = countingMatcher();
    const h = startScanner(doc, { matcher });
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Aleppo']);
    matcher.calls.length = 0;
    const changesBefore = h.changes.length;

    const feed = doc.getElementById('feed')!;
    for (const text of ['Vitaly Churkin replied.', 'Churkin left.', 'Then Ban spoke.']) {
      const p = doc.createElement('p');
      p.textContent = text;
      feed.appendChild(p);
    }
    await new Promise((r) => setTimeout(r, 0)); // observer records delivered
    expect(h.sched.frames.length).toBe(1); // one frame for the whole batch
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Aleppo', 'Vitaly Churkin', 'Churkin']);
    // Only the feed's own text (none) and the three new blocks were read again.
    expect(matcher.calls.sort()).toEqual(['Churkin left.', 'Then Ban spoke.', 'Vitaly Churkin replied.']);
    expect(h.changes.length).toBe(changesBefore + 1);
  });

  it('follows text edits (characterData) and drops mentions of removed nodes', async () => {
    const doc = loadPage(PAGE);
    const h = startScanner(doc);
    await h.sched.settle();
    const p2 = doc.getElementById('p2')!;
    (p2.firstChild as Text).data = 'Now Matthew Rycroft is here.';
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Matthew Rycroft', 'Aleppo']);
    const rycroft = h.scanner.mentions()[1]!;
    expect(rycroft.range.toString()).toBe('Matthew Rycroft');

    doc.getElementById('p1')!.remove();
    p2.firstChild!.remove();
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Aleppo']);
    for (const m of h.scanner.mentions()) expect(m.range.startContainer.isConnected).toBe(true);
  });

  it('confirms a weak mention when a strong one is inserted before it, not after', async () => {
    const doc = loadPage('<html><body><div id="a"></div><p id="weak">Power said no.</p><div id="b"></div></body></html>');
    const h = startScanner(doc);
    await h.sched.settle();
    expect(h.scanner.mentions()).toEqual([]);
    const after = doc.createElement('p');
    after.textContent = 'Samantha Power arrived.';
    doc.getElementById('b')!.appendChild(after);
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power']);
    const before = doc.createElement('p');
    before.textContent = 'Samantha Power, the ambassador.';
    doc.getElementById('a')!.appendChild(before);
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Power', 'Samantha Power']);
  });

  it('re-reads a moved subtree (its old ranges collapsed on removal)', async () => {
    const doc = loadPage('<html><body><section id="s1"><article id="art"><p>Vitaly <b>Churkin</b> spoke.</p></article></section><section id="s2"></section></body></html>');
    const h = startScanner(doc);
    await h.sched.settle();
    doc.getElementById('s2')!.appendChild(doc.getElementById('art')!);
    await h.sched.settle();
    const ms = h.scanner.mentions();
    expect(summary(ms)).toEqual([{ entity: 'vitaly-churkin', text: 'Vitaly Churkin' }]);
    expect(ms[0]!.range.toString()).toBe('Vitaly Churkin');
  });

  it('joins text inserted into an inline element with its neighbours', async () => {
    const doc = loadPage('<html><body><p id="p">Vitaly <span id="s"></span> said.</p></body></html>');
    const h = startScanner(doc);
    await h.sched.settle();
    expect(h.scanner.mentions()).toEqual([]);
    doc.getElementById('s')!.appendChild(doc.createTextNode('Churkin'));
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Vitaly Churkin']);
  });

  it('ignores our own UI and non-text changes', async () => {
    const doc = loadPage(PAGE);
    const matcher = countingMatcher();
    const own = doc.createElement('div');
    const h = startScanner(doc, { matcher, isOwnNode: (n) => n === own });
    await h.sched.settle();
    matcher.calls.length = 0;
    const changes = h.changes.length;
    const host = doc.createElement('factcard-host');
    host.textContent = 'Vitaly Churkin card';
    doc.body.appendChild(host);
    own.textContent = 'Samantha Power card';
    doc.body.appendChild(own);
    host.textContent = 'Churkin';
    (own.firstChild as Text).data = 'Churkin again';
    const script = doc.createElement('script');
    script.textContent = 'var x = "Aleppo";';
    doc.body.appendChild(script);
    doc.body.appendChild(doc.createComment('Churkin'));
    await h.sched.settle();
    expect(matcher.calls).toEqual([]);
    expect(h.changes.length).toBe(changes);
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Aleppo']);
  });

  it('falls back to one full re-scan after a burst of more than 1,000 records', async () => {
    const doc = loadPage(PAGE);
    const matcher = countingMatcher();
    const h = startScanner(doc, { matcher });
    await h.sched.settle();
    matcher.calls.length = 0;
    const feed = doc.getElementById('feed')!;
    for (let i = 0; i < 1200; i++) {
      const p = doc.createElement('p');
      p.textContent = i === 600 ? 'Churkin in the middle.' : `Item ${i}`;
      feed.appendChild(p);
    }
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Aleppo', 'Churkin']);
    // Full re-scan: every block read exactly once (3 original + 1200 new).
    expect(matcher.calls.length).toBe(1203);
  });

  it('re-scans everything after an SPA navigation', async () => {
    const doc = loadPage(PAGE);
    const matcher = countingMatcher();
    const h = startScanner(doc, { matcher });
    await h.sched.settle();
    matcher.calls.length = 0;
    doc.defaultView!.history.pushState({}, '', '/next-article');
    const p2 = doc.getElementById('p2')!;
    (p2.firstChild as Text).data = 'Ban Ki-moon visited.';
    await h.sched.settle();
    expect(matcher.calls.length).toBe(3);
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Ban Ki-moon', 'Aleppo']);
    // popstate alone (no mutation) also triggers the URL check.
    matcher.calls.length = 0;
    doc.defaultView!.history.pushState({}, '', '/third');
    doc.defaultView!.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).PopStateEvent('popstate'));
    await h.sched.settle();
    expect(matcher.calls.length).toBe(3);
  });

  it('replaces the body (target: documentElement) with a full re-scan', async () => {
    const doc = loadPage(PAGE);
    const h = startScanner(doc);
    await h.sched.settle();
    const body = doc.createElement('body');
    body.innerHTML = '<p>Matthew Rycroft only.</p>';
    doc.documentElement.replaceChild(body, doc.body);
    await h.sched.settle();
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Matthew Rycroft']);
  });

  it('stops observing on abort and on destroy()', async () => {
    const doc = loadPage(PAGE);
    const matcher = countingMatcher();
    const h = startScanner(doc, { matcher });
    await h.sched.settle();
    h.abort.abort();
    matcher.calls.length = 0;
    doc.getElementById('feed')!.appendChild(doc.createElement('p')).textContent = 'Churkin';
    await h.sched.settle();
    expect(matcher.calls).toEqual([]);
    expect(h.scanner.mentions()).toEqual([]);
    h.scanner.rescan();
    h.scanner.start();
    await h.sched.settle();
    expect(matcher.calls).toEqual([]);
  });

  it('destroy() alone (caller signal still live) drops observers and listeners', async () => {
    const doc = loadPage(PAGE);
    const h = startScanner(doc);
    await h.sched.settle();
    h.scanner.destroy();
    doc.getElementById('feed')!.appendChild(doc.createElement('p')).textContent = 'Churkin';
    const win = doc.defaultView as unknown as typeof globalThis;
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    await new Promise((r) => setTimeout(r, 0));
    expect(h.sched.frames).toEqual([]);
    expect(h.sched.tasks).toEqual([]);
    expect(h.abort.signal.aborted).toBe(false);
  });
});
