// Local checks on one candidate span: case rules and whether a weak alias stands where a
// name can stand. Called only on candidates (rare), so clarity beats speed here.

import { HIGH, LOW, SKIP, SPACE, UPPER, WORD, exactUnit, foldUnit, isWordCodePoint, unitFlags } from '../normalize';

/**
 * Capitalised words that may precede a weak alias without making it part of another name:
 * titles ("Ambassador Power") and words that start sentences ("When Ban arrived").
 * Any other capitalised word right before ("Will Power") glues the alias into a different name.
 */
export const NAME_PREFIX_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss mx dr prof sir dame lord lady president vice prime minister secretary general ' +
    'ambassador envoy senator sen rep representative congressman congresswoman governor mayor ' +
    'chancellor king queen prince princess sheikh emir sultan judge justice pope cardinal bishop ' +
    'rev father colonel col gen lt captain capt commander admiral chairman chairwoman chair ' +
    'director spokesman spokeswoman spokesperson foreign defence defense deputy acting former ex ' +
    'premier leader chief counsel attorney speaker delegate ' +
    'the a an and or but nor as at by for from in into of on onto to with without when while ' +
    'after before since until then so if though although because yet meanwhile however also ' +
    'yesterday today tomorrow tonight earlier later where why how what who whom whose which that ' +
    'this these those there here not only even still both either neither unlike like said says ' +
    'asked told added according under over about against between during per via ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december'
  ).split(' '),
);

/** The code point ending just before `i`, skipping SKIP units; -1 at the start of the text. */
export function codePointBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && unitFlags(text.charCodeAt(k)) & SKIP) k--;
  if (k < 0) return -1;
  const c = text.charCodeAt(k);
  if (unitFlags(c) & LOW && k > 0) {
    const h = text.charCodeAt(k - 1);
    if (unitFlags(h) & HIGH) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point starting at `i`; -1 at the end of the text. */
export function codePointAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) ?? -1) : -1;
}

/** Whether `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return (
    i > 0 && i < text.length && (unitFlags(text.charCodeAt(i - 1)) & HIGH) !== 0 && (unitFlags(text.charCodeAt(i)) & LOW) !== 0
  );
}

/**
 * Whether the span's folded text equals `exact` with case kept. With `nameCase` (weak
 * aliases), a lower-case first letter of `exact` may also be capitalised, as at a sentence
 * start: "Power" matches "Power" only (not "power", "POWER"); "al-Assad" matches "al-Assad"
 * and "Al-Assad".
 */
export function spanHasCase(text: string, start: number, end: number, exact: string, nameCase: boolean): boolean {
  let k = 0;
  let lastSpace = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = unitFlags(c);
    if (f & SKIP) continue;
    if (f & SPACE) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    const want = exact.charCodeAt(k);
    if (exactUnit(c) !== want) {
      if (!(k === 0 && nameCase && f & UPPER) || unitFlags(want) & UPPER || foldUnit(c) !== foldUnit(want)) return false;
    }
    k++;
  }
  return k === exact.length;
}

/**
 * Whether a weak alias at [start, end) stands where a name can: not glued by white space to
 * a capitalised word before it (other than a title or sentence word) or after it.
 * "Will Power" and "Ban Ki-sang" fail; "Power said", "Ambassador Power", "(Ban)" pass.
 */
export function nameContextAllows(text: string, start: number, end: number): boolean {
  // Backwards: white space, then a word whose first unit is upper case?
  let j = start;
  while (j > 0 && unitFlags(text.charCodeAt(j - 1)) & (SPACE | SKIP)) j--;
  if (j < start && j > 0 && unitFlags(text.charCodeAt(j - 1)) & WORD) {
    let w = j;
    while (w > 0 && unitFlags(text.charCodeAt(w - 1)) & WORD) w--;
    if (unitFlags(text.charCodeAt(w)) & UPPER) {
      let word = '';
      for (let k = w; k < j; k++) {
        const c = text.charCodeAt(k);
        if (!(unitFlags(c) & SKIP)) word += String.fromCharCode(foldUnit(c));
      }
      if (!NAME_PREFIX_WORDS.has(word)) return false;
    }
  }
  // Forwards: white space, then an upper-case letter?
  let k = end;
  while (k < text.length && unitFlags(text.charCodeAt(k)) & (SPACE | SKIP)) k++;
  if (k > end && k < text.length && unitFlags(text.charCodeAt(k)) & UPPER) return false;
  return true;
}

/** Whether [start, end) sits on word boundaries: no word code point touches either side. */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (splitsPair(text, start) || splitsPair(text, end)) return false;
  const before = codePointBefore(text, start);
  if (before >= 0 && isWordCodePoint(before)) return false;
  const after = codePointAt(text, end);
  return !(after >= 0 && isWordCodePoint(after));
}
