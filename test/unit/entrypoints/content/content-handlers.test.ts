import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../../core/protocol';
import type { PageMention } from '../../../../dom/page-mention';
import { createContentHandlers, type ContentDeps } from '../../../../entrypoints/content/content-handlers';

const mention = (id: number, entity: string): PageMention => ({ id, entity, type: 'person', text: entity, weak: false } as unknown as PageMention);
const page = [mention(1, 'churkin'), mention(2, 'power'), mention(3, 'churkin'), mention(4, 'rycroft')];
const none = {} as never;

function world(over: Partial<ContentDeps> = {}) {
  const log: string[] = [];
  let open: PageMention | null = null;
  const deps: ContentDeps = {
    summary: () => ({ status: 'ready', url: 'https://news.example/', entities: [{ entity: 'churkin', count: 2 }] }) satisfies PageSummary,
    mentions: () => page,
    openMention: () => open,
    scrollTo: (m, smooth) => void log.push(`scroll ${m.id}${smooth ? ' smooth' : ''}`),
    openCard: (m) => {
      open = m;
      log.push(`card ${m.id}`);
    },
    userIsTyping: () => false,
    prefersStill: () => false,
    ...over,
  };
  return { h: createContentHandlers(deps), log };
}

describe('content handlers', () => {
  it('getSummary answers what the scan session says', async () => {
    const { h } = world();
    expect(await h.getSummary({}, none)).toEqual({ status: 'ready', url: 'https://news.example/', entities: [{ entity: 'churkin', count: 2 }] });
  });

  it('scrollToEntity cycles through the entity’s mentions, smoothly unless the user prefers stillness', async () => {
    const { h, log } = world();
    expect(await h.scrollToEntity({ entity: 'churkin' }, none)).toEqual({ index: 0, total: 2 });
    expect(await h.scrollToEntity({ entity: 'churkin' }, none)).toEqual({ index: 1, total: 2 });
    expect(await h.scrollToEntity({ entity: 'churkin' }, none)).toEqual({ index: 0, total: 2 });
    expect(log).toEqual(['scroll 1 smooth', 'scroll 3 smooth', 'scroll 1 smooth']);
    const still = world({ prefersStill: () => true });
    await still.h.scrollToEntity({ entity: 'power' }, none);
    expect(still.log).toEqual(['scroll 2']);
  });

  it('scrollToEntity and openCard report an entity that is not on the page', async () => {
    const { h, log } = world();
    expect(await h.scrollToEntity({ entity: 'ban-ki-moon' }, none)).toEqual({ index: -1, total: 0 });
    expect(await h.openCard({ entity: 'ban-ki-moon' }, none)).toBe(false);
    expect(log).toEqual([]);
  });

  it('openCard opens the entity’s first mention', async () => {
    const { h, log } = world();
    expect(await h.openCard({ entity: 'churkin' }, none)).toBe(true);
    expect(log).toEqual(['card 1']);
  });

  it('navigate walks mentions in page order from the open card, wrapping at both ends', async () => {
    const { h, log } = world();
    await h.navigate({ direction: 1 }, none);
    await h.navigate({ direction: 1 }, none);
    await h.navigate({ direction: -1 }, none);
    await h.navigate({ direction: -1 }, none);
    expect(log).toEqual(['card 1', 'card 2', 'card 1', 'card 4']);
    const back = world();
    await back.h.navigate({ direction: -1 }, none);
    expect(back.log).toEqual(['card 4']);
  });

  it('navigate leaves keys to a user typing in the page, and does nothing on a page without mentions', async () => {
    const typing = world({ userIsTyping: () => true });
    expect(await typing.h.navigate({ direction: 1 }, none)).toBe(false);
    const empty = world({ mentions: () => [] });
    expect(await empty.h.navigate({ direction: 1 }, none)).toBe(false);
    expect([...typing.log, ...empty.log]).toEqual([]);
  });
});
