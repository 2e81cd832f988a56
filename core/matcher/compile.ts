// Build-time half of the matcher: turns alias entries into a compact, JSON-serialisable trie.
//
// Layout (all strings, so the index costs one JSON.parse and a few linear passes to load):
// - the trie's nodes are numbered breadth-first with children in code-unit order, so every
//   node's children are consecutive and node k + 1 is the target of the k-th edge: storing
//   each node's label and child count is enough to rebuild it;
// - `nodes` holds one char per node: 48 + 2 × child count + (1 if an alias ends there);
// - `labels` holds the label (a folded code unit) of nodes 1..n;
// - every alias ending at a node is a "variant"; variants are listed in node order, one char
//   each in `variants` (48 + flags, see VARIANT_*); entities are numbered in order of first
//   appearance, so most variants name "the next new entity" and only the others store a
//   reference in `refs`;
// - `cases` holds the case-kept folded text of every weak or case-sensitive variant.

import type { EntityType } from '../dataset-types';
import type { AliasEntry } from '../matcher-types';
import { normalizeExact, normalizeKey } from '../normalize';

export const VARIANT_WEAK = 1;
export const VARIANT_CASE_SENSITIVE = 2;
/** Another variant of the same node follows. */
export const VARIANT_MORE = 4;
/** The entity is an earlier one, named by the next entry of `refs`. */
export const VARIANT_REF = 8;
/** A weak variant with an anchor entity, named by the next entry of `anchors`. */
export const VARIANT_ANCHOR = 16;

export const TYPE_CODES: Readonly<Record<EntityType, string>> = { person: 'p', organization: 'o', group: 'g', place: 'l' };

export interface CompiledIndex {
  /** Format version. */
  v: 1;
  /** One char per trie node, breadth-first: 48 + 2 × children + terminal bit. */
  nodes: string;
  /** The label (folded UTF-16 unit) of every node but the root, breadth-first. */
  labels: string;
  /** One char per alias variant, in node order: 48 + VARIANT_* bits. */
  variants: string;
  /** Entity index of each variant flagged VARIANT_REF, in order. */
  refs: number[];
  /** Case-kept folded alias text of each weak or case-sensitive variant, in order. */
  cases: string[];
  /** Anchor entity id of each variant flagged VARIANT_ANCHOR, in order (absent when none). */
  anchors?: string[];
  /** Entity ids, in order of first appearance among variants. */
  entities: string[];
  /** One char per entity: TYPE_CODES. */
  types: string;
}

interface Variant {
  entity: string;
  weak: boolean;
  caseSensitive: boolean;
  exact: string;
  anchor: string;
}

interface BuildNode {
  children: Map<number, BuildNode> | undefined;
  variants: Variant[] | undefined;
  source: AliasEntry | undefined;
}

/** String.fromCharCode over a long array, in chunks the argument list can take. */
function codesToString(codes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

const MAX_CHILDREN = 13_000; // keeps node chars below the surrogate range

/**
 * Compile alias entries into a CompiledIndex (plain JSON data). Throws when two entities
 * share an alias after normalisation, when an entity has two types, or when an alias
 * normalises to nothing. Output is deterministic: independent of the entries' order.
 */
export function compileIndex(entries: readonly AliasEntry[]): CompiledIndex {
  const root: BuildNode = { children: undefined, variants: undefined, source: undefined };
  const typeOf = new Map<string, EntityType>();
  for (const entry of entries) {
    const known = typeOf.get(entry.entity);
    if (known !== undefined && known !== entry.type) {
      throw new Error(`Entity "${entry.entity}" has two types: ${known} and ${entry.type}.`);
    }
    typeOf.set(entry.entity, entry.type);
    const key = normalizeKey(entry.text);
    if (key === '') throw new Error(`Alias "${entry.text}" of entity "${entry.entity}" normalises to nothing.`);
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.children ??= new Map();
      let next = node.children.get(c);
      if (!next) {
        next = { children: undefined, variants: undefined, source: undefined };
        node.children.set(c, next);
      }
      node = next;
    }
    if (node.source && node.source.entity !== entry.entity) {
      throw new Error(
        `Alias "${entry.text}" of entity "${entry.entity}" and alias "${node.source.text}" of entity ` +
          `"${node.source.entity}" both normalise to "${key}".`,
      );
    }
    node.source ??= entry;
    const weak = entry.strength === 'weak';
    const exact = weak || entry.caseSensitive ? normalizeExact(entry.text) : '';
    const anchor = weak && entry.anchor !== undefined && entry.anchor !== entry.entity ? entry.anchor : '';
    const v: Variant = { entity: entry.entity, weak, caseSensitive: entry.caseSensitive, exact, anchor };
    node.variants ??= [];
    if (!node.variants.some((o) => o.weak === v.weak && o.caseSensitive === v.caseSensitive && o.exact === v.exact && o.anchor === v.anchor)) {
      node.variants.push(v);
    }
  }

  const nodes: number[] = [];
  const labels: number[] = [];
  const variants: number[] = [];
  const refs: number[] = [];
  const cases: string[] = [];
  const anchors: string[] = [];
  const entities: string[] = [];
  const entityIndex = new Map<string, number>();
  let types = '';
  const queue: BuildNode[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    const keys = node.children ? [...node.children.keys()].sort((a, b) => a - b) : [];
    if (keys.length > MAX_CHILDREN) throw new Error(`More than ${MAX_CHILDREN} aliases branch at one point of the trie.`);
    nodes.push(48 + 2 * keys.length + (node.variants ? 1 : 0));
    for (const k of keys) {
      labels.push(k);
      queue.push(node.children!.get(k)!);
    }
    if (!node.variants) continue;
    // Strong before weak, so the matcher can stop at the first strong variant that fits.
    const vs = node.variants.sort(
      (a, b) =>
        Number(a.weak) - Number(b.weak) ||
        Number(a.caseSensitive) - Number(b.caseSensitive) ||
        (a.exact < b.exact ? -1 : a.exact > b.exact ? 1 : 0) ||
        (a.anchor < b.anchor ? -1 : a.anchor > b.anchor ? 1 : 0),
    );
    vs.forEach((v, i) => {
      let bits =
        (v.weak ? VARIANT_WEAK : 0) |
        (v.caseSensitive ? VARIANT_CASE_SENSITIVE : 0) |
        (i < vs.length - 1 ? VARIANT_MORE : 0) |
        (v.anchor !== '' ? VARIANT_ANCHOR : 0);
      const e = entityIndex.get(v.entity);
      if (e === undefined) {
        entityIndex.set(v.entity, entities.length);
        entities.push(v.entity);
        types += TYPE_CODES[typeOf.get(v.entity) ?? 'person'];
      } else {
        bits |= VARIANT_REF;
        refs.push(e);
      }
      if (v.weak || v.caseSensitive) cases.push(v.exact);
      if (v.anchor !== '') anchors.push(v.anchor);
      variants.push(48 + bits);
    });
  }
  const index: CompiledIndex = { v: 1, nodes: codesToString(nodes), labels: codesToString(labels), variants: codesToString(variants), refs, cases, entities, types };
  if (anchors.length > 0) index.anchors = anchors;
  return index;
}
