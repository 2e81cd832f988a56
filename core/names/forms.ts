// Number forms of group and organisation names, as news writes them: a member or a modifier
// takes the singular ("a White Helmet volunteer" for the White Helmets), members of a group
// named in the singular take the plural ("Houthis" for the Houthi movement's fighters).
// Possessives need no form: the matcher stops a name at the apostrophe ("Hezbollah's
// fighters", "the White Helmets' founder"), see core/matcher/README.md.

import { tokenize, join } from './spelling';

/** The singular of a plural English noun, or null when the word does not look plural. */
export function singularOf(word: string): string | null {
  if (!/^\p{L}+s$/u.test(word) || /(?:ss|us|is)$/i.test(word) || word.length < 4) return null;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|zes|sses)$/i.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

export interface FormOptions {
  /** Whether `word` is in the English word list. */
  isWord(word: string): boolean;
}

/**
 * Number forms of a group or organisation alias: when it is two or more capitalised words
 * and its last word is a plural whose singular is an English word ("Helmets" → "Helmet"),
 * the singular; when it is one
 * name word ending in -i ("Houthi"), its plural. Other names have no number forms.
 */
export function numberForms(alias: string, opts: FormOptions): string[] {
  const t = tokenize(alias);
  const last = t.words[t.words.length - 1] ?? '';
  // "Syrian Observatory for Human Rights": a plural after a lower-case word is an object, not the name's head.
  if (!/^\p{Lu}/u.test(last) || t.words.some((w) => !/^\p{Lu}/u.test(w))) return [];
  const one = singularOf(last);
  // Two words at least: a one-word name minus its "s" is often another name ("Hamas", "Hama").
  if (one !== null && t.words.length >= 2 && opts.isWord(one)) return [join({ words: [...t.words.slice(0, -1), one], seps: t.seps })];
  if (t.words.length === 1 && /^\p{Lu}\p{Ll}+i$/u.test(last) && !opts.isWord(last)) return [`${last}s`];
  return [];
}
