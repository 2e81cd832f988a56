import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import dataset from '../../data/dataset.json';
import { DatasetIndex } from '../../core/card-model';
import type { Dataset } from '../../core/dataset-types';
import { BACKGROUND_MESSAGES, listen } from '../../platform/messaging';
import { createBackgroundHandlers, toolbarAction } from '../../platform/background-handlers';
import type { BackgroundProtocol } from '../../core/protocol';

export default defineBackground(() => {
  const action = toolbarAction(browser);
  const handlers = createBackgroundHandlers({
    index: new DatasetIndex(dataset as Dataset),
    getURL: (path) => browser.runtime.getURL(path),
    openTab: (opts) => browser.tabs.create(opts),
    setBadge: async (tabId, text) => {
      await action.setBadgeText({ tabId, text });
      await action.setBadgeBackgroundColor({ tabId, color: '#3b5b7a' });
    },
  });
  listen<BackgroundProtocol>(BACKGROUND_MESSAGES, handlers);
});
