// The popup's name look-up: the background's handler that sends the search directory (every
// entity of the merged bundled + library index), and the popup's way of asking for it.

import { browser } from 'wxt/browser';
import type { DatasetIndex } from '../core/card-model';
import type { ResponseOf, SearchProtocol } from '../core/protocol';
import { searchEntries, type SearchEntry } from '../core/search';
import type { Handlers } from './messaging';

export interface SearchDeps {
  /** The merged index (rebuilt by the library on every change, so a new one means new entities). */
  index: () => Promise<DatasetIndex>;
}

export function createSearchHandlers(deps: SearchDeps): Handlers<SearchProtocol> {
  // One directory per index: the popup opens often, the library changes rarely.
  const cache = new WeakMap<DatasetIndex, SearchEntry[]>();
  return {
    async searchDirectory() {
      const index = await deps.index();
      let entries = cache.get(index);
      if (!entries) cache.set(index, (entries = searchEntries(index.dataset)));
      return entries;
    },
  };
}

export function sendToSearch<K extends keyof SearchProtocol>(type: K, req: Parameters<SearchProtocol[K]>[0]): Promise<ResponseOf<SearchProtocol, K>> {
  return browser.runtime.sendMessage({ type, req }) as Promise<ResponseOf<SearchProtocol, K>>;
}
