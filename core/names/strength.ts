// Which aliases are weak, decided from the words themselves (data/README.md, "Alias rules"):
// a one-word alias — a surname or short form — is weak only when it is an ordinary English
// word ("Power", "Ban") or when another entity claims the same alias; otherwise it is strong
// ("Assad", "Churkin", "Rycroft"). Names of two or more words and acronyms are strong: they
// are distinctive as written, and the registry pins the exceptions ("Security Council").

import type { WordList } from './words';

export type Strength = 'strong' | 'weak';

/** An alias written only in capitals (and dots): an acronym, matched with its case ("US", "U.N."). */
export function isAcronym(text: string): boolean {
  return /^[\p{Lu}.]+$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);
}

export function decideStrength(text: string, words: WordList, shared: boolean): Strength {
  if (shared) return 'weak';
  const t = text.trim();
  if (/\s/.test(t) || isAcronym(t)) return 'strong';
  return words.isOrdinary(t) ? 'weak' : 'strong';
}
