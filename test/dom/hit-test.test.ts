import { describe, expect, it, vi } from 'vitest';
import { createHitTester, lineBoxAt, type CaretPoint } from '../../dom/hit-test';
import type { PageMention } from '../../dom/page-scanner';
import { loadPage, startScanner } from './helpers';

const rect = (x: number, y: number, w: number, h: number): DOMRect => new DOMRect(x, y, w, h);

async function setup() {
  const doc = loadPage('<html><body><p id="p">US envoy Samantha <b>Power</b> spoke; then Vitaly Churkin answered.</p><p id="q">Nothing here.</p></body></html>');
  const h = startScanner(doc);
  await h.sched.settle();
  const [power, churkin] = h.scanner.mentions() as [PageMention, PageMention];
  // Fake layout: "Samantha Power" on one line in two text nodes; "Vitaly Churkin" wraps.
  const layout = new Map<PageMention, DOMRect[]>([
    [power, [rect(100, 10, 70, 20), rect(172, 10, 38, 20)]],
    [churkin, [rect(400, 10, 50, 20), rect(0, 30, 60, 20)]],
  ]);
  let caret: CaretPoint | null = null;
  const tester = createHitTester(doc, () => h.scanner.mentions(), {
    caretAt: () => caret,
    rectsOf: (r) => [...layout].find(([m]) => m.range === r)?.[1] ?? [],
  });
  const p = doc.getElementById('p')!;
  const first = p.firstChild as Text; // "US envoy Samantha "
  const bold = p.querySelector('b')!.firstChild as Text; // "Power"
  const rest = p.lastChild as Text; // " spoke; then Vitaly Churkin answered."
  return { doc, h, power, churkin, tester, first, bold, rest, setCaret: (c: CaretPoint | null) => (caret = c) };
}

describe('hit testing', () => {
  it('finds the mention under the caret and returns its whole line box', async () => {
    const s = await setup();
    s.setCaret({ node: s.bold, offset: 2 });
    const hit = s.tester.at(180, 20)!;
    expect(hit.mention).toBe(s.power);
    expect([hit.lineRect.left, hit.lineRect.top, hit.lineRect.right, hit.lineRect.bottom]).toEqual([100, 10, 210, 30]);
    s.setCaret({ node: s.first, offset: 12 });
    expect(s.tester.at(120, 15)?.mention).toBe(s.power);
  });

  it('anchors a wrapped mention to the line under the pointer', async () => {
    const s = await setup();
    const at = s.rest.data.indexOf('Churkin') + 3;
    s.setCaret({ node: s.rest, offset: at });
    const hit = s.tester.at(30, 40)!;
    expect(hit.mention).toBe(s.churkin);
    expect([hit.lineRect.left, hit.lineRect.top, hit.lineRect.width, hit.lineRect.height]).toEqual([0, 30, 60, 20]);
  });

  it('is not fooled by the caret snapping to a line end, or by text outside mentions', async () => {
    const s = await setup();
    s.setCaret({ node: s.bold, offset: 5 }); // caret after "Power", pointer far right of the line
    expect(s.tester.at(700, 20)).toBeNull();
    s.setCaret({ node: s.rest, offset: 3 }); // "spoke"
    expect(s.tester.at(230, 20)).toBeNull();
    s.setCaret(null);
    expect(s.tester.at(120, 15)).toBeNull();
    s.setCaret({ node: s.doc.getElementById('q')!.firstChild!, offset: 2 });
    expect(s.tester.at(120, 15)).toBeNull();
  });

  it('maps only the block under the pointer: other blocks read flat stay unmapped', async () => {
    const doc = loadPage('<html><body><p id="a">Vitaly Churkin spoke.</p><p id="b">Samantha Power answered.</p><p id="c">Then Churkin left.</p></body></html>');
    const h = startScanner(doc);
    await h.sched.settle();
    const ms = h.scanner.mentions();
    expect(ms.map((m) => m.block.id)).toEqual(['a', 'b', 'c']);
    // Every paragraph here is read flat: its offset map is made on first use.
    const reads = ms.map((m) => vi.spyOn(m.run, 'pieces', 'get'));
    const text = doc.getElementById('b')!.firstChild as Text;
    const tester = createHitTester(doc, () => ms, {
      caretAt: () => ({ node: text, offset: 3 }),
      rectsOf: (r) => (r === ms[1]!.range ? [rect(0, 0, 100, 20)] : []),
    });
    expect(tester.at(10, 10)?.mention).toBe(ms[1]);
    expect(reads.map((r) => r.mock.calls.length > 0)).toEqual([false, true, false]);
  });

  it('falls back to testing rects when there is no caret API', async () => {
    const s = await setup();
    const tester = createHitTester(s.doc, () => s.h.scanner.mentions(), {
      rectsOf: (r) => (r === s.churkin.range ? [rect(400, 10, 50, 20)] : []),
    });
    // happy-dom has neither caretPositionFromPoint nor caretRangeFromPoint.
    expect(tester.at(410, 20)?.mention).toBe(s.churkin);
    expect(tester.at(10, 10)).toBeNull();
  });

  it('joins same-line rects and ignores empty ones', () => {
    const doc = loadPage('<html><body></body></html>');
    const box = lineBoxAt(doc, [rect(0, 0, 0, 0), rect(10, 0, 20, 10), rect(31, 1, 10, 8), rect(0, 12, 30, 10)], 15, 5)!;
    expect([box.left, box.top, box.right, box.bottom]).toEqual([10, 0, 41, 10]);
    expect(lineBoxAt(doc, [rect(10, 0, 20, 10)], 50, 5)).toBeNull();
  });

});
