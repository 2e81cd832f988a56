// From matched runs to the published list of mentions: matches each run's text once, keeps
// its matches, and on every publish applies the first-reference rule (a weak alias counts
// only after a strong mention of its entity earlier in the page) over all runs in document
// order, then the enabled-types filter.
//
// Publishing part of a page early: the rule runs over the walked runs in document order,
// then the early runs (all of which lie after the walked ones), runs not yet read counting as
// empty. A weak match can only gain an earlier strong mention as more runs are read, never
// lose one, so a weak match published early is never retracted, and one held back is
// published as soon as the run holding its confirming strong mention is read. When the walk
// is done the result is exactly the rule over the whole document.

import type { EntityType } from '../core/dataset-types';
import { keepsFirstReference } from '../core/matcher/first-reference';
import type { Matcher, TextMatch } from '../core/matcher-types';
import { LazyMention, type PageMention } from './page-mention';
import type { Entry } from './run-entry';

export class MentionPublisher {
  enabledTypes: ReadonlySet<EntityType> | undefined;
  private published: readonly PageMention[] = [];
  private nextId = 1;

  constructor(
    private readonly matcher: Matcher,
    private readonly onError: ((e: unknown) => void) | undefined,
  ) {}

  mentions(): readonly PageMention[] {
    return this.published;
  }

  /** Matches one run's text; its matches wait for the next publish. */
  match(e: Entry): void {
    e.matched = true;
    let matches: TextMatch[];
    try {
      matches = this.matcher.find(e.run.text);
    } catch (err) {
      this.onError?.(err);
      return;
    }
    const run = e.run;
    const len = run.text.length;
    // Sized once: grown by appends, the arrays of the 2 MB page's runs held 0.2 MB of spare room.
    const found = new Array<LazyMention | TextMatch>(matches.length);
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      const type = this.matcher.typeOf(m.entity);
      // The offsets always lie in the run (the matcher read its text); the Range is made when needed.
      found[i] = type && m.start >= 0 && m.start < m.end && m.end <= len
        ? new LazyMention(this.nextId++, m.entity, type, run, m.start, m.end, m.weak, m.anchor)
        : m;
    }
    e.found = found;
  }

  /** The mentions of `entries` (all runs, in document order) after the rule and the filter. */
  publish(entries: readonly Entry[]): readonly PageMention[] {
    // The rule match by match, in document order: no per-run arrays (the 2 MB page has
    // ~10,000 runs and ~25,000 matches, published a few times while it is read).
    const seen = new Set<string>();
    const types = this.enabledTypes;
    const out: PageMention[] = [];
    for (let i = 0; i < entries.length; i++) {
      const found = entries[i]!.found;
      for (let c = 0; c < found.length; c++) {
        const m = found[c]!;
        if (!keepsFirstReference(m, seen)) continue;
        if (m instanceof LazyMention && (!types || types.has(m.type))) out[out.length] = m;
      }
    }
    this.published = out;
    return out;
  }

  clear(): void {
    this.published = [];
  }
}
