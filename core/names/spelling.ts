// Spelling-variant rules: how other outlets write the same name. Each rule is a general
// transliteration habit, applied to one word of a name at a time (one change per variant,
// so a name yields a handful of variants, not a combinatorial cloud):
//
// - Arabic article: "al-X" is also written "Al-X", "al X", "Al X" and joined "Alx"; inside a
//   name after a given name it is also dropped ("Bashar al-Assad" → "Bashar Assad"). A
//   leading article is dropped only when two or more words remain ("al-Nusra Front" →
//   "Nusra Front", never "al-Mashhad" → "Mashhad": the bare word may name something else).
// - doubled consonants written single and the reverse between vowels ("Assad" / "Asad",
//   "Moallem" / "Moalem"; "Asad" → "Assad");
// - ou / u / o ("Mouallem", "Muallem", "Moallem"), and u → ou ("Churkin" → "Chourkin");
// - e / a inside a word ("Moallem" / "Moallam");
// - -y / -i / -iy endings ("Vitaly", "Vitali", "Vitaliy");
// - Russian ch written tch (French) or tsch (German): "Churkin" → "Tchurkin", "Tschurkin".
//
// Only words that look like foreign names are varied: capitalised, plain Latin letters, and
// not in the English word list ("Churkin", not "Front" or "Syrian"); in a name of several
// words only the last word's vowels and consonants vary, the others only in their ending
// and ch ("Vitali Churkin", not "Vittaly Churkin"). Case, diacritic, dash and apostrophe
// differences need no variant: the matcher folds them (core/normalize.ts).

const VOWELS = 'aeiouy';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c.toLowerCase());
const isConsonant = (c: string | undefined): boolean => c !== undefined && /^[a-z]$/i.test(c) && !isVowel(c);

/** The Arabic definite article as a separate word or prefix, in any of its spellings. */
export const ARTICLE = /^(?:al|el)$/i;

export interface WordRuleOptions {
  /** Whether `word` is in the English word list (such words are never varied). */
  isWord(word: string): boolean;
}

/** Whether a word is varied at all: a capitalised Latin-letter word of 4+ letters that is no English word. */
export function isNameWord(word: string, opts: WordRuleOptions): boolean {
  return /^[A-Z][a-z]{3,}$/.test(word) && !opts.isWord(word);
}

function replaceAt(word: string, at: number, len: number, by: string): string {
  return word.slice(0, at) + by + word.slice(at + len);
}

/** Keeps the case of the replaced text's first letter on the replacement's first letter. */
function caseLike(replaced: string, by: string): string {
  const first = replaced.charAt(0);
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase() ? by.charAt(0).toUpperCase() + by.slice(1) : by;
}

/**
 * One-change spelling variants of one name word, in rule order, without duplicates or the
 * word itself. `vowels: false` keeps only the ending and ch rules (used for given names,
 * whose vowels and consonants vary far less between outlets than a surname's).
 */
export function wordVariants(word: string, vowels = true): string[] {
  const out: string[] = [];
  const add = (v: string): void => {
    if (v !== word && !out.includes(v)) out.push(v);
  };
  const lower = word.toLowerCase();
  if (vowels) innerVariants(word, lower, add);
  endingVariants(word, lower, add);
  return out;
}

function innerVariants(word: string, lower: string, add: (v: string) => void): void {
  // Doubled consonant → single; single intervocalic consonant → doubled.
  for (let i = 1; i < word.length; i++) {
    if (lower[i] === lower[i - 1] && isConsonant(lower[i])) add(replaceAt(word, i, 1, ''));
  }
  for (let i = 1; i < word.length - 1; i++) {
    if (isConsonant(lower[i]) && isVowel(lower[i - 1]) && isVowel(lower[i + 1]) && lower[i] !== lower[i - 1] && 'lmnrst'.includes(lower[i]!)) {
      add(replaceAt(word, i, 1, word[i]! + lower[i]!));
    }
  }
  // ou → u, ou → o; u (not after o or q) → ou.
  for (let i = 0; i < word.length - 1; i++) {
    if (lower.slice(i, i + 2) === 'ou') {
      add(replaceAt(word, i, 2, caseLike(word.slice(i, i + 2), 'u')));
      add(replaceAt(word, i, 2, caseLike(word.slice(i, i + 2), 'o')));
    }
  }
  for (let i = 1; i < word.length; i++) {
    if (lower[i] === 'u' && lower[i - 1] !== 'o' && lower[i - 1] !== 'q' && lower[i + 1] !== 'e') add(replaceAt(word, i, 1, 'ou'));
  }
  // e ↔ a, not as the first letter (the initial vowel is the most stable part of a name).
  for (let i = 1; i < word.length - 1; i++) {
    if (lower[i] === 'e' && !isVowel(lower[i - 1]) && !isVowel(lower[i + 1])) add(replaceAt(word, i, 1, 'a'));
    else if (lower[i] === 'a' && !isVowel(lower[i - 1]) && !isVowel(lower[i + 1])) add(replaceAt(word, i, 1, 'e'));
  }
}

