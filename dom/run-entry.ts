// One run of page text as the scanner keeps it: the run, whether it was matched, and what the
// matcher found in it, in order: each match as its mention, which carries what the
// first-reference rule reads (entity, weak, anchor), or as the matcher's own match when it has
// no mention (no Range can be made for it). One object per match kept, not a match and a
// mention and a pair of them: the 2 MB page has ~25,000 matches, and the scan's tasks pay for
// each object kept in garbage collection, the page in memory.

import type { TextMatch } from '../core/matcher-types';
import type { LazyMention } from './page-mention';
import type { TextRun } from './text-runs';

export interface Entry {
  run: TextRun;
  matched: boolean;
  found: readonly (LazyMention | TextMatch)[];
}

const NONE: readonly never[] = [];

export const entryOf = (run: TextRun): Entry => ({ run, matched: false, found: NONE });
