// People found in an article's own words: a run of capitalised name words that a role
// stands next to ("British Ambassador to the UN Matthew Rycroft", "John Kerry, the US
// Secretary of State,", "the State Department's spokesman, John Kirby, said", "Rami Abdel
// Rahman, who heads …,") or that a speech verb follows ("Staffan de Mistura said"). Each
// finding keeps the offsets of the name and of the role exactly as the article states it.

import { NOT_NAME_WORDS, ORG_WORDS, isConnector, isRoleWord, isTitleNoun, nationalitiesOf } from './roles';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The characters between the previous token and this one ("" for the first). */
  gap: string;
}

export type PersonPattern = 'title-before' | 'appositive' | 'title-comma' | 'who-clause' | 'speaker';

export interface PersonFinding {
  /** The name as written, single-spaced. */
  name: string;
  start: number;
  end: number;
  role: { start: number; end: number } | null;
  pattern: PersonPattern;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.\-'\u2019]*/gu;
const ABBREVIATION = /^(?:\p{L}\.)+$/u;
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'van', 'von', 'da', 'di', 'du', 'le', 'la', 'der', 'ben']);
const SPEECH_AFTER =
  /^(?:,?\s+(?:also|again|later|earlier|then|meanwhile|however|had|has|was|is|once|previously|reportedly|separately|repeatedly|publicly|bluntly|recently|further))*\s+(?:said|says|told|tells|added|adds|warned|warns|insisted|stated|declared|explained|argued|noted|asked|urged|conceded|acknowledged|replied|responded|tweeted|wrote|called|accused|stressed|complained|predicted|announced|denied|admitted|vowed|demanded|claimed)\b/;
