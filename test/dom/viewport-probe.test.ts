import { describe, expect, it } from 'vitest';
import { builtinsFor } from '../../dom/builtins';
import type { CaretPoint } from '../../dom/caret';
import { probeViewportBlocks } from '../../dom/viewport-probe';
import { loadPage } from './helpers';

interface Box { left: number; top: number; right: number; bottom: number }
const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const within = (b: Box, x: number, y: number): boolean => x >= b.left && y >= b.top && x < b.right && y < b.bottom;

/**
 * A 1024 × 768 viewport (the probe's columns at x 204.8, 512 and 819.2; rows every 40 px from
 * 20): an article of flat paragraphs 120 px tall, a block with text of its own and a paragraph
 * inside it (not flat), and a small sidebar paragraph at the right that is last in the document.
 */
function page() {
  const doc = loadPage(`<html><body><article>
    <p id="p0">Zero.</p><p id="p1">One.</p><p id="p2">Two.</p><p id="p3">Three.</p>
    <div id="mixed">Lead text.<p id="inner">Inner.</p></div>
    <p id="p4">Four.</p>
  </article><aside><p id="side">Side.</p></aside></body></html>`);
  const el = (id: string) => doc.getElementById(id)!;
  const text = (id: string) => el(id).firstChild as Text;
  // What a caret hit test finds at a point: the text laid out there (the mixed block's own
  // text in its first 50 px, its paragraph below).
  const lines: [Box, Text][] = [
    [box(0, 0, 700, 120), text('p0')],
    [box(0, 120, 700, 240), text('p1')],
    [box(0, 240, 700, 360), text('p2')],
    [box(0, 360, 700, 480), text('p3')],
    [box(0, 480, 700, 530), text('mixed')],
    [box(0, 530, 700, 680), text('inner')],
    [box(0, 680, 700, 800), text('p4')],
    [box(760, 40, 1024, 80), text('side')],
  ];
  const rects = new Map<Element, Box>([
    ...['p0', 'p1', 'p2', 'p3', 'inner', 'p4', 'side'].map((id) => [el(id), lines.find(([, t]) => t === text(id))![0]] as [Element, Box]),
    [el('mixed'), box(0, 480, 700, 680)],
  ]);
  let tests = 0;
  const caretAt = (x: number, y: number): CaretPoint | null => {
    tests++;
    const hit = lines.find(([b]) => within(b, x, y));
    return hit ? { node: hit[1], offset: 0 } : null;
  };
  return { doc, caretAt, rectOf: (e: Element) => rects.get(e) ?? null, tests: () => tests };
}

describe('the viewport probe', () => {
  it('finds every block a test at each grid point finds, with far fewer hit tests', () => {
    const every = page();
    // Every point tested: a block box that covers no point is never reported as covered.
    const all = probeViewportBlocks(every.doc, builtinsFor(every.doc), every.doc.body, { caretAt: every.caretAt, rectOf: () => null });
    const allTests = every.tests();
    expect(allTests).toBe(19 * 3);

    const s = page();
    const found = probeViewportBlocks(s.doc, builtinsFor(s.doc), s.doc.body, { caretAt: s.caretAt, rectOf: s.rectOf });
    expect(found.map((e) => e.id)).toEqual(all.map((e) => e.id));
    // The block with text of its own is found, and so is the paragraph inside it: a block
    // that is not flat is never skipped over.
    expect(found.map((e) => e.id)).toEqual(['p0', 'side', 'p1', 'p2', 'p3', 'mixed', 'inner', 'p4']);
    // In the two main columns one test per flat paragraph and two on the mixed block's line (8
    // instead of 38); the sidebar's column has a test in each of its 19 rows.
    expect(s.tests()).toBe(8 + 19);
  });

  it('tests the points inside a block that is not flat', () => {
    const s = page();
    const tested: [number, number][] = [];
    const caretAt = (x: number, y: number) => (tested.push([x, y]), s.caretAt(x, y));
    probeViewportBlocks(s.doc, builtinsFor(s.doc), s.doc.body, { caretAt, rectOf: s.rectOf });
    // Inside the mixed block (480–680): its text's row and every row of its paragraph until
    // that paragraph is found; inside a flat paragraph, only the first point.
    expect(tested.filter(([x, y]) => x < 700 && y >= 480 && y < 530).length).toBe(2);
    expect(tested.filter(([x, y]) => x < 700 && y >= 0 && y < 120).length).toBe(1);
  });
});
