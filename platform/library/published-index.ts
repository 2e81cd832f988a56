// Where the background publishes the merged matcher index for every tab: storage.local (the
// `storage` permission Factcard already has). A change reaches every open tab's content script
// through storage.onChanged, frames included, with no `tabs` permission; a tab opened later
// reads it at start.

// The content script reads and watches it without this item: published-index-read.ts.

import { storage } from '@wxt-dev/storage';
import type { PublishedIndex } from '../../core/library/types';
import { LIBRARY_INDEX_KEY } from './published-index-read';

export const libraryIndexItem = storage.defineItem<PublishedIndex | null>(`local:${LIBRARY_INDEX_KEY}`, { fallback: null });
