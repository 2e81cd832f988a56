// The seam between the two content scripts. The one at document_start (content/index.ts)
// finds and marks mentions and owns the card flow; the card itself — Preact, the card's
// components and styles, Floating UI, a third of that script's size — comes in a second
// content script at document_idle (entrypoints/card.content.ts), so that no page compiles it
// before its first paint (bench/README.md, fifth pass). The first card waits for it if a
// reader hovers that early.
//
// The two scripts are bundled apart, so they share no module state; they do share one global
// object — the extension's isolated world in Chromium, its content-script sandbox in Firefox —
// which the page cannot read or write. The hand-over is a property of that object.

import type { CardHost } from './card-host';

/** What the card UI script provides. */
export interface CardUi {
  /** A new card host for `doc` (not attached until a card is shown). */
  createHost(doc: Document): CardHost;
}

interface Slot {
  ui?: CardUi;
  waiting: ((ui: CardUi) => void)[];
}

const SLOT = '__factcardCardUi';

function slot(): Slot {
  const g = globalThis as unknown as Record<string, Slot | undefined>;
  return (g[SLOT] ??= { waiting: [] });
}

/** The card UI script hands its UI over (the document_start script may be waiting for it). */
export function provideCardUi(ui: CardUi): void {
  const s = slot();
  s.ui = ui;
  for (const resolve of s.waiting.splice(0)) resolve(ui);
}

/** The card UI, once its script has run (at once when it has). */
export function cardUi(): Promise<CardUi> {
  const s = slot();
  const ui = s.ui;
  return ui ? Promise.resolve(ui) : new Promise((resolve) => s.waiting.push(resolve));
}
