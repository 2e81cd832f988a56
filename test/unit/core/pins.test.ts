import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addPin, layoutPins, MAX_PINS, overlaps, PIN_MAX_WIDTH, PIN_MIN_WIDTH, pinnedMaxHeight, pinnedWidth, removePin, type Size } from '../../../core/pins';

const key = (s: string) => s;

describe('the pin list', () => {
  it('keeps pins oldest first and drops the oldest past the limit', () => {
    let list: string[] = [];
    const droppedAll: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      const r = addPin(list, id, key, 3);
      list = r.list;
      droppedAll.push(...r.dropped);
    }
    expect(list).toEqual(['c', 'd', 'e']);
    expect(droppedAll).toEqual(['a', 'b']);
  });

  it('pinning a key already pinned replaces it and makes it the newest (no drop of another)', () => {
    const r = addPin(['a', 'b', 'c'], 'a', key, 3);
    expect(r.list).toEqual(['b', 'c', 'a']);
    expect(r.dropped).toEqual(['a']);
  });

  it('removes by key, keeping the order of the rest', () => {
    expect(removePin(['a', 'b', 'c'], 'b', key)).toEqual(['a', 'c']);
    expect(removePin(['a'], 'x', key)).toEqual(['a']);
  });

  it('never holds more than the limit, never two pins of a key, the newest always last (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (ids, max) => {
        let list: string[] = [];
        for (const id of ids) {
          const before = list;
          const r = addPin(list, id, key, max);
          list = r.list;
          expect(list.length).toBeLessThanOrEqual(max);
          expect(new Set(list).size).toBe(list.length);
          expect(list[list.length - 1]).toBe(id);
          // Nothing is lost silently: what was pinned is either still pinned or reported dropped.
          for (const old of before) expect(list.includes(old) || r.dropped.includes(old)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('the default limit is 3', () => {
    expect(MAX_PINS).toBe(3);
    expect(addPin(['a', 'b', 'c'], 'd', key).dropped).toEqual(['a']);
  });
});

describe('where the pinned stack goes', () => {
  const vp = { width: 1280, height: 900 };
  const card: Size = { width: 340, height: 260 };

  it('goes to the edge with more room beside the line being read', () => {
    const lineLeft = { left: 300, top: 400, right: 380, bottom: 420 };
    expect(layoutPins([card], vp, lineLeft).side).toBe('right');
    const lineRight = { left: 1000, top: 400, right: 1080, bottom: 420 };
    const r = layoutPins([card], vp, lineRight);
    expect(r.side).toBe('left');
    expect(r.places[0]?.left).toBe(8);
  });

  it('stacks from the end of the edge away from the line', () => {
    const high = { left: 300, top: 100, right: 380, bottom: 120 };
    const low = { left: 300, top: 780, right: 380, bottom: 800 };
    const fromBottom = layoutPins([card, card], vp, high).places;
    expect(fromBottom[0]?.top).toBe(900 - 8 - 260);
    expect(fromBottom[1]?.top).toBe(900 - 8 - 260 - 8 - 260);
    const fromTop = layoutPins([card, card], vp, low).places;
    expect(fromTop.map((p) => p.top)).toEqual([8, 8 + 260 + 8]);
  });

  it('cards that fit beside the line never cover it, and never each other (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 880 }),
        fc.integer({ min: 20, max: 200 }),
        fc.array(fc.integer({ min: 60, max: 400 }), { minLength: 1, maxLength: MAX_PINS }),
        (x, y, w, heights) => {
          const line = { left: x, top: y, right: Math.min(1280, x + w), bottom: y + 20 };
          const maxH = pinnedMaxHeight(vp);
          const sizes = heights.map((h) => ({ width: 340, height: Math.min(h, maxH) }));
          const { places } = layoutPins(sizes, vp, line);
          const boxes = places.map((p, i) => ({ left: p.left, top: p.top, right: p.left + sizes[i]!.width, bottom: p.top + sizes[i]!.height }));
          for (const b of boxes) {
            expect(b.top).toBeGreaterThanOrEqual(0);
            expect(b.bottom).toBeLessThanOrEqual(vp.height);
            expect(b.left).toBeGreaterThanOrEqual(0);
            expect(b.right).toBeLessThanOrEqual(vp.width);
          }
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
          const room = Math.max(line.left, vp.width - line.right);
          if (room >= 340 + 16) for (const b of boxes) expect(overlaps(b, line)).toBe(false);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('pinned cards narrow to the room beside the paragraph, within bounds', () => {
    // A 680 px column centred in 1280 px leaves 300 px either side.
    const column = { left: 300, top: 400, right: 980, bottom: 420 };
    const w = pinnedWidth(vp, column);
    expect(w).toBe(300 - 16);
    const card = { width: w, height: 200 };
    const [at] = layoutPins([card], vp, column).places;
    expect(overlaps({ left: at!.left, top: at!.top, right: at!.left + w, bottom: at!.top + 200 }, column)).toBe(false);
    expect(pinnedWidth(vp, null)).toBe(PIN_MAX_WIDTH);
    expect(pinnedWidth(vp, { left: 100, top: 0, right: 1180, bottom: 20 })).toBe(PIN_MIN_WIDTH);
    expect(pinnedWidth({ width: 200, height: 600 }, null)).toBe(200 - 16);
  });

  it('a pinned card is at most a third of the viewport high (so three fit)', () => {
    const h = pinnedMaxHeight(vp);
    expect(3 * h + 4 * 8).toBeLessThanOrEqual(vp.height);
  });
});
