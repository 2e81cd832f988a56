// Text normalisation for name matching, one UTF-16 code unit at a time.
//
// The matcher never builds a normalised copy of the page text: it folds each code unit as it
// reads it, so every offset it reports is an offset into the original string. That only
// works if folding never changes lengths, so each code unit folds to exactly one code unit
// or to nothing ("skip"):
// - letters lose their diacritics (the first unit of their NFD form when the rest are
//   combining diacritical marks: "ç" → "c", "İ" → "I"); stand-alone combining diacritics,
//   soft hyphens, joiners and Arabic harakat/tatweel are skipped, so NFC and NFD text
//   match alike;
// - the case fold lower-cases a unit when its lower case is one unit (plus final sigma);
// - every kind of white space folds to " " (runs count as one space), every hyphen and dash
//   to "-", every apostrophe-like mark to "'".
// Surrogate halves fold to themselves. Lookups are lazy tables: the first sight of a code
// unit computes its entry (with a regex or two); after that it is an array read.

/** The unit has been classified. */
const COMPUTED = 1;
/** A letter, digit or mark (\p{L}, \p{N}, \p{M}) — part of a word. */
export const WORD = 2;
/** Folds to nothing: combining diacritics, soft hyphen, joiners, harakat. */
export const SKIP = 4;
/** White space of any kind (folds to " "). */
export const SPACE = 8;
/** Has a different lower case (an upper- or title-case letter). */
export const UPPER = 16;
/** High (leading) surrogate. */
export const HIGH = 32;
/** Low (trailing) surrogate. */
export const LOW = 64;

const astralWord = new Map<number, boolean>();

const DIACRITIC = /^[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]$/;
const SKIPPED = /^[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200c\u200d\u2060\ufeff\u0640\u064b-\u065f\u0670]$/;
const SPACES = /^[\s\u0085\u200b]$/;
const DASHES = /^[\u002d\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]$/;
const APOSTROPHES = /^[\u0027\u0060\u00b4\u2018\u2019\u201b\u2032\u02bc\uff07]$/;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

interface Tables {
  flags: Uint8Array;
  fold: Uint16Array;
  exact: Uint16Array;
}
let theTables: Tables | undefined;

/** Made on first use, then the same object: it is read once per code unit on hot paths. */
function tables(): Tables {
  return (theTables ??= { flags: new Uint8Array(0x10000), fold: new Uint16Array(0x10000), exact: new Uint16Array(0x10000) });
}

/** One code unit's entry: flags, case-insensitive fold, case-preserving fold. */
export type UnitEntry = readonly [flags: number, fold: number, exact: number];

/**
 * The entry by the definitions above (Unicode normalisation and property regexes). Exported
 * for the test that checks `classifyFast` against it.
 */
export function classifyByRegex(c: number): UnitEntry {
  let f = COMPUTED;
  let base = c;
  let lower = c;
  if (c >= 0xd800 && c <= 0xdbff) f |= HIGH;
  else if (c >= 0xdc00 && c <= 0xdfff) f |= LOW;
  else {
    const s = String.fromCharCode(c);
    // The base letter: the NFD form's first unit when the rest are diacritics
    // (U+1FEF GREEK VARIA decomposes to a backtick, so the checks below look at the base).
    const d = s.normalize('NFD');
    let b = s;
    if (d.length === 1) b = d;
    else if (d.length > 1) {
      let allDiacritics = true;
      for (let k = 1; k < d.length; k++) if (!DIACRITIC.test(d.charAt(k))) allDiacritics = false;
      if (allDiacritics) b = d.charAt(0);
    }
    if (SKIPPED.test(s)) f |= SKIP;
    else if (SPACES.test(b) && c !== 0xfeff) base = lower = 0x20;
    else if (DASHES.test(b)) base = lower = 0x2d;
    else if (APOSTROPHES.test(b)) base = lower = 0x27;
    else {
      base = b.charCodeAt(0);
      const l = b.toLowerCase();
      lower = l.length === 1 ? l.charCodeAt(0) : base;
      if (lower === 0x3c2) lower = 0x3c3; // final sigma folds like sigma
    }
    if (base === 0x20) f |= SPACE;
    if (WORD_CHAR.test(s)) f |= WORD;
    if (lower !== base) f |= UPPER;
  }
  return [f, lower, base];
}

