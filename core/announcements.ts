// What the page's live region says to screen-reader users. Highlights drawn with the Custom
// Highlight API are invisible to assistive technology, so the keyboard path names the
// mention as the page writes it and the entity it stands for.

export interface Announced {
  name: string;
  description?: { text: string } | null;
}

/** A keyboard-opened card: “Churkin” — Vitaly Churkin, Russia's ambassador to the UN; card open, … */
export function keyboardAnnouncement(mentionText: string, card: Announced, pinnable = true): string {
  const written = mentionText.replace(/\s+/g, ' ').trim();
  const desc = card.description?.text.replace(/\s+/g, ' ').trim().replace(/[.;,\s]+$/, '');
  const who = desc ? `${card.name}, ${desc}` : card.name;
  return `“${written}” — ${who}; card open, press Escape to close${pinnable ? ', P to pin it' : ''}.`;
}

/** A card was pinned; `unpinned` are the names of older pins let go to make room. */
export function pinnedAnnouncement(name: string, unpinned: readonly string[], max: number): string {
  const out = unpinned.length ? ` ${unpinned.join(', ')} unpinned: at most ${max} cards stay pinned.` : '';
  return `${name} pinned: it stays open while you scroll and read on.${out} Press Escape in it, or its close button, to close it.`;
}
