// One stored key's changes, in any context: the settings (storage.sync) and the published
// library index (storage.local) are both watched this way.

import { browser } from 'wxt/browser';

/** Calls back with the key's new value (undefined: removed) whenever it changes in `area`; returns the unwatch. */
export function watchStorageKey(area: 'sync' | 'local', key: string, cb: (newValue: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string): void => {
    const change = changes[key];
    if (changedArea === area && change) cb(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
