// Never throw to the page: failing seams, hostile prototypes, odd documents.
import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../core/matcher-types';
import { Highlighter } from '../../dom/highlighter';
import { scrollToMention } from '../../dom/scroll';
import { fakeRegistry, loadPage, startScanner, summary, testMatcher } from './helpers';

const HTML = '<html><body><p>Samantha Power met Vitaly Churkin.</p><p>Ban Ki-moon too.</p></body></html>';

describe('robustness', () => {
  it('reports matcher and onChange failures through onError and keeps going', async () => {
    const inner = testMatcher();
    const matcher: Matcher = {
      find: (t) => {
        if (t.startsWith('Ban')) throw new Error('matcher blew up');
        return inner.find(t);
      },
      typeOf: (e) => inner.typeOf(e),
    };
    let calls = 0;
    const h = startScanner(loadPage(HTML), {
      matcher,
      onChange: () => {
        calls++;
        throw new Error('integrator bug');
      },
    });
    await h.sched.settle();
    expect(calls).toBeGreaterThan(0);
    expect(new Set(h.errors.map((e) => (e as Error).message))).toEqual(new Set(['integrator bug', 'matcher blew up']));
    expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Vitaly Churkin']);
  });

  it('survives an onError that throws too', async () => {
    const h = startScanner(loadPage(HTML), {
      matcher: { find: () => { throw new Error('x'); }, typeOf: () => undefined },
      onError: () => { throw new Error('y'); },
    });
    await expect(h.sched.settle()).resolves.toBeUndefined();
  });

  it('ignores matches of unknown entities and out-of-range offsets', async () => {
    const h = startScanner(loadPage(HTML), {
      matcher: {
        find: (t) => [{ start: 0, end: 3, entity: 'ghost', weak: false }, { start: 2, end: t.length + 50, entity: 'samantha-power', weak: false }],
        typeOf: (e) => (e === 'samantha-power' ? 'person' : undefined),
      },
    });
    await h.sched.settle();
    expect(h.scanner.mentions()).toEqual([]);
    expect(h.errors).toEqual([]);
  });

  it('works when the page has replaced DOM built-ins after load', async () => {
    const doc = loadPage(HTML);
    const win = doc.defaultView as unknown as typeof globalThis;
    const saved = {
      getAttribute: win.Element.prototype.getAttribute,
      createRange: win.Document.prototype.createRange,
      getComputedStyle: win.getComputedStyle,
    };
    try {
      // What the scanner must not rely on (it captured its own copies at module load).
      win.Element.prototype.getAttribute = () => { throw new Error('hostile getAttribute'); };
      win.Document.prototype.createRange = () => { throw new Error('hostile createRange'); };
      win.getComputedStyle = () => { throw new Error('hostile getComputedStyle'); };
      const h = startScanner(doc);
      await h.sched.settle();
      expect(h.errors).toEqual([]);
      expect(summary(h.scanner.mentions()).map((m) => m.text)).toEqual(['Samantha Power', 'Vitaly Churkin', 'Ban Ki-moon']);
    } finally {
      win.Element.prototype.getAttribute = saved.getAttribute;
      win.Document.prototype.createRange = saved.createRange;
      win.getComputedStyle = saved.getComputedStyle;
    }
  });

  it('copes with an empty document, a document without body, and destroy() before start', async () => {
    const empty = loadPage('');
    const h1 = startScanner(empty);
    await h1.sched.settle();
    expect(h1.scanner.mentions()).toEqual([]);
    const xml = new DOMParser().parseFromString('<root><p>Vitaly Churkin</p></root>', 'application/xml');
    const h2 = startScanner(xml as unknown as Document);
    await h2.sched.settle();
    expect(h2.errors).toEqual([]);
    const h3 = startScanner(loadPage(HTML));
    h3.scanner.destroy();
    await h3.sched.settle();
    expect(h3.scanner.mentions()).toEqual([]);
  });

  it('scrollToMention scrolls and flashes, and refuses stale mentions', async () => {
    const doc = loadPage(HTML);
    const h = startScanner(doc);
    await h.sched.settle();
    const fake = fakeRegistry();
    const hl = new Highlighter(doc, fake);
    const m = h.scanner.mentions()[1]!;
    const abort = new AbortController();
    expect(scrollToMention(m, { highlighter: hl, signal: abort.signal, behavior: 'auto' })).toBe(true);
    expect([...(fake.registry.get('factcard-flash') as unknown as Set<AbstractRange>)]).toEqual([m.range]);
    abort.abort();
    expect((fake.registry.get('factcard-flash') as unknown as Set<AbstractRange>).size).toBe(0);
    doc.body.replaceChildren();
    expect(scrollToMention(m)).toBe(false);
  });
});
