// Drawing windowed to the viewport on pages with many mentions (dom/highlight-window.ts),
// with a fake "near" watcher standing in for the IntersectionObserver.
import { describe, expect, it } from 'vitest';
import { HighlightWindow, type NearWatcher } from '../../dom/highlight-window';
import type { PageMention } from '../../dom/page-scanner';
import { loadPage, startScanner } from './helpers';

class FakeWatcher implements NearWatcher {
  observed = new Set<Element>();
  disconnected = false;
  constructor(readonly report: (changes: readonly { target: Element; near: boolean }[]) => void) {}
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.disconnected = true;
    this.observed.clear();
  }
  /** Reports every observed block: near when `near(el)`. */
  reportAll(near: (el: Element) => boolean): void {
    this.report([...this.observed].map((target) => ({ target, near: near(target) })));
  }
}

function page(paragraphs: number): Document {
  let body = '';
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) body += i === 0 ? '<section>' : '</section><section>';
    body += `<p id="p${i}">Vitaly Churkin and Aleppo, ${i}.</p>\n`;
  }
  return loadPage(`<!doctype html><html><body><main>${body}</section></main></body></html>`);
}

async function scanned(doc: Document): Promise<readonly PageMention[]> {
  const h = startScanner(doc);
  await h.sched.settle();
  return h.scanner.mentions();
}

/**
 * A window over the scanned page's mentions. `watchAround` defaults to more blocks than the
 * test pages have (every block watched, as under the limit); the band's own tests set it.
 * `inView` stands in for the hit tests that find blocks in the viewport.
 */
function setup(limit: number, overscan = 0, watchAround = 1000, inView: () => readonly Element[] = () => []): { win: HighlightWindow; watcher: () => FakeWatcher; draws: (readonly PageMention[])[]; abort: AbortController; doc: Document } {
  let w: FakeWatcher | null = null;
  const draws: (readonly PageMention[])[] = [];
  const abort = new AbortController();
  const doc = loadPage('<p></p>');
  const win = new HighlightWindow({
    doc,
    signal: abort.signal,
    limit,
    overscan,
    watchAround,
    findInView: () => inView(),
    draw: (list) => draws.push(list),
    watchNear: (report) => (w = new FakeWatcher(report)),
  });
  return { win, watcher: () => w!, draws, abort, doc };
}

const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo }, (_, k) => lo + k);
const watchedBlocks = (w: FakeWatcher): number[] => [...w.observed].map((el) => idx({ block: el } as PageMention)).sort((a, b) => a - b);
const between = (lo: number, hi: number) => (el: Element): boolean => {
  const i = idx({ block: el } as PageMention);
  return i >= lo && i < hi;
};

const idx = (m: PageMention): number => Number(m.block.id.slice(1));

