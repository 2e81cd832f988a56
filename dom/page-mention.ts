// A mention found on the page: what the scanner publishes and everything downstream (the
// highlighter, hit testing, the card, the popup's counts) consumes.

import type { EntityType } from '../core/dataset-types';
import type { TextRun } from './text-runs';

export interface PageMention {
  id: number;
  entity: string;
  type: EntityType;
  /** The matched text as the matcher saw it (whitespace collapsed, see text-runs.ts). */
  text: string;
  /** The run the mention was found in, and its offsets in the run's text. */
  run: TextRun;
  start: number;
  end: number;
  range: Range;
  /** The nearest block element of the mention's text (what highlight windowing observes). */
  block: Element;
  /** true when matched through a weak alias confirmed by an earlier strong mention. */
  weak: boolean;
}
