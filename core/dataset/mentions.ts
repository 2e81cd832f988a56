// Finds registry names in a source text: aliases (what the page matcher shows) and
// references (extraction-only phrases such as "the country's foreign minister").

import type { EntityType } from '../dataset-types';
import { findWordOccurrences, fold } from './text';
import { resolveAlias, type RegistryEntity } from './inputs';

export interface Ref {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  kind: 'alias' | 'reference';
  weak: boolean;
}

interface Candidate extends Ref {
  order: number;
  /** A weak alias's anchor entity: its strong mention also lets the alias count. */
  anchor?: string;
}

function byPosition(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order;
}

/** Greedy left-to-right, longest first; a weak alias counts only after a strong one of its entity. */
function select(candidates: Candidate[]): Ref[] {
  candidates.sort(byPosition);
  const out: Ref[] = [];
  const strongSeen = new Set<string>();
  let cursor = 0;
  for (const c of candidates) {
    if (c.start < cursor) continue;
    if (c.kind === 'alias' && c.weak && !strongSeen.has(c.entity) && !(c.anchor !== undefined && strongSeen.has(c.anchor))) continue;
    if (c.kind === 'alias' && !c.weak) strongSeen.add(c.entity);
    out.push({ start: c.start, end: c.end, entity: c.entity, type: c.type, kind: c.kind, weak: c.weak });
    cursor = c.end;
  }
  return out;
}

/** Alias mentions, as the page matcher would find them (first-reference rule included). */
export function findAliasMentions(text: string, entities: RegistryEntity[]): Ref[] {
  const foldedCase = fold(text, true);
  const foldedLower = fold(text, false);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const entity of entities) {
    for (const raw of entity.aliases) {
      const alias = resolveAlias(raw);
      const needle = fold(alias.text.trim(), alias.caseSensitive);
      const haystack = alias.caseSensitive ? foldedCase : foldedLower;
      for (const start of findWordOccurrences(haystack, needle)) {
        candidates.push({
          start,
          end: start + needle.length,
          entity: entity.id,
          type: entity.type,
          kind: 'alias',
          weak: alias.strength === 'weak',
          order: order++,
          ...(alias.anchor !== undefined && alias.strength === 'weak' ? { anchor: alias.anchor } : {}),
        });
      }
    }
  }
  return select(candidates);
}

/**
 * Alias mentions plus reference phrases, longest match winning. A reference counts only for
 * an entity named (by alias) somewhere in the same text, and only when no other entity
 * claims the same words.
 */
export function findExtractionRefs(text: string, entities: RegistryEntity[]): Ref[] {
  const aliasRefs = findAliasMentions(text, entities);
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
  // Aliases were already filtered by the first-reference rule; re-run selection for overlaps.
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
