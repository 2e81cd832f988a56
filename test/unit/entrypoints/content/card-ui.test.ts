import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardHost } from '../../../../entrypoints/content/card-host';
import { cardUi, provideCardUi, type CardUi } from '../../../../entrypoints/content/card-ui';

// The two content scripts are bundled apart: each has its own copy of card-ui.ts, and only the
// global object they share carries the hand-over. A fresh import of the module stands for the
// other script's copy.
const otherCopy = async () => {
  vi.resetModules();
  return import('../../../../entrypoints/content/card-ui');
};

const ui = (tag: string): CardUi => ({ createHost: () => ({ tag }) as unknown as CardHost });
const settled = async <T>(p: Promise<T>): Promise<T | 'pending'> => Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__factcardCardUi;
});

describe('the card UI hand-over between the two content scripts', () => {
  it('a card asked for before the card UI script ran waits for it, then gets it', async () => {
    const asked = cardUi();
    expect(await settled(asked)).toBe('pending');
    const provided = ui('late');
    (await otherCopy()).provideCardUi(provided);
    expect(await asked).toBe(provided);
  });

  it('once provided, every later ask gets it at once, from either copy of the module', async () => {
    const provided = ui('early');
    provideCardUi(provided);
    expect(await settled(cardUi())).toBe(provided);
    expect(await settled((await otherCopy()).cardUi())).toBe(provided);
  });

  it('everyone waiting is answered, once', async () => {
    const waiting = [cardUi(), cardUi(), (await otherCopy()).cardUi()];
    const provided = ui('one');
    provideCardUi(provided);
    expect(await Promise.all(waiting)).toEqual([provided, provided, provided]);
    expect((globalThis as unknown as { __factcardCardUi: { waiting: unknown[] } }).__factcardCardUi.waiting).toEqual([]);
  });
});
