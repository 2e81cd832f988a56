// One run of page text as the scanner keeps it: the run, whether it was matched, and what the
// matcher found in it (each match with its mention, or null when it has no Range).

import type { TextMatch } from '../core/matcher-types';
import type { PageMention } from './page-mention';
import type { TextRun } from './text-runs';

export interface Candidate {
  match: TextMatch;
  mention: PageMention | null;
}

export interface Entry {
  run: TextRun;
  matched: boolean;
  candidates: Candidate[];
}

export const entryOf = (run: TextRun): Entry => ({ run, matched: false, candidates: [] });
