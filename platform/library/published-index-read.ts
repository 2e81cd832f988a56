// The content script's side of the published index (published-index.ts): read and watched in
// storage.local directly, not through @wxt-dev/storage's item, which the background writes
// with. The item's library is 9 kB of the script every page compiles at document_start, for
// one read and one listener.

import { browser } from 'wxt/browser';
import type { PublishedIndex } from '../../core/library/types';
import { watchStorageKey } from '../storage-watch';

/** The storage.local key of the item `local:libraryIndex` (its value is stored as it is). */
export const LIBRARY_INDEX_KEY = 'libraryIndex';

/** The published index, or null when there is none. */
export async function readPublishedIndex(): Promise<PublishedIndex | null> {
  const got = await browser.storage.local.get(LIBRARY_INDEX_KEY);
  return (got[LIBRARY_INDEX_KEY] as PublishedIndex | null | undefined) ?? null;
}

/** Calls back with the published index (null: removed) whenever it changes; returns the unwatch. */
export function watchPublishedIndex(cb: (p: PublishedIndex | null) => void): () => void {
  return watchStorageKey('local', LIBRARY_INDEX_KEY, (value) => cb((value as PublishedIndex | null | undefined) ?? null));
}
