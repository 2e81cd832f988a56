import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { DatasetIndex } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';
import { badgeText, createBackgroundHandlers } from '../../../platform/background-handlers';
import { isOwnSender, listen } from '../../../platform/messaging';
import type { BackgroundProtocol } from '../../../core/protocol';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;

function setup() {
  const openTab = vi.fn(async () => undefined);
  const setToolbar = vi.fn(async () => undefined);
  const handlers = createBackgroundHandlers({
    index: new DatasetIndex(dataset),
    getURL: (p) => `chrome-extension://abc${p}`,
    openTab,
    setToolbar,
  });
  return { handlers, openTab, setToolbar };
}

const tabSender = (id: number, frameId = 0): Browser.runtime.MessageSender => ({ id: 'abc', frameId, tab: { id, index: 3 } as Browser.tabs.Tab });

describe('background handlers', () => {
  it('pageFound sets the badge to the number of distinct known entities', async () => {
    const { handlers, setToolbar } = setup();
    await handlers.pageFound(
      { status: 'ready', entities: [{ entity: 'vitaly-churkin', count: 2 }, { entity: 'matthew-rycroft', count: 1 }, { entity: 'not-ours', count: 9 }] },
      tabSender(7),
    );
    expect(setToolbar).toHaveBeenCalledWith(7, { badge: '2', paused: false });
  });

  it('a paused page clears the badge and greys the icon; frames never speak for the tab', async () => {
    const { handlers, setToolbar } = setup();
    await handlers.pageFound({ status: 'disabled-site', entities: [] }, tabSender(7));
    expect(setToolbar).toHaveBeenLastCalledWith(7, { badge: '', paused: true });
    await handlers.pageFound({ status: 'ready', entities: [{ entity: 'vitaly-churkin', count: 1 }] }, tabSender(7, 3));
    expect(setToolbar).toHaveBeenCalledTimes(1);
  });

  it('getCards returns cards for known ids only', async () => {
    const { handlers } = setup();
    const cards = await handlers.getCards({ ids: ['vitaly-churkin', 'nobody'] }, tabSender(1));
    expect(cards.map((c) => c.id)).toEqual(['vitaly-churkin']);
  });

  it('openViewer opens the deep link next to the sender tab, and only for known sources', async () => {
    const { handlers, openTab } = setup();
    const src = dataset.sources[0];
    if (!src) throw new Error('empty dataset');
    await handlers.openViewer({ target: { source: src.id, start: 5, end: 9, entity: 'x' } }, tabSender(4));
    expect(openTab).toHaveBeenCalledWith({ url: `chrome-extension://abc/viewer.html#src=${src.id}&span=5-9&entity=x`, openerTabId: 4, index: 4 });
    await handlers.openViewer({ target: { source: 'https://evil.example/', start: 0, end: 1 } }, tabSender(4));
    expect(openTab).toHaveBeenCalledTimes(1);
  });

  it('badge text caps at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(5)).toBe('5');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('the message listener', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts only our own extension as sender', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other-extension' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
  });

  it('routes well-formed messages to their handler and ignores malformed or foreign ones', async () => {
    const getCards = vi.fn(async () => []);
    const handlers = { pageFound: vi.fn(async () => undefined), getCards, openViewer: vi.fn(async () => undefined) };
    const remove = listen<BackgroundProtocol>(handlers, { accept: (s) => s.id === 'ours' });
    const dispatch = (msg: unknown, sender: Browser.runtime.MessageSender) =>
      (fakeBrowser.runtime.onMessage as unknown as { trigger: (m: unknown, s: Browser.runtime.MessageSender) => Promise<unknown[]> }).trigger(msg, sender);
    await dispatch({ type: 'getCards', req: { ids: ['a'] } }, { id: 'ours' });
    expect(getCards).toHaveBeenCalledTimes(1);
    await dispatch({ type: 'getCards', req: { ids: ['a'] } }, { id: 'theirs' });
    await dispatch({ type: 'deleteEverything', req: {} }, { id: 'ours' });
    await dispatch({ type: 'getCards' }, { id: 'ours' });
    await dispatch('getCards', { id: 'ours' });
    expect(getCards).toHaveBeenCalledTimes(1);
    remove();
    await dispatch({ type: 'getCards', req: { ids: ['a'] } }, { id: 'ours' });
    expect(getCards).toHaveBeenCalledTimes(1);
  });
});