describe('highlight window', () => {
  it('draws every mention while there are at most `limit` of them', async () => {
    const ms = await scanned(page(10));
    const { win, draws } = setup(20);
    win.set(ms);
    expect(ms).toHaveLength(20);
    expect(draws).toEqual([ms]);
  });

  it('beyond the limit draws only mentions whose block is near, and follows the scroll', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50);
    // The first chunk: under the limit, drawn at once before the watcher reported anything.
    win.set(ms.slice(0, 10));
    expect(draws.at(-1)).toHaveLength(10);
    // Every block holding a mention is watched, each once.
    win.set(ms);
    expect(watcher().observed.size).toBe(100);
    // Nothing reported yet: what was drawn stays drawn (no blank frame), nothing else appears.
    expect(draws.at(-1)).toEqual(ms.slice(0, 10));
    watcher().reportAll((el) => idx({ block: el } as PageMention) < 8);
    expect(draws.at(-1)!.map(idx)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7]);
    // Scrolling: blocks 40–47 come near, the first ones leave.
    const n = draws.length;
    watcher().reportAll((el) => {
      const i = idx({ block: el } as PageMention);
      return i >= 40 && i < 48;
    });
    expect(draws).toHaveLength(n + 1);
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set([40, 41, 42, 43, 44, 45, 46, 47]));
    // A report that changes nothing draws nothing.
    watcher().reportAll((el) => {
      const i = idx({ block: el } as PageMention);
      return i >= 40 && i < 48;
    });
    expect(draws).toHaveLength(n + 1);
    expect(win.drawn()).toBe(draws.at(-1));
  });

  it('a block leaving the margin alone causes no redraw; its mentions go at the next one', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50);
    const span = (lo: number, hi: number) => (el: Element): boolean => {
      const i = idx({ block: el } as PageMention);
      return i >= lo && i < hi;
    };
    win.set(ms);
    watcher().reportAll(span(40, 48));
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set([40, 41, 42, 43, 44, 45, 46, 47]));
    const n = draws.length;
    // Blocks 40–43 leave the margin, nothing new comes near: nothing is redrawn.
    watcher().reportAll(span(44, 48));
    expect(draws).toHaveLength(n);
    expect(new Set(win.drawn().map(idx))).toEqual(new Set([40, 41, 42, 43, 44, 45, 46, 47]));
    // Block 48 comes near: one redraw, of exactly the near blocks.
    watcher().reportAll(span(44, 49));
    expect(draws).toHaveLength(n + 1);
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set([44, 45, 46, 47, 48]));
  });

  it('a longer list whose near mentions are all drawn keeps what is drawn (the end of a scan changes nothing on screen)', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50);
    // The first chunk (blocks 0–9), drawn whole; then the first frame reports blocks 0–3 near.
    const top = ms.filter((m) => idx(m) < 10);
    win.set(top);
    watcher().reportAll((el) => idx({ block: el } as PageMention) < 4);
    expect(draws.at(-1)).toEqual(top);
    // The whole page, past the limit: every near mention is drawn already, so the drawn set
    // is the same (drawn again, as every new list is, to re-register the highlights).
    win.set(ms);
    expect(draws.at(-1)).toEqual(top);
    // Mentions that left the page go even so.
    win.set(ms.filter((m) => idx(m) !== 9));
    expect(draws.at(-1)).toEqual(top.filter((m) => idx(m) !== 9));
    // Once the new blocks are reported far, still nothing to redraw.
    const n = draws.length;
    watcher().reportAll((el) => idx({ block: el } as PageMention) < 4);
    expect(draws).toHaveLength(n);
  });

  it('a redraw also draws as many mentions again on each side of the near ones, so scrolling on seldom needs one', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50, 1);
    const span = (lo: number, hi: number) => (el: Element): boolean => {
      const i = idx({ block: el } as PageMention);
      return i >= lo && i < hi;
    };
    const blocks = (): number[] => [...new Set(draws.at(-1)!.map(idx))];
    win.set(ms);
    // Blocks 40–47 near (16 mentions): 16 more on each side, blocks 32–55.
    watcher().reportAll(span(40, 48));
    expect(blocks()).toEqual(range(32, 56));
    // Scrolling on to blocks 44–52: all drawn already, no redraw.
    const n = draws.length;
    watcher().reportAll(span(44, 53));
    expect(draws).toHaveLength(n);
    // On to 60–67: one redraw, around them.
    watcher().reportAll(span(60, 68));
    expect(draws).toHaveLength(n + 1);
    expect(blocks()).toEqual(range(52, 76));
  });

  it('without overscan, far blocks between two near ones stay undrawn (columns, sidebars)', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50, 0);
    win.set(ms);
    watcher().reportAll((el) => [10, 20].includes(idx({ block: el } as PageMention)));
    expect([...new Set(draws.at(-1)!.map(idx))]).toEqual([10, 20]);
  });

  it('the overscan stays within the limit', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(20, 1);
    win.set(ms);
    watcher().reportAll((el) => {
      const i = idx({ block: el } as PageMention);
      return i >= 40 && i < 48;
    });
    // 16 near mentions and a limit of 20: two more on each side (block 39 and block 48).
    expect(draws.at(-1)).toHaveLength(20);
    expect([...new Set(draws.at(-1)!.map(idx))]).toEqual([39, 40, 41, 42, 43, 44, 45, 46, 47, 48]);
  });

  it('stops watching blocks whose mentions are gone, and lets go of everything on abort', async () => {
    const ms = await scanned(page(60));
    const { win, watcher, abort } = setup(10);
    win.set(ms);
    expect(watcher().observed.size).toBe(60);
    win.set(ms.filter((m) => idx(m) < 30));
    expect(watcher().observed.size).toBe(30);
    abort.abort();
    expect(watcher().disconnected).toBe(true);
    expect(win.drawn()).toEqual([]);
  });

  it('past the limit it watches only the drawn and near blocks and as many more on each side, and the band follows the scroll', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50, 0, 5);
    // The first chunk (blocks 0–4), under the limit: all of its blocks watched.
    win.set(ms.filter((m) => idx(m) < 5));
    expect(watchedBlocks(watcher())).toEqual(range(0, 5));
    // The whole page, past the limit: blocks 0–4 stay drawn (nothing reported yet), and the
    // band is them and five more after them — not the page's 100 blocks.
    win.set(ms);
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set(range(0, 5)));
    expect(watchedBlocks(watcher())).toEqual(range(0, 10));
    // Scrolling on: blocks 6–9 come near and are drawn, and the band moves with them.
    watcher().reportAll(between(6, 10));
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set(range(6, 10)));
    expect(watchedBlocks(watcher())).toEqual(range(1, 15));
    // And on, block by block, to the end of the page: every step draws what came near.
    for (let lo = 7; lo + 4 <= 100; lo++) {
      watcher().reportAll(between(lo, lo + 4));
      expect(new Set(win.drawn().map(idx))).toEqual(new Set(range(lo, lo + 4)));
    }
    expect(watchedBlocks(watcher())).toEqual(range(91, 100));
  });

  it('after a jump that leaves every watched block far, the block found in view moves the band there', async () => {
    const ms = await scanned(page(100));
    let inView: Element[] = [];
    const { win, watcher, draws } = setup(50, 0, 5, () => inView);
    win.set(ms.filter((m) => idx(m) < 5));
    win.set(ms);
    watcher().reportAll(between(0, 4));
    const n = draws.length;
    // The jump: every watched block reports far; a block in the middle of the page is in view.
    inView = [ms.find((m) => idx(m) === 70)!.block];
    watcher().reportAll(() => false);
    expect(draws).toHaveLength(n);
    expect(watchedBlocks(watcher())).toEqual(expect.arrayContaining(range(65, 76)));
    // The observer's next report has the blocks in view near: drawn.
    watcher().reportAll(between(69, 73));
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set(range(69, 73)));
    expect(watchedBlocks(watcher())).toEqual(range(64, 78));
  });

  it('a scroll that ends looks for the reader; a block without names in view means the next one with names', async () => {
    const ms = await scanned(page(100));
    let inView: Element[] = [];
    const { win, watcher, doc } = setup(50, 0, 5, () => inView);
    win.set(ms.filter((m) => idx(m) < 5));
    win.set(ms);
    // A report leaves nothing near while nothing is found in view (a stretch without names).
    watcher().reportAll(() => false);
    expect(watchedBlocks(watcher())).toEqual(range(0, 10));
    // Then the reader jumps, and no report comes (no watched block changed): the scroll's end
    // looks again. In view: the <section> around paragraphs 40–59, which holds no name itself.
    inView = [ms.find((m) => idx(m) === 40)!.block.parentElement!];
    doc.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 200));
    expect(watchedBlocks(watcher())).toEqual([...range(0, 10), ...range(35, 46)]);
  });

  it('a block in view far from the drawn ones in document order (a sidebar) is watched once a scroll ends, and drawn', async () => {
    const ms = await scanned(page(100));
    let inView: Element[] = [];
    const { win, watcher, doc } = setup(50, 0, 5, () => inView);
    win.set(ms.filter((m) => idx(m) < 5));
    win.set(ms);
    watcher().reportAll(between(0, 4));
    // Blocks 0–3 are near (the main column); block 90 is in view beside them.
    inView = [ms.find((m) => idx(m) === 2)!.block, ms.find((m) => idx(m) === 90)!.block];
    doc.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 200));
    expect(watchedBlocks(watcher())).toEqual([...range(0, 10), ...range(85, 96)]);
    watcher().reportAll((el) => between(0, 4)(el) || idx({ block: el } as PageMention) === 90);
    expect(new Set(win.drawn().map(idx))).toEqual(new Set([0, 1, 2, 3, 90]));
  });

  it('a block in view far from the drawn ones is looked for as soon as the list passes the limit, without a scroll', async () => {
    const ms = await scanned(page(100));
    const { win, watcher } = setup(50, 0, 5, () => [ms.find((m) => idx(m) === 1)!.block, ms.find((m) => idx(m) === 90)!.block]);
    win.set(ms.filter((m) => idx(m) < 5));
    win.set(ms);
    expect(watchedBlocks(watcher())).toEqual(range(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    expect(watchedBlocks(watcher())).toEqual([...range(0, 10), ...range(85, 96)]);
  });

  it('near blocks further apart in the list than the limit: only they are drawn, not everything between', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50, 1);
    win.set(ms);
    watcher().reportAll((el) => [2, 3, 95].includes(idx({ block: el } as PageMention)));
    expect([...new Set(draws.at(-1)!.map(idx))]).toEqual([2, 3, 95]);
  });

  it('a list past the limit before anything was drawn watches every block until the first report', async () => {
    const ms = await scanned(page(100));
    const { win, watcher, draws } = setup(50, 0, 5);
    win.set(ms);
    expect(draws.at(-1)).toEqual([]);
    expect(watcher().observed.size).toBe(100);
    watcher().reportAll(between(30, 34));
    expect(new Set(draws.at(-1)!.map(idx))).toEqual(new Set(range(30, 34)));
    expect(watchedBlocks(watcher())).toEqual(range(25, 39));
  });

  it('prepare() makes the draw ranges of a list it would draw whole, and draws nothing', async () => {
    const ms = await scanned(page(30));
    const made = new Set<number>();
    // Each mention as itself, but noting when its draw range is asked for.
    const noted = ms.map((m) => Object.create(m, { drawRange: { get: () => (made.add(m.id), m.drawRange) } }) as PageMention);
    const { win, draws, watcher } = setup(100);
    win.prepare(noted);
    expect(made.size).toBe(60);
    expect(draws).toEqual([]);
    expect(watcher().observed.size).toBe(0);
    // Past the limit only what is near gets drawn, which is not known yet: nothing is made.
    made.clear();
    setup(59).win.prepare(noted);
    expect(made.size).toBe(0);
  });

  it('without an IntersectionObserver it draws everything', async () => {
    const ms = await scanned(page(30));
    const draws: (readonly PageMention[])[] = [];
    const win = new HighlightWindow({ doc: loadPage('<p></p>'), signal: new AbortController().signal, limit: 5, draw: (l) => draws.push(l), watchNear: () => null });
    win.set(ms);
    expect(draws.at(-1)).toHaveLength(60);
  });
});
