// Run-time half of the matcher: loads a CompiledIndex and scans strings.
//
// One left-to-right pass. A match can only start where no word character precedes, so
// instead of Aho–Corasick failure links the scan walks the trie from each such position and
// keeps the longest valid alias found; after a match it resumes at the match's end
// (leftmost-longest, non-overlapping, no candidate list, no sort). Each code unit is folded
// on the fly through shared lookup tables (core/normalize.ts), so offsets are offsets into
// the original string and the loop allocates nothing but the matches it returns.

import type { EntityType } from '../dataset-types';
import type { Matcher, TextMatch } from '../matcher-types';
import { HIGH, LOW, SKIP, SPACE, WORD, foldTables, isWordCodePoint, unitFlags } from '../normalize';
import {
  TYPE_CODES,
  VARIANT_ANCHOR,
  VARIANT_CASE_SENSITIVE,
  VARIANT_MORE,
  VARIANT_REF,
  VARIANT_WEAK,
  type CompiledIndex,
} from './compile';
import { codePointBefore, nameContextAllows, onWordBoundaries, spanHasCase } from './context';

const TYPE_BY_CODE = new Map<string, EntityType>(
  (Object.entries(TYPE_CODES) as [EntityType, string][]).map(([type, code]) => [code, type]),
);

/** Load a compiled index (e.g. straight from JSON.parse) into a ready Matcher. */
export function loadMatcher(index: CompiledIndex): Matcher {
  if (index.v !== 1) throw new Error(`Unsupported matcher index version ${String(index.v)}.`);
  const n = index.nodes.length;
  if (index.labels.length !== n - 1) throw new Error('Corrupt matcher index: labels and nodes disagree.');

  const label = new Uint16Array(n);
  for (let k = 1; k < n; k++) label[k] = index.labels.charCodeAt(k - 1);
  // Breadth-first numbering makes each node's children consecutive: [first[k], first[k + 1]).
  const first = new Int32Array(n + 1);
  /** index + 1 of the node's first variant; 0 when no alias ends at the node. */
  const firstVariant = new Int32Array(n);
  const nv = index.variants.length;
  const vEntity = new Int32Array(nv);
  const vFlags = new Uint8Array(nv);
  const vCase: string[] = new Array<string>(nv).fill('');
  /** Anchor entity id per variant ('' for none). */
  const vAnchor: string[] = new Array<string>(nv).fill('');
  const anchors = index.anchors ?? [];
  let anchorAt = 0;

  let nextChild = 1;
  let v = 0;
  let ref = 0;
  let caseAt = 0;
  let newEntity = 0;
  for (let k = 0; k < n; k++) {
    const code = index.nodes.charCodeAt(k) - 48;
    first[k] = nextChild;
    nextChild += code >> 1;
    if (code & 1) {
      firstVariant[k] = v + 1;
      for (;;) {
        const bits = index.variants.charCodeAt(v) - 48;
        vFlags[v] = bits;
        vEntity[v] = bits & VARIANT_REF ? (index.refs[ref++] ?? 0) : newEntity++;
        if (bits & (VARIANT_WEAK | VARIANT_CASE_SENSITIVE)) vCase[v] = index.cases[caseAt++] ?? '';
        if (bits & VARIANT_ANCHOR) vAnchor[v] = anchors[anchorAt++] ?? '';
        v++;
        if (!(bits & VARIANT_MORE) || v >= nv) break;
      }
    }
  }
  first[n] = nextChild;
  if (nextChild !== n || v !== nv) throw new Error('Corrupt matcher index: counts disagree.');

  // The root's children are looked up for nearly every word: a direct table, in pages of
  // 256 code units so that a Latin-only index costs 1 KB, not 256 KB.
  const rootPages: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(256).fill(undefined);
  for (let k = first[0]!; k < first[1]!; k++) {
    const c = label[k]!;
    const page = (rootPages[c >> 8] ??= new Int32Array(256));
    page[c & 255] = k;
  }

  const entities = index.entities;
  // Built on first use: find() never needs it, and it is the costliest part of a load.
  let types: Map<string, EntityType> | undefined;
  function typeOf(entity: string): EntityType | undefined {
    if (!types) {
      types = new Map();
      for (let i = 0; i < entities.length; i++) {
        const t = TYPE_BY_CODE.get(index.types.charAt(i));
        if (t) types.set(entities[i]!, t);
      }
    }
    return types.get(entity);
  }

  const { flags, fold } = foldTables();

  /** The variant of `node` that fits [s, e): strong ones first; -1 when none fits. */
  function pick(node: number, text: string, s: number, e: number): number {
    let weakOk = -1;
    let contextChecked = false;
    let contextOk = false;
    for (let i = firstVariant[node]! - 1; ; i++) {
      const bits = vFlags[i]!;
      if (bits & VARIANT_WEAK) {
        if (weakOk < 0 && spanHasCase(text, s, e, vCase[i]!, true)) {
          if (!contextChecked) {
            contextOk = nameContextAllows(text, s, e);
            contextChecked = true;
          }
          if (contextOk) weakOk = i;
        }
      } else if (!(bits & VARIANT_CASE_SENSITIVE) || spanHasCase(text, s, e, vCase[i]!, false)) return i;
      if (!(bits & VARIANT_MORE)) return weakOk;
    }
  }

  let bestVariant = -1;

  /** Walk the trie from `s`; the end of the longest valid match (bestVariant set), or -1. */
  function walk(text: string, s: number, startNode: number): number {
    const len = text.length;
    const fl = flags;
    const fo = fold;
    const lab = label;
    const fst = first;
    const fv = firstVariant;
    let node = startNode;
    let j = s + 1;
    let lastSpace = false;
    let best = -1;
    for (;;) {
      if (fv[node] !== 0) {
        let e = j;
        while (e < len) {
          const c = text.charCodeAt(e);
          let f = fl[c]!;
          if (f === 0) f = unitFlags(c);
          if (!(f & SKIP)) break;
          e++;
        }
        if (onWordBoundaries(text, s, e)) {
          const p = pick(node, text, s, e);
          if (p >= 0) {
            best = e;
            bestVariant = p;
          }
        }
      }
      let lo = fst[node]!;
      let hi = fst[node + 1]!;
      if (lo === hi) return best;
      let c = 0;
      let f = 0;
      for (;;) {
        if (j >= len) return best;
        c = text.charCodeAt(j);
        f = fl[c]!;
        if (f === 0) f = unitFlags(c);
        if (f & SKIP || (f & SPACE && lastSpace)) {
          j++;
          continue;
        }
        break;
      }
      lastSpace = (f & SPACE) !== 0;
      const x = fo[c]!;
      let k = 0;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          const l = lab[lo]!;
          if (l >= x) {
            if (l === x) k = lo;
            break;
          }
        }
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const l = lab[mid]!;
          if (l === x) {
            k = mid;
            break;
          }
          if (l < x) lo = mid + 1;
          else hi = mid;
        }
      }
      if (k === 0) return best;
      node = k;
      j++;
    }
  }

  function find(text: string): TextMatch[] {
    const out: TextMatch[] = [];
    const len = text.length;
    let prevWord = false;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      let f = flags[c]!;
      if (f === 0) f = unitFlags(c);
      // Inside a word (the common case): nothing can start here.
      if (prevWord && f & WORD) {
        i++;
        continue;
      }
      if (f & SKIP) {
        i++;
        continue;
      }
      if (!prevWord) {
        const fc = fold[c]!;
        const page = rootPages[fc >> 8];
        const k = page === undefined ? 0 : page[fc & 255]!;
        if (k !== 0) {
          const e = walk(text, i, k);
          if (e >= 0) {
            const bits = vFlags[bestVariant]!;
            const m: TextMatch = { start: i, end: e, entity: entities[vEntity[bestVariant]!]!, weak: (bits & VARIANT_WEAK) !== 0 };
            if (bits & VARIANT_ANCHOR) m.anchor = vAnchor[bestVariant]!;
            out.push(m);
            i = e;
            const before = codePointBefore(text, e);
            prevWord = before >= 0 && isWordCodePoint(before);
            continue;
          }
        }
      }
      if (f & HIGH && i + 1 < len && unitFlags(text.charCodeAt(i + 1)) & LOW) {
        prevWord = isWordCodePoint(text.codePointAt(i)!);
        i += 2;
      } else {
        prevWord = (f & WORD) !== 0;
        i++;
      }
    }
    return out;
  }

  return {
    find,
    typeOf,
  };
}
