// The background's message handlers as plain async functions over injected dependencies,
// so unit tests call them directly with fakes.

import type { browser as wxtBrowser } from 'wxt/browser';
import type { DatasetIndex } from '../core/card-model';
import { viewerHash } from '../core/links';
import type { BackgroundProtocol } from '../core/protocol';
import type { Handlers } from './messaging';

export interface BackgroundDeps {
  /** The dataset behind cards: the bundled one, or (with a library) a getter of the merged one. */
  index: DatasetIndex | (() => Promise<DatasetIndex>);
  /** `browser.runtime.getURL`. */
  getURL: (path: '/viewer.html') => string;
  openTab: (opts: { url: string; openerTabId?: number; index?: number }) => Promise<unknown>;
  /** Shows a tab's state on the toolbar button: the badge text and the (paused or normal) icon. */
  setToolbar: (tabId: number, state: { badge: string; paused: boolean }) => Promise<void>;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundProtocol> {
  const current = async (): Promise<DatasetIndex> => (typeof deps.index === 'function' ? deps.index() : deps.index);
  return {
    async pageFound({ entities, status }, sender) {
      const tabId = sender.tab?.id;
      // Only the top frame speaks for the tab; frames report nothing to the badge.
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
      const index = await current();
      const known = entities.filter((e) => index.entities.has(e.entity));
      const paused = status === 'paused' || status === 'disabled-site';
      await deps.setToolbar(tabId, { badge: paused ? '' : badgeText(known.length), paused });
    },
    async getCards({ ids }) {
      const index = await current();
      const cards = [];
      for (const id of ids.slice(0, 500)) {
        const card = index.card(id);
        if (card) cards.push(card);
      }
      return cards;
    },
    async openViewer({ target }, sender) {
      if (!(await current()).sources.has(target.source)) return;
      const url = deps.getURL('/viewer.html') + viewerHash(target);
      const tab = sender.tab;
      await deps.openTab(tab?.id !== undefined ? { url, openerTabId: tab.id, index: tab.index + 1 } : { url });
    },
  };
}

export function badgeText(n: number): string {
  if (n <= 0) return '';
  return n > 99 ? '99+' : String(n);
}

/** The toolbar action across MV3 (`action`) and Firefox MV2 (`browserAction`). */
export function toolbarAction(b: typeof wxtBrowser): typeof wxtBrowser.action {
  return b.action ?? (b as unknown as { browserAction: typeof wxtBrowser.action }).browserAction;
}
