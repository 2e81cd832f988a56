import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BackgroundProtocol, SearchProtocol } from '../../core/protocol';
import { createBackgroundHandlers, toolbarAction } from '../../platform/background-handlers';
import { listen, sendToTab } from '../../platform/messaging';
import { createSearchHandlers } from '../../platform/search';
import { settingsItem } from '../../platform/settings';
import { startLibrary } from './library';

const ICONS = { normal: '', paused: '-paused' } as const;
const iconPaths = (suffix: string) => ({ 16: `/icon/16${suffix}.png`, 32: `/icon/32${suffix}.png`, 48: `/icon/48${suffix}.png` });

export default defineBackground(() => {
  // Upgrades a stored settings value of an older version once, here (readers migrate in memory).
  settingsItem();
  const action = toolbarAction(browser);
  const library = startLibrary();
  const handlers = createBackgroundHandlers({
    index: () => library.index(),
    getURL: (path) => browser.runtime.getURL(path),
    openTab: (opts) => browser.tabs.create(opts),
    setToolbar: async (tabId, { badge, paused }) => {
      await action.setBadgeText({ tabId, text: badge });
      await action.setBadgeBackgroundColor({ tabId, color: '#2f5d8a' });
      await action.setIcon({ tabId, path: iconPaths(paused ? ICONS.paused : ICONS.normal) });
      await action.setTitle({ tabId, title: paused ? 'Factcard (paused here)' : badge ? `Factcard: ${badge} found on this page` : 'Factcard' });
    },
  });
  listen<BackgroundProtocol>(handlers);
  listen<SearchProtocol>(createSearchHandlers({ index: () => library.index() }));

  // Keyboard shortcuts (user-changeable in the browser's shortcut settings).
  browser.commands.onCommand.addListener((command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!direction) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) return sendToTab(tab.id, 'navigate', { direction }).catch(() => undefined);
    });
  });
});
