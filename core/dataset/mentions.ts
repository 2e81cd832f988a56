// Finds entity names in a source text with the page matcher (core/matcher, weak-alias rules
// included), so a card's "mentioned in N sources" never disagrees with the highlights; plus
// references (extraction-only phrases such as "the U.N.'s children's agency").

import type { EntityType } from '../dataset-types';
import type { AliasEntry, Matcher, TextMatch } from '../matcher-types';
import { applyFirstReference, compileIndex, loadMatcher } from '../matcher';
import { normalizeKey } from '../normalize';
import { findWordOccurrences, fold } from './text';
import { resolveAlias, type RegistryAlias } from './inputs';

export interface Ref {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  kind: 'alias' | 'reference';
  weak: boolean;
}

/** What the matcher needs of an entity: registry entries and dataset entities both fit. */
export interface NamedEntity {
  id: string;
  type: EntityType;
  aliases: ReadonlyArray<string | RegistryAlias>;
  references?: readonly string[];
}

interface Candidate extends Ref {
  order: number;
}

function byPosition(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order;
}

/** Alias entries for the matcher; an alias whose key another entity already claimed is left out (first claim wins). */
export function aliasEntries(entities: readonly NamedEntity[]): AliasEntry[] {
  const owner = new Map<string, string>();
  const out: AliasEntry[] = [];
  for (const e of entities) {
    for (const raw of e.aliases) {
      const a = resolveAlias(raw);
      const key = normalizeKey(a.text);
      if (key === '') continue;
      const o = owner.get(key);
      if (o !== undefined && o !== e.id) continue;
      owner.set(key, e.id);
      out.push({
        entity: e.id,
        type: e.type,
        text: a.text,
        strength: a.strength,
        caseSensitive: a.caseSensitive,
        // A weak alias anchored to another entity (a capital to its country) counts after that entity too.
        ...(a.anchor !== undefined && a.strength === 'weak' ? { anchor: a.anchor } : {}),
      });
    }
  }
  return out;
}

export function matcherFor(entities: readonly NamedEntity[]): Matcher {
  return loadMatcher(compileIndex(aliasEntries(entities)));
}

/** Per-line matches (a line is a block on a page), in document order, before the first-reference rule. */
export function rawMatches(text: string, matcher: Matcher): TextMatch[][] {
  const blocks: TextMatch[][] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== '') blocks.push(matcher.find(line).map((m) => ({ ...m, start: m.start + lineStart, end: m.end + lineStart })));
    lineStart = lineEnd + 1;
  }
  return blocks;
}

/**
 * Alias mentions exactly as the page matcher finds them in a page made of this text's lines
 * (first-reference rule included). Several matchers (e.g. the bundled entities' and one
 * article's new ones) are merged leftmost-longest, as one index would.
 */
export function matcherMentions(text: string, matchers: readonly Matcher[]): Ref[] {
  const candidates: Candidate[] = [];
  let order = 0;
  for (const matcher of matchers) {
    for (const m of applyFirstReference(rawMatches(text, matcher)).flat()) {
      candidates.push({ start: m.start, end: m.end, entity: m.entity, type: matcher.typeOf(m.entity) ?? 'organization', kind: 'alias', weak: m.weak, order: order++ });
    }
  }
  return select(candidates);
}

function select(candidates: Candidate[]): Ref[] {
  candidates.sort(byPosition);
  const out: Ref[] = [];
  let cursor = 0;
  for (const c of candidates) {
    if (c.start < cursor) continue;
    out.push({ start: c.start, end: c.end, entity: c.entity, type: c.type, kind: c.kind, weak: c.weak });
    cursor = c.end;
  }
  return out;
}

/** Alias mentions, as the page matcher finds them (first-reference rule included). */
export function findAliasMentions(text: string, entities: readonly NamedEntity[]): Ref[] {
  return matcherMentions(text, [matcherFor(entities)]);
}

/** A reference phrase found elsewhere (e.g. a role-derived one), already resolved to its entity. */
export type ResolvedRef = Omit<Ref, 'kind' | 'weak'>;

/**
 * Alias mentions plus reference phrases, longest match winning. A registry reference counts
 * only for an entity named (by alias) somewhere in the same text, and only when no other
 * entity claims the same words. `extra` are references resolved by the caller.
 */
export function withReferences(text: string, aliasRefs: Ref[], entities: readonly NamedEntity[], extra: readonly ResolvedRef[] = []): Ref[] {
  const named = new Set(aliasRefs.map((r) => r.entity));
  const foldedLower = fold(text, false);
  const byStart = new Map<string, Candidate[]>();
  let order = 100000;
  for (const entity of entities) {
    if (!named.has(entity.id)) continue;
    for (const phrase of entity.references ?? []) {
      const needle = fold(phrase.trim(), false);
      for (const start of findWordOccurrences(foldedLower, needle)) {
        const key = `${start}:${start + needle.length}`;
        const list = byStart.get(key) ?? [];
        list.push({ start, end: start + needle.length, entity: entity.id, type: entity.type, kind: 'reference', weak: false, order: order++ });
        byStart.set(key, list);
      }
    }
  }
  const candidates: Candidate[] = aliasRefs.map((r, i) => ({ ...r, order: i }));
  for (const list of byStart.values()) {
    const owners = new Set(list.map((c) => c.entity));
    if (owners.size === 1 && list[0]) candidates.push(list[0]);
  }
  for (const r of extra) candidates.push({ ...r, kind: 'reference', weak: false, order: order++ });
  return select(candidates);
}

export function findExtractionRefs(text: string, entities: readonly NamedEntity[]): Ref[] {
  return withReferences(text, findAliasMentions(text, entities), entities);
}
