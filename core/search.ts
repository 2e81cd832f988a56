// Looking a name up (the popup's search) over every entity Factcard knows: the bundled
// dataset merged with the reader's library. Pure: the popup builds an EntitySearch from the
// directory the background sends and asks it on every keystroke.
//
// Why plain filtering and not a search library. Measured (`npm run bench:search`; minisearch
// 7.2 once beside it in a scratch directory, same entries, same folding, on the shared 2-core
// machine under load): with ~300 entities a keystroke costs ours about 0.3–2 ms (minisearch
// 0.05–0.3 ms); with 3,000 ours 10–25 ms against minisearch's well under 1 ms. Minisearch is
// the faster index, but at the popup's size ours is far below what a typist can notice, and
// minisearch's relevance score (BM25 plus prefix/fuzzy weights) does not give the strict order
// the popup promises (exact name > exact alias > prefix > word prefix > fuzzy, then more-cited
// first): for "al" it put al-Qaida before Aleppo, the most-cited. We would re-rank its hits
// anyway, for a dependency of ~20 kB minified in the popup. If libraries grow to thousands of
// entities, minisearch as the candidate filter in front of this ranking is the way up.

import type { Dataset, EntityType } from './dataset-types';
import { normalizeKey } from './normalize';

/** One entity as the search sees it (what the background sends the popup). */
export interface SearchEntry {
  id: string;
  name: string;
  type: EntityType;
  /** Other names the sources use (the name itself may repeat here; it is ignored). */
  aliases: string[];
  /** How often the sources name it (mentions): more-cited first among equal matches. */
  weight: number;
  /** The cited description, for the result's second line; null when none. */
  role: string | null;
}