/**
 * The same entry by arithmetic for ASCII, Latin-1 Supplement and Latin Extended-A (U+0080–
 * U+017F: the no-break space, soft hyphen and accented letters) and General Punctuation
 * (U+2000–U+206F: the spaces, dashes, quotation marks and joiners of news text), or null
 * elsewhere. Most pages need no other units, so they never compile the Unicode property
 * regexes (3–5 ms of a page's first scan; ~1 ms on a page with a no-break space or an
 * accented letter before the Latin ranges were added). test/unit/core/matcher/normalize.test.ts
 * checks every unit in these ranges against classifyByRegex.
 */
export function classifyFast(c: number): UnitEntry | null {
  if (c < 0x80) {
    if ((c >= 0x09 && c <= 0x0d) || c === 0x20) return [COMPUTED | SPACE, 0x20, 0x20];
    if (c === 0x2d) return [COMPUTED, 0x2d, 0x2d];
    if (c === 0x27 || c === 0x60) return [COMPUTED, 0x27, 0x27];
    if (c >= 0x41 && c <= 0x5a) return [COMPUTED | WORD | UPPER, c + 0x20, c];
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return [COMPUTED | WORD, c, c];
    return [COMPUTED, c, c];
  }
  if (c < 0x180) return classifyLatin(c);
  if (c < 0x2000 || c > 0x206f) return null;
  if (c === 0x200c || c === 0x200d || c === 0x2060) return [COMPUTED | SKIP, c, c];
  if (c <= 0x200b || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return [COMPUTED | SPACE, 0x20, 0x20];
  if (c >= 0x2010 && c <= 0x2015) return [COMPUTED, 0x2d, 0x2d];
  if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x2032) return [COMPUTED, 0x27, 0x27];
  return [COMPUTED, c, c];
}

/** Latin-1 Supplement and Latin Extended-A (U+0080–U+017F): the accented letters of names. */
function classifyLatin(c: number): UnitEntry {
  if (c === 0xad) return [COMPUTED | SKIP, c, c];
  if (c === 0x85 || c === 0xa0) return [COMPUTED | SPACE, 0x20, 0x20];
  if (c === 0xb4) return [COMPUTED, 0x27, 0x27];
  const word = c >= 0x100 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
    || c === 0xaa || c === 0xb5 || c === 0xba // ª µ º
    || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe); // ² ³ ¹ ¼ ½ ¾
  if (!word) return [COMPUTED, c, c];
  // Every decomposition in this range is a base letter and combining diacritics.
  const b = String.fromCharCode(c).normalize('NFD').charAt(0);
  const base = b.charCodeAt(0);
  const l = b.toLowerCase();
  const lower = l.length === 1 ? l.charCodeAt(0) : base;
  return [COMPUTED | WORD | (lower !== base ? UPPER : 0), lower, base];
}

function classify(c: number): number {
  const { flags, fold, exact } = tables();
  const [f, lower, base] = classifyFast(c) ?? classifyByRegex(c);
  flags[c] = f;
  fold[c] = lower;
  exact[c] = base;
  return f;
}

/** Flags (WORD, SKIP, SPACE, UPPER, HIGH, LOW) of one UTF-16 code unit. */
export function unitFlags(c: number): number {
  const f = tables().flags[c] ?? 0;
  return f === 0 ? classify(c) : f;
}

/** The case-insensitive fold of one code unit (meaningless for SKIP units). */
export function foldUnit(c: number): number {
  unitFlags(c);
  return tables().fold[c] ?? c;
}

/** The case-preserving fold of one code unit (diacritics, dashes, spaces, apostrophes only). */
export function exactUnit(c: number): number {
  unitFlags(c);
  return tables().exact[c] ?? c;
}

/** Whether a code point is part of a word: a letter, digit or mark of any script. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) return (unitFlags(cp) & WORD) !== 0;
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    astralWord.set(cp, w);
  }
  return w;
}

/**
 * The shared tables, for the matcher's hot loop. Entries are lazily filled: a zero flag
 * means "call unitFlags first".
 */
export function foldTables(): Tables {
  return tables();
}

function foldString(text: string, caseless: boolean): string {
  let out = '';
  let lastSpace = true; // drops leading white space
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = unitFlags(c);
    if (f & SKIP) continue;
    if (f & SPACE) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out += String.fromCharCode(caseless ? foldUnit(c) : exactUnit(c));
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/**
 * The matching key of an alias: case-folded, diacritics removed, dashes, apostrophes and
 * white space unified, runs of white space collapsed, trimmed. Two aliases match the same
 * text exactly when their keys are equal. Same length as the text's non-skipped units.
 */
export function normalizeKey(text: string): string {
  return foldString(text, true);
}

/** Like normalizeKey but keeping case: what case-sensitive aliases compare. */
export function normalizeExact(text: string): string {
  return foldString(text, false);
}
