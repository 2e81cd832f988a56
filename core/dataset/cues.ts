// Speech cues ("said", "told", "called on", "according to") and the noun phrase that names
// the speaker. No parser: a small set of rules about what may stand between a name and its
// verb, written to hold for ordinary news prose rather than for one sentence.

import { QUOTE, SKIP, frameSlice, refsIn, type Frame } from './frame';
import type { Ref } from './mentions';
import { TITLE_NOUNS } from './roles';

const SPEECH_VERBS = [
  'say', 'says', 'said', 'saying',
  'tell', 'tells', 'told', 'telling',
  'add', 'adds', 'added', 'adding',
  'warn', 'warns', 'warned', 'warning',
  'call', 'calls', 'called', 'calling',
  'accuse', 'accuses', 'accused', 'accusing',
  'concede', 'concedes', 'conceded', 'conceding',
  'claims', 'claimed', 'claiming',
  'urge', 'urges', 'urged', 'urging',
  'stated',
  'insist', 'insists', 'insisted', 'insisting',
  'declare', 'declares', 'declared', 'declaring',
  'describe', 'describes', 'described', 'describing',
  'argue', 'argues', 'argued', 'arguing',
  'ask', 'asks', 'asked', 'asking',
  'announce', 'announces', 'announced',
  'deny', 'denies', 'denied',
  'noted', 'noting',
  'write', 'writes', 'wrote',
  'vow', 'vows', 'vowed', 'vowing',
  'demand', 'demands', 'demanded', 'demanding',
  'condemn', 'condemns', 'condemned',
  'stress', 'stresses', 'stressed', 'stressing',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'explain', 'explains', 'explained',
  'reply', 'replies', 'replied',
  'respond', 'responds', 'responded',
  'remarked', 'pledged', 'promised',
  'predicted', 'complained', 'blamed', 'tweeted',
  // Left out on purpose: base forms that are mostly nouns in news prose ("laid blame",
  // "the claim", "a state", "charges").
];
const SPEECH_VERB_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS.join('|')})\\s+$`);
const VERB_RE = new RegExp(`\\b(?:${SPEECH_VERBS.join('|')})\\b|\\baccording to\\b`, 'g');
const NOUN_BEFORE = /\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)\s+$/i;
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$/;
// Words that may stand between a speaker's name and the verb: "Ban Ki-moon has also warned",
// "Ban Ki-moon said Saturday".
const GAP =
  /^(?:[\s,)]|\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|also|again|later|earlier|then|repeatedly|reportedly|previously|once|further|still|separately|recently|publicly|privately|bluntly|flatly|not|never|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b)*$/;
// Words that may precede a name inside a speaker's noun phrase: determiners, titles.
const TITLE_WORDS =
  /^(?:[\s,]|\b(?:the|a|an|to|of|for|and|ambassador|minister|secretary|secretary-general|president|spokesman|spokeswoman|spokesperson|envoy|chief|head|leader|foreign|defense|defence|prime|deputy|senior|former|acting)\b|[\p{Lu}\d][\p{L}\d.''\u2019-]*)*$/u;
const SUBORDINATOR = /\b(?:that|which|who|when|while|after|before|because|if|since|until|whereas|as)\b/gi;
const BOUNDARY = /[,;:()\u2588\u2014\u2013]/;
const ORG_ANAPHOR =
  /^(?:the|this|that|its|their)\s+(?:joint\s+)?(?:statement|group|organi[sz]ation|agency|report|coalition|alliance|ministry|campaign|movement|committee|body|observatory|council)$/i;

export type Resolution =
  | { kind: 'entity'; entity: string; via: 'alias' | 'reference' }
  | { kind: 'unknown' }
  | { kind: 'inherit' }
  | { kind: 'pronoun'; plural: boolean }
  | { kind: 'org-anaphor' };

export interface Cue {
  /** Absolute offsets of the verb. */
  start: number;
  end: number;
  verb: string;
  resolution: Resolution;
  /** The words that name the speaker ("the country's foreign minister", "he"), when any. */
  np: { start: number; end: number } | null;
}

function cleanNp(s: string): string {
  return s.replace(new RegExp(SKIP, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** Resolves a speaker noun phrase standing before its verb (np = [start, end) absolute). */
function resolveLeft(frame: Frame, refs: Ref[], start: number, end: number): Resolution {
  let npText = cleanNp(frameSlice(frame, start, end));
  const lead = /^(?:and|but|or|then|so)\b\s*/i.exec(npText);
  if (lead) npText = npText.slice(lead[0].length);
  const core = npText.replace(/(?:\s+\b(?:has|have|had|is|are|was|were|will|would|could|also|again|later|earlier|then|repeatedly|reportedly|previously|once|further|still|not|never|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b)+$/i, '');
  if (core === '') return lead ? { kind: 'inherit' } : { kind: 'inherit' };
  if (/^(?:he|she)$/i.test(core)) return { kind: 'pronoun', plural: false };
  if (/^they$/i.test(core)) return { kind: 'pronoun', plural: true };
  if (ORG_ANAPHOR.test(core)) return { kind: 'org-anaphor' };
  const inside = refsIn(frame, refs, start, end);
  const last = inside[inside.length - 1];
  if (!last) return { kind: 'unknown' };
  if (!GAP.test(frameSlice(frame, last.end, end).replace(new RegExp(SKIP, 'g'), ' '))) return { kind: 'unknown' };
  // "A spokesman in Aleppo said": a place at the end of a longer phrase is not the speaker.
  if (last.type === 'place') {
    const before = cleanNp(frameSlice(frame, start, last.start)).replace(/^(?:and|but)\s+/i, '');
    if (!/^(?:the\s*)?$/i.test(before)) return { kind: 'unknown' };
  }
  return { kind: 'entity', entity: last.entity, via: last.kind };
}

/** Resolves a speaker named after the verb: "…,” said Churkin", "according to the statement". */
function resolveRight(frame: Frame, refs: Ref[], start: number): Resolution {
  const rest = frameSlice(frame, start, frame.end);
  const stop = rest.search(/[,;:.()\u2588\u2014\u2013]|\s(?:who|that|which)\b/);
  const end = start + (stop < 0 ? rest.length : stop);
  const np = cleanNp(frameSlice(frame, start, end));
  if (/^(?:he|she)$/i.test(np)) return { kind: 'pronoun', plural: false };
  if (/^they$/i.test(np)) return { kind: 'pronoun', plural: true };
  if (ORG_ANAPHOR.test(np)) return { kind: 'org-anaphor' };
  // "said UNICEF spokesman Christophe Boulierac": the last name that only titles precede.
  let pick: Ref | undefined;
  for (const r of refsIn(frame, refs, start, end)) {
    if (!TITLE_WORDS.test(cleanNp(frameSlice(frame, start, r.start)))) break;
    pick = r;
  }
  if (pick) return { kind: 'entity', entity: pick.entity, via: pick.kind };
  return { kind: 'unknown' };
}

/** The speaker words after a verb, up to the first boundary. */
function rightSpan(frame: Frame, start: number): { start: number; end: number } | null {
  const rest = frameSlice(frame, start, frame.end);
  const stop = rest.search(/[,;:.()\u2588\u2014\u2013]|\s(?:who|that|which)\b/);
  return trimmed(frame, start, start + (stop < 0 ? rest.length : stop));
}

/** "Ban also" → "Ban", "the allies are" → "the allies": the name without what stands between it and the verb. */
function withoutGap(frame: Frame, span: { start: number; end: number } | null): { start: number; end: number } | null {
  if (!span) return null;
  const text = frameSlice(frame, span.start, span.end);
  const m = GAP_TAIL.exec(text);
  return m && m.index > 0 ? trimmed(frame, span.start, span.start + m.index) : span;
}

const GAP_TAIL =
  /(?:[\s,\u2591]+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|also|again|later|earlier|then|repeatedly|reportedly|previously|once|further|still|separately|recently|publicly|privately|bluntly|flatly|not|never|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b)+[\s,\u2591]*$/;

function trimmed(frame: Frame, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /[\s\u2591,]/.test(frame.text[s - frame.start] ?? '')) s++;
  while (e > s && /[\s\u2591,]/.test(frame.text[e - 1 - frame.start] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * A verb right after a comma: the speaker may stand between the two commas before it
 * ("the spokesman, John Kirby, said") or before an appositive ("Lavrov, Russia's foreign
 * minister, said"). `comma` is the offset of the comma before the verb.
 */
function betweenCommas(frame: Frame, refs: Ref[], floor: number, comma: number): { resolution: Resolution; np: { start: number; end: number } | null } | null {
  const before = frameSlice(frame, floor, comma);
  const prevComma = before.lastIndexOf(',');
  if (prevComma < 0) return null;
  const segStart = floor + prevComma + 1;
  const seg = cleanNp(frameSlice(frame, segStart, comma));
  if (seg === '' || seg.split(' ').length > 12 || seg.includes(QUOTE)) return null;
  const inside = refsIn(frame, refs, segStart, comma);
  const last = inside[inside.length - 1];
  // ", John Kirby," — the segment is a name with at most title words before it.
  if (last && cleanNp(frameSlice(frame, last.end, comma)) === '' && TITLE_WORDS.test(cleanNp(frameSlice(frame, segStart, last.start))) && last.type !== 'place') {
    return { resolution: { kind: 'entity', entity: last.entity, via: last.kind }, np: trimmed(frame, segStart, comma) };
  }
  // ", Russia's foreign minister," after a name: an appositive; the speaker is the name before it.
  if (!APPOSITIVE_HEAD.test(seg) || /\b(?:said|told|says)\b/.test(seg)) return null;
  const head = frameSlice(frame, floor, segStart - 1);
  const start2 = Math.max(head.lastIndexOf(','), head.lastIndexOf(QUOTE)) + 1;
  const inHead = refsIn(frame, refs, floor + start2, segStart - 1);
  const name = inHead[inHead.length - 1];
  if (!name || name.type !== 'person' || cleanNp(frameSlice(frame, name.end, segStart - 1)) !== '') return null;
  if (!TITLE_WORDS.test(cleanNp(frameSlice(frame, floor + start2, name.start)))) return null;
  return { resolution: { kind: 'entity', entity: name.entity, via: name.kind }, np: trimmed(frame, name.start, name.end) };
}

const APPOSITIVE_HEAD = new RegExp(`\\b(?:${[...TITLE_NOUNS].join('|')})\\b`, 'i'); // title nouns only, no \p{…} class, so 'i' is safe

/** Start of the noun phrase that ends at `verbStart`: the last clause boundary before it. */
function npStart(frame: Frame, floor: number, verbStart: number): { start: number; boundary: string } {
  let i = verbStart - 1;
  while (i >= floor) {
    const c = frame.text[i - frame.start] ?? '';
    if (BOUNDARY.test(c) || (c === '-' && frame.text[i - frame.start - 1] === ' ' && frame.text[i - frame.start + 1] === ' ')) {
      break;
    }
    i--;
  }
  let start = i + 1;
  const boundary = i >= floor ? (frame.text[i - frame.start] ?? '') : '^';
  // "… in Aleppo that witnesses say …": the subject starts after a subordinator.
  const np = frameSlice(frame, start, verbStart);
  let cut = -1;
  for (const m of np.matchAll(SUBORDINATOR)) cut = m.index + m[0].length;
  if (cut >= 0) return { start: start + cut, boundary: 'that' };
  while (start < verbStart && /\s/.test(frame.text[start - frame.start] ?? '')) start++;
  return { start, boundary };
}

/** Every speech cue in one clause of a frame, with its speaker phrase resolved as far as text allows. */
export function findCues(frame: Frame, refs: Ref[], clauseStart: number, clauseEnd: number): Cue[] {
  const cues: Cue[] = [];
  const slice = frameSlice(frame, clauseStart, clauseEnd);
  for (const m of slice.matchAll(VERB_RE)) {
    const start = clauseStart + m.index;
    const end = start + m[0].length;
    const verb = m[0];
    const before = frameSlice(frame, clauseStart, start);
    // "were accused", "were reported": passive, the subject is not the speaker.
    if (verb !== 'according to' && !verb.endsWith('ing') && PASSIVE_BEFORE.test(before)) continue;
    // "so-called", "the warning", "the claim", "said claims of …": not a verb.
    if (/-$/.test(before) || NOUN_BEFORE.test(before) || SPEECH_VERB_BEFORE.test(before)) continue;
    const after = frameSlice(frame, end, clauseEnd);
    if (/^call/.test(verb)) {
      // "called an emergency session" is not speech; "called on", "called for",
      // "called the raids “unprecedented”" are.
      const clauseRest = after.split(/[,;.]/)[0] ?? '';
      if (!/^\s+(?:on|for|upon)\b/.test(after) && !clauseRest.includes(QUOTE)) continue;
    }
    let resolution: Resolution;
    let npSpan: { start: number; end: number } | null = null;
    const right = (): Resolution => {
      npSpan = rightSpan(frame, end);
      return resolveRight(frame, refs, end);
    };
    if (verb === 'according to') {
      resolution = right();
    } else {
      const np = npStart(frame, clauseStart, start);
      const npText = cleanNp(frameSlice(frame, np.start, start));
      const commaNamed = npText === '' && np.boundary === ',' ? betweenCommas(frame, refs, clauseStart, clauseStart + before.lastIndexOf(',')) : null;
      if (commaNamed) {
        // "…,” the State Department's spokesman, John Kirby, said" / "Lavrov, Russia's foreign minister, said"
        resolution = commaNamed.resolution;
        npSpan = commaNamed.np;
      } else if (npText === '' && (np.boundary === '^' || np.boundary === QUOTE || /\u2588[\s,]*$/.test(before))) {
        resolution = right();
      } else if ((npText === '' && /ing$/.test(verb)) || /\b(?:and|but|or|then)\s+(?:(?:also|later|then|again)\s+)?$/i.test(before)) {
        // ", adding that …", "… and asked Russia to …": the speaker of the clause before.
        resolution = { kind: 'inherit' };
      } else {
        resolution = resolveLeft(frame, refs, np.start, start);
        if (npText !== '') npSpan = withoutGap(frame, trimmed(frame, np.start, start));
      }
    }
    cues.push({ start, end, verb, resolution, np: npSpan });
  }
  return cues;
}

/**
 * The entity a clause is about when it opens with a name: "Churkin again laid blame …",
 * "Aleppo, the country's largest city, has been divided …", "The allies maintained …".
 */
export function clauseSubject(frame: Frame, refs: Ref[], clauseStart: number, clauseEnd: number): Ref | undefined {
  let text = frameSlice(frame, clauseStart, clauseEnd);
  let offset = 0;
  const strip = [
    /^\s*(?:and|but|while|whereas)\s+/,
    /^[\p{Lu}][\p{Lu}/ .,'-]*\s[-\u2013\u2014]\s+/u, // dateline: "ISTANBUL/NEW YORK - "
    /^(?:Separately|Meanwhile|However|Earlier|Later|In retaliation|In response|On \w+),\s+/,
  ];
  for (const re of strip) {
    const m = re.exec(text);
    if (m) {
      offset += m[0].length;
      text = text.slice(m[0].length);
    }
  }
  const from = clauseStart + offset;
  let subject: Ref | undefined;
  for (const ref of refsIn(frame, refs, from, clauseEnd)) {
    if (!TITLE_WORDS.test(frameSlice(frame, from, ref.start).replace(/[\u2591]/g, ' '))) break;
    subject = ref;
  }
  if (!subject) return undefined;
  // The name must be followed by a verb-like lowercase word ("again laid", "has been").
  const after = frameSlice(frame, subject.end, clauseEnd).replace(/[\u2591,]/g, ' ');
  return /^\s+\p{Ll}/u.test(after) ? subject : undefined;
}
