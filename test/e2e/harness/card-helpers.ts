// What several e2e tests do with the card and the highlights.

import { cardView, type CardView, type SNode } from './shadow';
import { poll, sleep, type TestPage } from './driver';
import { wordCenter } from './index';

/** A real hover: approach the word from below-left, rest on it, and wait for its card. */
export async function hoverForCard(page: TestPage, word: string, nth = 0): Promise<CardView> {
  await page.bringToFront();
  const { x, y } = await wordCenter(page, word, nth);
  const vp = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
  // Approach from nearby, inside the viewport (WebDriver refuses moves outside it).
  await page.mouseMove(Math.max(1, Math.min(vp.w - 2, x - 60)), y + 40 < vp.h - 1 ? y + 40 : y - 40, 1);
  await page.mouseMove(x, y, 8);
  return poll(async () => {
    const root = await page.readShadow();
    return root ? cardView(root) : null;
  }, `the card for "${word}"`);
}

/** The card, or null when none is open. */
export async function openCard(page: TestPage): Promise<CardView | null> {
  const root = await page.readShadow();
  return root ? cardView(root) : null;
}

export async function waitForNoCard(page: TestPage, what = 'the card to close'): Promise<void> {
  await poll(async () => (await page.readShadow()) === null, what);
}

/** The text of every range Factcard highlights, by highlight name. */
export function highlightTexts(page: TestPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    // Highlights hold StaticRanges (no toString): the text through a live Range over the same span.
    const text = (r: AbstractRange): string => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    CSS.highlights.forEach((h, name) => {
      if (!String(name).startsWith('factcard-')) return;
      const list: string[] = [];
      h.forEach((r) => void list.push(text(r)));
      out[String(name)] = list;
    });
    return out;
  });
}

/** How many mentions are marked (the per-type highlights, not active/flash). */
export async function markedCount(page: TestPage): Promise<number> {
  const all = await highlightTexts(page);
  return Object.entries(all)
    .filter(([name]) => !['factcard-active', 'factcard-flash'].includes(name))
    .reduce((n, [, list]) => n + list.length, 0);
}

/** Waits for the content script to have marked something on the page. */
export async function waitForMarks(page: TestPage, min = 1): Promise<number> {
  return poll(async () => {
    const n = await markedCount(page);
    return n >= min ? n : null;
  }, `at least ${min} marked mentions`);
}

/** Clicks a node inside the card (read via readShadow) with a real mouse click. */
export async function clickIn(page: TestPage, node: SNode | undefined): Promise<void> {
  if (node?.ref === undefined) throw new Error('no such node in the card');
  const b = await page.boxOf(node.ref);
  await page.click(b.x + b.width / 2, b.y + b.height / 2);
}

export { sleep };