/** How a hit matched, best first. */
export const MATCH_KINDS = ['name', 'alias', 'prefix', 'word', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface SearchHit {
  id: string;
  name: string;
  type: EntityType;
  role: string | null;
  weight: number;
  kind: MatchKind;
  /** The alias that matched when the name does not hold it ("Tchurkin" for Vitaly Churkin, not "Churkin"); else null. */
  matched: string | null;
}

export interface SearchResult {
  /** The best `limit` hits, best first. */
  hits: SearchHit[];
  /** How many entities matched in all. */
  total: number;
}

/** Only this much of a query is matched: a pasted essay costs no more than a long name. */
export const MAX_QUERY_CHARS = 64;
/** Queries past this many folded characters get no fuzzy pass (no one mistypes a paragraph). */
const MAX_FUZZY_CHARS = 32;

/**
 * The search key of a name or query: the matcher's fold (case, diacritics, dashes,
 * apostrophes, white space; core/normalize.ts), then dots and apostrophes dropped ("U.N." =
 * "UN", "Children's" = "Childrens") and every other non-letter, non-digit run made one space
 * ("Ki-moon" = "Ki moon"). Empty when nothing word-like is left (emoji, punctuation).
 */
export function searchKey(text: string): string {
  return normalizeKey(text)
    .replace(/['.\u00b7]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** The query as matched: at most MAX_QUERY_CHARS code units, never half a surrogate pair. */
export function capQuery(query: string): string {
  if (query.length <= MAX_QUERY_CHARS) return query;
  const cut = query.slice(0, MAX_QUERY_CHARS);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The search directory of a dataset (bundled, or merged with the library). */
export function searchEntries(dataset: Dataset): SearchEntry[] {
  const weight = new Map<string, number>();
  for (const m of dataset.mentions) weight.set(m.entity, (weight.get(m.entity) ?? 0) + 1);
  return dataset.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => a.text),
    weight: weight.get(e.id) ?? 0,
    role: e.description?.text ?? null,
  }));
}

interface Key {
  text: string;
  /** The key without spaces: "bankimoon" meets "banki moon" and "Alqaida" meets "al-Qaida". */
  compact: string;
  words: string[];
  /** The alias this key comes from, or null for the entity's name. */
  alias: string | null;
  /** The alias to show as "also written …": null when the name already holds it ("Churkin"). */
  shown: string | null;
}

interface Query extends Key {
  /** The query's words, longest first (see wordsPrefix). */
  longestFirst: string[];
}

interface Prepared {
  entry: SearchEntry;
  keys: Key[];
}

function keyOf(text: string, alias: string | null, name = ''): Key | null {
  const k = searchKey(text);
  if (!k) return null;
  const shown = alias !== null && !` ${name} `.includes(` ${k} `) ? alias : null;
  return { text: k, compact: k.replace(/ /g, ''), words: k.split(' '), alias, shown };
}

export class EntitySearch {
  private readonly items: Prepared[];

  constructor(entries: readonly SearchEntry[]) {
    this.items = entries.map((entry) => {
      const keys: Key[] = [];
      const name = keyOf(entry.name, null);
      if (name) keys.push(name);
      // A name like "Russian government (“Moscow”)" is also found by its part before the bracket.
      const bare = entry.name.replace(/\s*\(.*\)\s*$/, '');
      const bareKey = bare !== entry.name ? keyOf(bare, null) : null;
      if (bareKey) keys.push(bareKey);
      for (const a of entry.aliases) {
        const k = keyOf(a, a, name?.text);
        if (k && !keys.some((x) => x.text === k.text)) keys.push(k);
      }
      return { entry, keys };
    });
  }

  get size(): number {
    return this.items.length;
  }

  /** Hits for a query, best first; an empty (or wordless) query finds nothing. */
  search(query: string, limit = 50): SearchResult {
    const key = keyOf(capQuery(query), null);
    if (!key) return { hits: [], total: 0 };
    const q: Query = { ...key, longestFirst: [...key.words].sort((a, b) => b.length - a.length) };
    const maxEdits = q.compact.length > MAX_FUZZY_CHARS ? -1 : q.compact.length >= 8 ? 2 : q.compact.length >= 4 ? 1 : -1;
    const found: Array<{ hit: SearchHit; rank: number; edits: number }> = [];
    for (const { entry, keys } of this.items) {
      let best: { rank: number; edits: number; key: Key } | null = null;
      for (const key of keys) {
        const rank = exactRank(q, key);
        if (rank !== null && (!best || rank < best.rank)) best = { rank, edits: 0, key };
      }
      if (!best && maxEdits > 0) {
        for (const key of keys) {
          const edits = fuzzyEdits(q.text, key, maxEdits);
          if (edits !== null && (!best || edits < best.edits)) best = { rank: MATCH_KINDS.indexOf('fuzzy'), edits, key };
        }
      }
      if (!best) continue;
      const kind = MATCH_KINDS[best.rank] ?? 'fuzzy';
      found.push({
        hit: { id: entry.id, name: entry.name, type: entry.type, role: entry.role, weight: entry.weight, kind, matched: best.key.shown },
        rank: best.rank,
        edits: best.edits,
      });
    }
    found.sort((a, b) => a.rank - b.rank || a.edits - b.edits || b.hit.weight - a.hit.weight || a.hit.name.localeCompare(b.hit.name) || (a.hit.id < b.hit.id ? -1 : 1));
    return { hits: found.slice(0, Math.max(0, limit)).map((f) => f.hit), total: found.length };
  }
}

/** Rank (index in MATCH_KINDS) of a non-fuzzy match of the query against one key, or null. */
function exactRank(q: Query, key: Key): number | null {
  if (key.text === q.text || key.compact === q.compact) return key.alias === null ? 0 : 1;
  if (key.text.startsWith(q.text) || key.compact.startsWith(q.compact)) return 2;
  if (wordsPrefix(q.longestFirst, key.words)) return 3;
  return null;
}

/** Every query word begins a different word of the key, in any order ("ki moon", "churkin vitaly"). */
function wordsPrefix(longestFirst: readonly string[], words: readonly string[]): boolean {
  if (longestFirst.length > words.length || words.length > 31) return false;
  // Longest query words first, so a short one does not take the word a longer one needs.
  let used = 0;
  for (const w of longestFirst) {
    let i = 0;
    while (i < words.length && ((used >> i) & 1 || !(words[i] as string).startsWith(w))) i++;
    if (i === words.length) return false;
    used |= 1 << i;
  }
  return true;
}

/**
 * The fewest edits (insert, delete, substitute, swap two neighbours) that turn the query into
 * the start of the key or of one of its words, if at most `max`; else null. "nebenzya" is one
 * edit from "nebenzia", "churkn" one from the start of "churkin".
 */
function fuzzyEdits(q: string, key: Key, max: number): number | null {
  let best: number | null = null;
  let at = 0;
  for (const w of key.words) {
    const d = prefixDistance(q, key.text, max, at);
    if (d !== null && (best === null || d < best)) best = d;
    if (best === 0) break;
    at += w.length + 1;
  }
  return best;
}

// Three rows of the distance table, reused by every call (queries are capped, so rows are short).
const ROW = MAX_QUERY_CHARS + 8;
let rows = [new Int32Array(ROW), new Int32Array(ROW), new Int32Array(ROW)] as const;

/**
 * Optimal-string-alignment distance from `q` to the closest prefix of `t.slice(from)`, or null
 * past `max`. Rows run over the query, columns over the text, so a row whose every cell is
 * past `max` ends the search early (most keys end after a letter or two).
 */
export function prefixDistance(q: string, t: string, max: number, from = 0): number | null {
  const m = q.length;
  if (m === 0) return 0;
  const n = Math.min(t.length - from, m + max);
  if (n < 0) return null;
  if (n + 1 > rows[0].length) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const qc = q.charCodeAt(i - 1);
    const qp = i > 1 ? q.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tc = t.charCodeAt(from + j - 1);
      let d = (prev[j - 1] as number) + (qc === tc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (j > 1 && qp === tc && qc === t.charCodeAt(from + j - 2)) {
        const swap = (prev2[j - 2] as number) + 1;
        if (swap < d) d = swap;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return null;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  // The query fully read, against any prefix of the text.
  let best = Infinity;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best <= max ? best : null;
}