const WHO_CLAUSE = /^,\s+who\s+(?:(heads|leads|chairs|runs|directs|founded|co-founded|oversees|manages)\b|(?:is|was)\s+)([^,;.()\u201C\u201D"]{3,120}),/;

/** Word tokens of [start, end) with the text between them. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const body = text.slice(start, end);
  let prevEnd = 0;
  for (const m of body.matchAll(TOKEN_RE)) {
    let word = m[0];
    // A trailing period ends a sentence, unless the token is an abbreviation ("U.N.").
    while (/[.\-'\u2019]$/.test(word) && !ABBREVIATION.test(word)) word = word.slice(0, -1);
    if (word === '') continue;
    const s = m.index;
    out.push({ text: word, start: start + s, end: start + s + word.length, gap: body.slice(prevEnd, s) });
    prevEnd = s + word.length;
  }
  return out;
}

const nameWordCache = new Map<string, boolean>();

/** Memoised: the same few thousand words recur in every article. */
function isNameWord(w: string): boolean {
  let v = nameWordCache.get(w);
  if (v === undefined) {
    if (nameWordCache.size > 50_000) nameWordCache.clear();
    nameWordCache.set(w, (v = computeIsNameWord(w)));
  }
  return v;
}

function computeIsNameWord(w: string): boolean {
  if (/^\p{Lu}['\u2019]\p{Lu}\p{Ll}+$/u.test(w)) return true; // O'Brien
  if (!/^\p{Lu}\p{Ll}[\p{L}\p{M}\-'\u2019]*$/u.test(w)) return /^(?:al|el)-\p{Lu}\p{Ll}+$/u.test(w);
  if (/['\u2019]s$/.test(w)) return false; // a possessive is a modifier ("Russia's")
  return !NOT_NAME_WORDS.has(w) && !ORG_WORDS.has(w) && !isTitleNoun(w) && !isRoleWordOnly(w) && nationalitiesOf(w).size === 0;
}

/** Capitalised role modifiers that are never names ("Foreign", "Deputy", "Secretary-General"). */
function isRoleWordOnly(w: string): boolean {
  return /^(?:Foreign|Defense|Defence|Deputy|Senior|Former|Acting|Special|Prime|Vice|Assistant|Permanent|Interior|Chief|Top|Regional|Executive)$/.test(w) || /^Secretary/.test(w);
}

const spaceOnly = (gap: string): boolean => /^ $/.test(gap) || /^[ \u00a0]+$/.test(gap);

/** Maximal runs of 2–4 name words joined by single spaces (particles like "de"/"al" allowed inside). */
function nameRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && spaceOnly(tokens[j]!.gap)) {
      const w = tokens[j]!.text;
      if (isNameWord(w)) j++;
      else if (PARTICLES.has(w) && j + 1 < tokens.length && spaceOnly(tokens[j + 1]!.gap) && isNameWord(tokens[j + 1]!.text)) j += 2;
      else break;
    }
    if (j - i >= 2 && j - i <= 4) runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** The role phrase ending just before token `end` (exclusive), or null: tokens back to a boundary. */
function roleBefore(tokens: Token[], end: number): [number, number] | null {
  let i = end - 1;
  let first = end;
  while (i >= 0 && isRoleWord(tokens[i]!.text)) {
    first = i;
    if (!spaceOnly(tokens[i]!.gap)) break;
    i--;
  }
  // No leading connectors or determiners: "the State Department's spokesman" → "State Department's spokesman".
  while (first < end && isConnector(tokens[first]!.text)) first++;
  if (first >= end) return null;
  const words = tokens.slice(first, end).map((t) => t.text);
  if (!words.some(isTitleNoun)) return null;
  // The phrase ends with its head noun or a complement ("to the UN", "of State", "for Syria").
  const lastTitle = words.map(isTitleNoun).lastIndexOf(true);
  const tail = words.slice(lastTitle + 1);
  if (tail.length > 0 && !isConnector(tail[0]!)) return null;
  if (tail.length > 4) return null;
  if (isConnector(words[words.length - 1]!)) return null;
  return [first, end];
}

/** A role phrase starting at token `start` and ending at a comma or sentence end: "the US Secretary of State,". */
function roleAfter(tokens: Token[], from: number): [number, number] | null {
  // "a spokesman for SAMS", "the US Secretary of State": the article is not part of the role.
  const start = from < tokens.length && /^(?:the|a|an)$/i.test(tokens[from]!.text) ? from + 1 : from;
  let j = start;
  while (j < tokens.length && j - start < 10 && isRoleWord(tokens[j]!.text) && (j === start || spaceOnly(tokens[j]!.gap))) j++;
  if (j === start) {
    // "a trawler captain in the port for thirty years": up to two lower-case describing words
    // before a title noun (the complement to the comma is read below).
    let k = start;
    while (k < tokens.length && k - start < 2 && /^\p{Ll}/u.test(tokens[k]!.text) && !isTitleNoun(tokens[k]!.text) && (k === start || spaceOnly(tokens[k]!.gap))) k++;
    if (k >= tokens.length || !isTitleNoun(tokens[k]!.text) || (k > start && !spaceOnly(tokens[k]!.gap))) return null;
    j = k + 1;
  }
  let endGap = j < tokens.length ? tokens[j]!.gap : '.';
  if (!/^[,.;]/.test(endGap.trimStart()) && j < tokens.length) {
    // "a surgeon at one of the hospitals,": a head noun, then a prepositional complement to the comma.
    const head = tokens.slice(start, j).findIndex((t) => isTitleNoun(t.text));
    const prep = tokens[start + head + 1];
    if (head < 0 || head > 3 || !prep || !/^(?:at|of|for|to|in|with|from|on)$/.test(prep.text)) return null;
    while (j < tokens.length && j - start < 14 && spaceOnly(tokens[j]!.gap) && !/^(?:said|says|told|who|which|that)$/.test(tokens[j]!.text)) j++;
    endGap = j < tokens.length ? tokens[j]!.gap : '.';
    if (!/^[,.;]/.test(endGap.trimStart()) && j < tokens.length) return null;
  }
  let first = start;
  while (first < j && /^(?:the|a|an)$/i.test(tokens[first]!.text)) first++;
  const words = tokens.slice(first, j).map((t) => t.text);
  if (!words.some(isTitleNoun)) return null;
  return [first, j];
}

export function findPeople(text: string, start: number, end: number): PersonFinding[] {
  const tokens = tokenize(text, start, end);
  const out: PersonFinding[] = [];
  for (const [a, b] of nameRuns(tokens)) {
    const first = tokens[a]!;
    const last = tokens[b - 1]!;
    const name = text.slice(first.start, last.end).replace(/\s+/g, ' ');
    const push = (role: [number, number] | null, pattern: PersonPattern): void => {
      out.push({ name, start: first.start, end: last.end, role: role ? { start: tokens[role[0]]!.start, end: tokens[role[1] - 1]!.end } : null, pattern });
    };
    // "British Ambassador to the UN Matthew Rycroft"
    if (spaceOnly(first.gap)) {
      const r = roleBefore(tokens, a);
      if (r) {
        push(r, 'title-before');
        continue;
      }
    }
    const next = tokens[b];
    const after = text.slice(last.end, Math.min(end, last.end + 160));
    // "Rami Abdel Rahman, who heads the Britain-based Syrian Observatory for Human Rights,"
    const who = WHO_CLAUSE.exec(after);
    if (who) {
      const roleStart = who[1] ? last.end + who[0].indexOf(who[1]) : last.end + who[0].indexOf(who[2]!);
      const roleEnd = last.end + who[0].length - 1;
      out.push({ name, start: first.start, end: last.end, role: { start: roleStart, end: roleEnd }, pattern: 'who-clause' });
      continue;
    }
    // "John Kerry, the US Secretary of State, said"
    if (next && /^,\s+$/.test(next.gap)) {
      const r = roleAfter(tokens, b);
      if (r) {
        push(r, 'appositive');
        continue;
      }
    }
    // "the State Department's spokesman, John Kirby, said"
    if (/^,\s+$/.test(first.gap) && (!next || /^,/.test(next.gap))) {
      const r = roleBefore(tokens, a);
      if (r) {
        push(r, 'title-comma');
        continue;
      }
    }
    // "Staffan de Mistura said", "…,” said John Kirby"
    const before = text.slice(Math.max(start, first.start - 12), first.start);
    if (SPEECH_AFTER.test(after) || /\b(?:said|says|told|added|according to)\s+$/.test(before)) push(null, 'speaker');
  }
  return out;
}
