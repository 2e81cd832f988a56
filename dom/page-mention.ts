// A mention found on the page: what the scanner publishes and everything downstream (the
// highlighter, hit testing, the card, the popup's counts) consumes.

import type { EntityType } from '../core/dataset-types';
import { builtinsFor, strSlice, type Builtins } from './builtins';
import { drawRangeFor, rangeFor } from './run-ranges';
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
  /** The mention's text in the page, made on first use (hovering, scrolling to it). */
  readonly range: Range;
  /**
   * What the highlights draw: a StaticRange over the same text, made on first drawing (see
   * run-ranges.ts `drawRangeFor` for why not the live Range).
   */
  readonly drawRange: AbstractRange;
  /** The nearest block element of the mention's text (what highlight windowing observes). */
  block: Element;
  /** true when matched through a weak alias confirmed by an earlier strong mention. */
  weak: boolean;
}

/**
 * A mention whose ranges are made on first use. A page holds tens of thousands of mentions
 * but draws and hovers few (highlights are windowed on big pages); counting needs none.
 * Positions (run and offsets) are what the scanner keeps; the live Range (hover, scrolling)
 * follows the DOM once made, the drawn StaticRange is replaced by the next publish.
 */
export class LazyMention implements PageMention {
  private r: Range | undefined;
  private d: AbstractRange | undefined;

  constructor(
    readonly id: number,
    readonly entity: string,
    readonly type: EntityType,
    readonly run: TextRun,
    readonly start: number,
    readonly end: number,
    readonly weak: boolean,
    /** The matcher's anchor for a weak match (what the first-reference rule reads; see TextMatch). */
    readonly anchor?: string,
  ) {}

  /** Sliced from the run's text when asked (the card, the popup): most mentions never are. */
  get text(): string {
    return strSlice(this.run.text, this.start, this.end);
  }

  get block(): Element {
    return this.run.block;
  }

  get range(): Range {
    return (this.r ??= this.make(rangeFor));
  }

  get drawRange(): AbstractRange {
    return (this.d ??= this.make(drawRangeFor));
  }

  private make<R extends AbstractRange>(f: (b: Builtins, doc: Document, run: TextRun, start: number, end: number) => R | null): R | Range {
    const doc = this.run.block.ownerDocument;
    const b = builtinsFor(doc);
    try {
      const r = f(b, doc, this.run, this.start, this.end);
      if (r) return r;
    } catch {
      // The text changed since it was read (the scanner re-reads it in the next frame):
      // an empty range draws nothing and is hit by nothing until then.
    }
    return b.createRange(doc);
  }
}

const byBlockCache = new WeakMap<readonly PageMention[], ReadonlyMap<Element, readonly PageMention[]>>();

/**
 * A published list's mentions grouped by block, in document order within each block; made once
 * per list (the scanner publishes a new array each time), for the highlight window and the hit
 * test alike. A block's mentions are neighbours in the list, but for a block around a nested one.
 */
export function mentionsByBlock(list: readonly PageMention[]): ReadonlyMap<Element, readonly PageMention[]> {
  const cached = byBlockCache.get(list);
  if (cached) return cached;
  const out = new Map<Element, PageMention[]>();
  let prev: Element | null = null;
  let mine: PageMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!m) continue;
    if (m.block !== prev) {
      prev = m.block;
      const known = out.get(prev);
      if (known) mine = known;
      else out.set(prev, (mine = []));
    }
    mine[mine.length] = m;
  }
  byBlockCache.set(list, out);
  return out;
}