function endingVariants(word: string, lower: string, add: (v: string) => void): void {
  // -y / -i / -iy endings.
  if (lower.endsWith('iy')) {
    add(word.slice(0, -2) + 'y');
    add(word.slice(0, -2) + 'i');
  } else if (lower.endsWith('y') && !isVowel(lower[lower.length - 2])) {
    add(word.slice(0, -1) + 'i');
    add(word.slice(0, -1) + 'iy');
  } else if (lower.endsWith('i') && !isVowel(lower[lower.length - 2])) {
    add(word.slice(0, -1) + 'y');
  }
  // ch ↔ tch / tsch (Russian ч).
  const ch = lower.indexOf('ch');
  if (ch >= 0 && lower.slice(ch - 1, ch) !== 't') {
    add(replaceAt(word, ch, 2, caseLike(word.slice(ch, ch + 2), 'tch')));
    add(replaceAt(word, ch, 2, caseLike(word.slice(ch, ch + 2), 'tsch')));
  }
  const tch = lower.search(/ts?ch/);
  if (tch >= 0) {
    const len = lower.startsWith('tsch', tch) ? 4 : 3;
    add(replaceAt(word, tch, len, caseLike(word.slice(tch, tch + len), 'ch')));
  }
}

/** A name split into words and the separators between them ("Bashar al-Assad" → words and " ", "-"). */
export interface Tokens {
  words: string[];
  /** seps[i] stands between words[i] and words[i + 1]: " " or "-". */
  seps: string[];
}

export function tokenize(name: string): Tokens {
  const parts = name.trim().split(/([\s-]+)/);
  const words: string[] = [];
  const seps: string[] = [];
  parts.forEach((p, i) => {
    if (i % 2 === 0) words.push(p);
    else seps.push(/-/.test(p) ? '-' : ' ');
  });
  return { words, seps };
}

export function join(t: Tokens): string {
  let out = t.words[0] ?? '';
  for (let i = 1; i < t.words.length; i++) out += (t.seps[i - 1] ?? ' ') + t.words[i]!;
  return out;
}

/**
 * The article forms of a name with an Arabic article before a capitalised word: the other
 * capitalisation, spaced or hyphenated, joined, and dropped where the rule above allows.
 */
export function articleVariants(name: string): string[] {
  const t = tokenize(name);
  const out: string[] = [];
  const add = (v: string): void => {
    if (v !== name && !out.includes(v)) out.push(v);
  };
  for (let i = 0; i < t.words.length - 1; i++) {
    const art = t.words[i]!;
    const next = t.words[i + 1]!;
    if (!ARTICLE.test(art) || !/^\p{Lu}/u.test(next)) continue;
    const other = art.charAt(0) === art.charAt(0).toUpperCase() ? art.toLowerCase() : art.charAt(0).toUpperCase() + art.slice(1);
    for (const a of [art, other]) {
      for (const sep of ['-', ' ']) {
        const seps = [...t.seps];
        seps[i] = sep;
        add(join({ words: t.words.map((w, k) => (k === i ? a : w)), seps }));
      }
    }
    // Joined: "Alassad" (one word; the matcher compares it case-insensitively when asked).
    const joinedWord = art.charAt(0).toUpperCase() + art.slice(1).toLowerCase() + next.toLowerCase();
    add(join({ words: [...t.words.slice(0, i), joinedWord, ...t.words.slice(i + 2)], seps: [...t.seps.slice(0, i), ...t.seps.slice(i + 1)] }));
    // Dropped: after a given name, or leading when two or more words remain.
    const remaining = t.words.length - 1;
    if (i > 0 || remaining >= 2) {
      add(join({ words: [...t.words.slice(0, i), ...t.words.slice(i + 1)], seps: [...t.seps.slice(0, i), ...t.seps.slice(i + 1)] }));
    }
  }
  return out;
}

/** Variants of a whole name: article forms, and each name word varied alone. */
export function nameVariants(name: string, opts: WordRuleOptions): string[] {
  const out: string[] = [];
  const add = (v: string): void => {
    if (v !== name && !out.includes(v)) out.push(v);
  };
  for (const v of articleVariants(name)) add(v);
  const t = tokenize(name);
  const last = t.words.length - 1;
  t.words.forEach((w, i) => {
    if (!isNameWord(w, opts)) return;
    for (const v of wordVariants(w, i === last)) add(join({ words: t.words.map((x, k) => (k === i ? v : x)), seps: t.seps }));
  });
  return out;
}
