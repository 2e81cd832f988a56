// One run of page text as the scanner keeps it: the run, whether it was matched, and what the
// matcher found in it: its matches as the matcher returned them, and beside each (same index)
// its mention, or null when it has no Range. Two parallel arrays rather than a pair object per
// match: the 2 MB page has ~25,000 matches, each an allocation the scan's tasks pay for in
// garbage collection.

import type { TextMatch } from '../core/matcher-types';
import type { PageMention } from './page-mention';
import type { TextRun } from './text-runs';

export interface Entry {
  run: TextRun;
  matched: boolean;
  matches: readonly TextMatch[];
  mentions: readonly (PageMention | null)[];
}

const NONE: readonly never[] = [];

export const entryOf = (run: TextRun): Entry => ({ run, matched: false, matches: NONE, mentions: NONE });
