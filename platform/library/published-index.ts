// Where the background publishes the merged matcher index for every tab: storage.local (the
// `storage` permission Factcard already has). A change reaches every open tab's content script
// through storage.onChanged, frames included, with no `tabs` permission; a tab opened later
// reads it at start.

import { storage } from '@wxt-dev/storage';
import type { PublishedIndex } from '../../core/library/types';

export const libraryIndexItem = storage.defineItem<PublishedIndex | null>('local:libraryIndex', { fallback: null });
