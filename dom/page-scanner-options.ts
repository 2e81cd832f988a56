// What a PageScanner is built from: the document, the matcher, the lifecycle, and the seams
// tests replace (clock, scheduling, the viewport probe).

import type { EntityType } from '../core/dataset-types';
import type { Matcher } from '../core/matcher-types';
import type { PageMention } from './page-mention';
import type { Schedule } from './scheduling';

export interface PageScannerOptions {
  doc: Document;
  matcher: Matcher;
  signal: AbortSignal;
  isOwnNode?: (n: Node) => boolean;
  onChange?: (mentions: readonly PageMention[]) => void;
  /** Called when a task leaves no work pending (the whole page read and matched). */
  onIdle?: () => void;
  onError?: (e: unknown) => void;
  /** Clock seam (ms). */
  now?: () => number;
  enabledTypes?: ReadonlySet<EntityType>;
  /** Per-task time budget in ms (default 16, at most 50). */
  budgetMs?: number;
  /** Seam: yield to the event loop before the next chunk. */
  yieldTask?: Schedule;
  /** Seam: run once before the next paint (mutation batching). */
  requestFrame?: Schedule;
  /**
   * Run the first chunk inside start() instead of a task later. The content script starts
   * in DOMContentLoaded, before the browser's first frame: the first screen can then be
   * marked in that frame. That chunk reads at most 16 KB of text (a small page whole, the
   * first screens of a big one), so it adds little to the page's own task. (A task of its
   * own at postTask's `user-blocking` priority kept it out of that task, but in 4 of 7 traced
   * loads of the 2 MB page it ran after the first frame, 220–380 ms after DOMContentLoaded.)
   */
  firstChunkNow?: boolean;
  /**
   * After a first chunk run at once: instead of waiting for the page's first frame, go on
   * reading in tasks of this many ms until that frame has run (the usual budget after it).
   * For an engine that runs such tasks in the wait for its frame without moving the frame
   * (Firefox); one that runs them only after its first frame gains nothing, and a short
   * task queued there can come before the frame's own work (Chromium's 2 MB page settled
   * ~95 ms later in both rounds: bench/README.md, thirteenth pass). Undefined: wait for it.
   */
  readBeforeFirstFrameMs?: number;
  /** Seam: the blocks in the viewport (default: probeViewportBlocks, a caret grid). */
  viewportBlocks?: () => Iterable<Element>;
}
