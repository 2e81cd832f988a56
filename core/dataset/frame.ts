// The "frame" of a unit of text: the words outside its quotes, where speech cues live.
// Quoted words are masked with QUOTE so that cues inside a quote never count, and
// relative clauses / appositives (", who heads …,") with SKIP so the subject on either side
// of them stays adjacent to its verb.

import type { Ref } from './mentions';
import { TITLE_NOUNS } from './roles';

const TITLE_ALTERNATION = [...TITLE_NOUNS].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|');

export const QUOTE = '\u2588';
export const SKIP = '\u2591';

export interface Frame {
  /** Absolute offset of frame[0] in the source text. */
  start: number;
  end: number;
  /** The unit's text, same length, with quotes and skipped clauses masked. */
  text: string;
}

export interface Range {
  start: number;
  end: number;
}

export function buildFrame(text: string, start: number, end: number, quotes: Range[]): Frame {
  const chars = text.slice(start, end).split('');
  for (const q of quotes) {
    for (let i = Math.max(q.start, start); i < Math.min(q.end, end); i++) chars[i - start] = QUOTE;
  }
  let masked = chars.join('');
  // ", who heads the Britain-based Syrian Observatory for Human Rights," and
  // "Aleppo, the country's largest city, has been …" (an appositive followed by a verb).
  const transparent = [
    // "The Free Syrian Army (FSA) said": an acronym in brackets after a name.
    /\s\(\p{Lu}[\p{Lu}\d&-]{1,9}\)(?=[\s,])/gu,
    /,\s+(?:who|whom|whose|which)\b[^,;\u2588]*,/g,
    /(?<=[\p{L}.)\u2591]),\s+(?:the|a|an)\s[^,;\u2588]*,(?=\s+(?!and\b|or\b|but\b)\p{Ll})/gu,
    // "Sergei Lavrov, Russia's foreign minister, said": an appositive naming a role.
    new RegExp(`(?<=[\\p{L}.]),\\s+[^,;\\u2588]{0,60}\\b(?:${TITLE_ALTERNATION})\\b[^,;\\u2588]{0,40},(?=\\s+(?!and\\b|or\\b|but\\b)\\p{Ll})`, 'gu'),
    // "Lavrov, meanwhile, told reporters": a short aside between the subject and its verb.
    /,\s+(?:meanwhile|however|though|too|also|in turn|for (?:his|her|its|their) part|in a statement|in an interview|on \p{Lu}\p{Ll}+day|speaking to reporters|speaking in \p{Lu}[\p{L} ]{1,20}|in response|once again|again|later|earlier|at the time),(?=\s)/gu,
  ];
  for (const re of transparent) {
    masked = masked.replace(re, (m) => SKIP.repeat(m.length));
  }
  return { start, end, text: masked };
}

/** Character at an absolute offset. */
export function frameChar(frame: Frame, at: number): string {
  return frame.text[at - frame.start] ?? '';
}

/** The frame text between two absolute offsets. */
export function frameSlice(frame: Frame, start: number, end: number): string {
  return frame.text.slice(start - frame.start, end - frame.start);
}

export function isMasked(frame: Frame, r: Range): boolean {
  for (let i = r.start; i < r.end; i++) {
    const c = frameChar(frame, i);
    if (c === QUOTE || c === SKIP) return true;
  }
  return false;
}

/** Refs lying wholly in [start, end) and outside quotes and skipped clauses. */
export function refsIn(frame: Frame, refs: readonly Ref[], start: number, end: number): Ref[] {
  const out: Ref[] = [];
  for (let i = firstAt(refs, start); i < refs.length; i++) {
    const r = refs[i]!;
    if (r.start >= end) break;
    if (r.end <= end && !isMasked(frame, r)) out.push(r);
  }
  return out;
}

/** Index of the first ref starting at or after `at` (refs are sorted by start, non-overlapping). */
export function firstAt(refs: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ── Clauses ─────────────────────────────────────────────────────────────────────────────────
// A unit splits into clauses at ", and " / ", but " / "; " — "Ban Ki-moon has also warned …,
// and French ambassador Francois Delattre said …" makes one statement for each speaker.

export function clauseCuts(frame: Frame): number[] {
  const cuts: number[] = [];
  const re = /,\s+(?=(?:and|but|while|whereas)\s)|;\s+/g;
  for (let m = re.exec(frame.text); m; m = re.exec(frame.text)) cuts.push(frame.start + m.index + m[0].length);
  return cuts;
}
