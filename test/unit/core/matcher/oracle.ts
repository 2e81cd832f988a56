// A deliberately naive reference matcher for the property tests: fold the whole text into
// a new string with an offset array, indexOf every alias key separately, check each hit's
// boundaries and case, then resolve leftmost-longest by sorting. It shares only the
// per-code-unit definitions (core/normalize.ts) and the title word list with the real one.

import { NAME_PREFIX_WORDS } from '../../../../core/matcher/context';
import type { AliasEntry, TextMatch } from '../../../../core/matcher-types';
import { SKIP, SPACE, UPPER, WORD, exactUnit, foldUnit, isWordCodePoint, unitFlags } from '../../../../core/normalize';

const has = (c: number | undefined, flag: number): boolean => c !== undefined && (unitFlags(c) & flag) !== 0;
const isHigh = (c: number | undefined): boolean => c !== undefined && c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number | undefined): boolean => c !== undefined && c >= 0xdc00 && c <= 0xdfff;

/** Fold `text` into one string; origin[k] is the text offset of folded unit k. */
export function naiveFold(text: string, caseless: boolean): { folded: string; origin: number[] } {
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (has(c, SKIP)) continue;
    if (has(c, SPACE)) {
      if (chars[chars.length - 1] === ' ') continue;
      chars.push(' ');
    } else chars.push(String.fromCharCode(caseless ? foldUnit(c) : exactUnit(c)));
    origin.push(i);
  }
  return { folded: chars.join(''), origin };
}

const trimSpace = (s: string): string => s.replace(/^ +| +$/g, '');

function codes(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}

function cpBefore(u: number[], s: number): number | undefined {
  let k = s - 1;
  while (k >= 0 && has(u[k], SKIP)) k--;
  if (k < 0) return undefined;
  if (isLow(u[k]) && isHigh(u[k - 1])) return ((u[k - 1]! - 0xd800) << 10) + (u[k]! - 0xdc00) + 0x10000;
  return u[k];
}

function cpAt(u: number[], e: number): number | undefined {
  if (e >= u.length) return undefined;
  if (isHigh(u[e]) && isLow(u[e + 1])) return ((u[e]! - 0xd800) << 10) + (u[e + 1]! - 0xdc00) + 0x10000;
  return u[e];
}

function contextAllows(u: number[], s: number, e: number): boolean {
  const gapBefore: number[] = [];
  let j = s - 1;
  for (; j >= 0 && has(u[j], SPACE | SKIP); j--) gapBefore.push(j);
  if (gapBefore.length > 0 && j >= 0 && has(u[j], WORD)) {
    const word: number[] = [];
    for (; j >= 0 && has(u[j], WORD); j--) word.unshift(u[j]!);
    if (has(word[0], UPPER)) {
      const w = word
        .filter((c) => !has(c, SKIP))
        .map((c) => String.fromCharCode(foldUnit(c)))
        .join('');
      if (!NAME_PREFIX_WORDS.has(w)) return false;
    }
  }
  let k = e;
  while (k < u.length && has(u[k], SPACE | SKIP)) k++;
  return !(k > e && k < u.length && has(u[k], UPPER));
}

interface Candidate extends TextMatch {
  allWeak: boolean;
}

/** Every leftmost-longest, non-overlapping match of `entries` in `text`, the slow way. */
export function oracleFind(entries: readonly AliasEntry[], text: string): TextMatch[] {
  const u = codes(text);
  const { folded, origin } = naiveFold(text, true);
  const spans = new Map<string, Candidate>();
  for (const entry of entries) {
    const key = trimSpace(naiveFold(entry.text, true).folded);
    const exact = trimSpace(naiveFold(entry.text, false).folded);
    const weak = entry.strength === 'weak';
    if (key === '') continue;
    for (let k = folded.indexOf(key); k >= 0; k = folded.indexOf(key, k + 1)) {
      const s = origin[k]!;
      let e = origin[k + key.length - 1]! + 1;
      while (e < u.length && has(u[e], SKIP)) e++;
      if (isLow(u[s]) && isHigh(u[s - 1])) continue;
      if (isLow(u[e]) && isHigh(u[e - 1])) continue;
      const before = cpBefore(u, s);
      const after = cpAt(u, e);
      if (before !== undefined && isWordCodePoint(before)) continue;
      if (after !== undefined && isWordCodePoint(after)) continue;
      const spanExact = naiveFold(text.slice(s, e), false).folded;
      if (weak) {
        const capitalised =
          has(u[s], UPPER) && !has(exact.charCodeAt(0), UPPER) && spanExact.slice(1) === exact.slice(1);
        if (spanExact !== exact && !capitalised) continue;
        if (!contextAllows(u, s, e)) continue;
      } else if (entry.caseSensitive && spanExact !== exact) continue;
      const id = `${s}:${e}`;
      const prev = spans.get(id);
      if (prev) prev.allWeak &&= weak;
      else spans.set(id, { start: s, end: e, entity: entry.entity, weak, allWeak: weak });
    }
  }
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextMatch[] = [];
  let lastEnd = 0;
  for (const c of sorted) {
    if (c.start < lastEnd) continue;
    out.push({ start: c.start, end: c.end, entity: c.entity, weak: c.allWeak });
    lastEnd = c.end;
  }
  return out;
}
