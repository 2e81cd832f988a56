// The contract between the matcher (core/matcher/) and its callers (dom/, scripts/scan.ts,
// the content script). The matcher sees strings only, never nodes.

import type { EntityType } from './dataset-types';

/** One alias as the index compiler takes it. */
export interface AliasEntry {
  entity: string;
  type: EntityType;
  text: string;
  strength: 'strong' | 'weak';
  caseSensitive: boolean;
  /** Weak aliases: an entity whose strong mention also licenses this alias (see Alias.anchor). */
  anchor?: string;
}

/** A match in one string. Offsets are UTF-16 offsets into that string, `end` exclusive. */
export interface TextMatch {
  start: number;
  end: number;
  entity: string;
  /** true when the alias that matched is weak (subject to the first-reference rule). */
  weak: boolean;
  /** Set on weak matches whose alias has an anchor: a strong mention of it also lets them count. */
  anchor?: string;
}

/** A compiled index loaded and ready to match. Built by `loadMatcher(compileIndex(entries))` in core/matcher. */
export interface Matcher {
  /**
   * Every match in `text`, sorted by start, non-overlapping, longest match winning.
   * Weak aliases are returned with `weak: true` when their local context allows a name
   * (casing, not part of another name); whether an earlier strong mention exists in the
   * document is the caller's question, answered by `applyFirstReference`.
   */
  find(text: string): TextMatch[];
  /** The type of an entity in the index, or undefined when unknown. */
  typeOf(entity: string): EntityType | undefined;
}
