// Length-preserving text folding: every output code unit stands for the input code unit at
// the same index, so offsets found in folded text are offsets into the original.

const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02BC', '\u2032', '`']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F']);

function foldUnit(c: string, caseSensitive: boolean): string {
  let out = c;
  if (APOSTROPHES.has(c)) out = "'";
  else if (DASHES.has(c)) out = '-';
  else if (DOUBLE_QUOTES.has(c)) out = '"';
  else if (c.charCodeAt(0) > 0x7f) {
    const decomposed = c.normalize('NFD');
    const base = decomposed[0];
    if (base !== undefined && /^\p{M}*$/u.test(decomposed.slice(1))) out = base;
  }
  if (!caseSensitive) {
    const lower = out.toLowerCase();
    if (lower.length === 1) out = lower;
  }
  return out;
}

/** Folds apostrophes, dashes, double quotes and diacritics (and case, when asked), keeping length. */
export function fold(text: string, caseSensitive = true): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i] ?? '', caseSensitive);
  return out;
}

export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Every start index of `needle` in `haystack` that sits on word boundaries at both ends. */
export function findWordOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return found;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const startOk = !isWordChar(needle[0]) || !isWordChar(before);
    const endOk = !isWordChar(needle[needle.length - 1]) || !isWordChar(after);
    if (startOk && endOk) found.push(at);
    from = at + 1;
  }
}

/** Key under which two aliases count as the same alias (for the duplicate check). */
export function aliasKey(text: string): string {
  return fold(text.trim().replace(/\s+/g, ' '), false);
}

/** Trims whitespace (and the given trailing characters) from a span, returning new offsets. */
export function trimSpan(text: string, start: number, end: number, trailing = ''): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && (/\s/.test(text[e - 1] ?? '') || trailing.includes(text[e - 1] ?? '\0'))) e--;
  return [s, e];
}
