// An English word list seen two ways: "is this spelling an English word at all?" (any
// case, any frequency: a generated spelling variant must never be one) and "is this an
// ordinary lower-case word?" (frequent enough to be read as a word, not a name: such a
// surname or short form is weak).
//
// The list is given as frequency entries (word, count); `word` starts with a capital when
// the corpus writes it capitalised more often than not, which is how proper names ("Russia",
// "Matthew") are told apart from ordinary words ("power", "ban"). Build time only: the list
// is never bundled into the extension.

import { normalizeKey } from '../normalize';

export interface WordEntry {
  word: string;
  count: number;
}

export interface WordList {
  /** Whether the text (folded: case, diacritics) is a word of the list, in any case. */
  has(text: string): boolean;
  /** Whether the text is an ordinary word: written lower case in the list, at least `minCount` times. */
  isOrdinary(text: string): boolean;
}

/** A lower-case word this frequent is "ordinary" (per the list's corpus; see core/names/README.md). */
export const ORDINARY_MIN_COUNT = 10;

export function wordList(entries: Iterable<WordEntry>, minCount = ORDINARY_MIN_COUNT): WordList {
  const all = new Set<string>();
  const ordinary = new Set<string>();
  for (const e of entries) {
    const key = normalizeKey(e.word);
    if (key === '') continue;
    all.add(key);
    if (e.count >= minCount && e.word === e.word.toLowerCase()) ordinary.add(key);
  }
  return {
    has: (text) => all.has(normalizeKey(text)),
    isOrdinary: (text) => ordinary.has(normalizeKey(text)),
  };
}
