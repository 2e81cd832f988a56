import { describe, expect, it } from 'vitest';
import { keyboardAnnouncement, pinnedAnnouncement } from '../../../core/announcements';

describe('what the keyboard path announces', () => {
  it('names the mention as written, then the entity and what it is', () => {
    const text = keyboardAnnouncement('Churkin', { name: 'Vitaly Churkin', description: { text: "Russia's ambassador to the UN." } });
    expect(text).toBe("“Churkin” — Vitaly Churkin, Russia's ambassador to the UN; card open, press Escape to close, P to pin it.");
  });

  it('collapses the page’s whitespace in the mention and works without a description', () => {
    expect(keyboardAnnouncement('Vitaly\n   Churkin', { name: 'Vitaly Churkin' }, false)).toBe('“Vitaly Churkin” — Vitaly Churkin; card open, press Escape to close.');
  });

  it('pinning says what was pinned and which older card was let go', () => {
    expect(pinnedAnnouncement('Ban Ki-moon', [], 3)).toMatch(/^Ban Ki-moon pinned: /);
    const t = pinnedAnnouncement('Ban Ki-moon', ['Matthew Rycroft'], 3);
    expect(t).toContain('Matthew Rycroft unpinned: at most 3 cards stay pinned.');
  });
});
