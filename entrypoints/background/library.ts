// The background's part of the library: opens the store (the background is its one owner),
// answers the library protocol, and publishes the merged index after every change and at start.

import { browser } from 'wxt/browser';
import dataset from '../../data/dataset.json';
import type { Dataset } from '../../core/dataset-types';
import type { LibraryProtocol } from '../../core/protocol';
import { createLibraryHandlers } from '../../platform/library/handlers';
import { libraryIndexItem } from '../../platform/library/published-index';
import { LibraryService } from '../../platform/library/service';
import { LibraryStore } from '../../platform/library/store';
import { listen } from '../../platform/messaging';

export function startLibrary(): LibraryService {
  let store: Promise<LibraryStore> | null = null;
  const service = new LibraryService({
    bundled: dataset as Dataset,
    store: () => (store ??= LibraryStore.open().catch((e: unknown) => {
      store = null;
      throw e;
    })),
    publish: async (p) => {
      // Same index as the tabs have: no write, so no tab rescans for nothing.
      if ((await libraryIndexItem.getValue())?.revision === p.revision) return;
      await libraryIndexItem.setValue(p);
    },
  });
  listen<LibraryProtocol>(createLibraryHandlers(service));
  // The published index outlives browser restarts (storage.local); an install or update may
  // bring a new bundled dataset, so it is rebuilt then. (Not on every service-worker wake.)
  browser.runtime.onInstalled.addListener(() => {
    void service.republish().catch((e: unknown) => console.warn('[factcard] library', e));
  });
  return service;
}
