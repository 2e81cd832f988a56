// Quotes and statements of one source: walks its body text unit by unit (a unit is a
// sentence, or several when a quote spans them), finds speech cues, and resolves each
// speaker to a registry entity — directly, through a pronoun or "the statement", or not at all.

import type { EntityType, QuoteRule } from '../dataset-types';
import { buildFrame, clauseCuts, firstAt, frameSlice, refsIn, QUOTE, type Frame } from './frame';
import { clauseSubject, findCues, type Cue, type Resolution } from './cues';
import { exclusionOf, wordCount, type Exclusion } from './classify-quote';
import type { Ref } from './mentions';
import { quoteSpans, type QuoteSpan } from './quote-marks';
import { paragraphs, sentencesOf, type Paragraph } from './segment';

export interface QuoteFinding {
  span: QuoteSpan;
  /** Trimmed quoted words (no marks, no trailing comma). */
  start: number;
  end: number;
  speaker: string | null;
  excluded: Exclusion | null;
  /** Which rule decided (see QuoteRule); for excluded spans, the exclusion. */
  rule: string;
  /** The sentence (or sentences, when the quote spans them) the quote stands in. */
  context: { start: number; end: number };
  /** The words that named the speaker ("he", "the country's foreign minister"), when any. */
  cue: { start: number; end: number } | null;
}

export interface StatementFinding {
  entity: string;
  start: number;
  end: number;
}

interface Unit {
  start: number;
  end: number;
  paragraph: number;
}

interface UnitMemory {
  subjects: Array<{ entity: string; type: EntityType }>;
  /** A speaker phrase in the unit named no entity we know ("Amani Hassan, a surgeon, said"): a later "she" may be that person. */
  unknownSpeaker: boolean;
  firstPerson: string | null;
  start: number;
  end: number;
}

export interface SourceAnalysis {
  paragraphs: Paragraph[];
  quotes: QuoteFinding[];
  statements: StatementFinding[];
}

function unitsOf(text: string, para: Paragraph, spans: QuoteSpan[]): Unit[] {
  const units: Unit[] = [];
  for (const s of sentencesOf(text, para)) {
    const prev = units[units.length - 1];
    // Merge while a quote opened in the previous unit is still open at this sentence's start.
    if (prev && spans.some((q) => q.open < prev.end && q.end > prev.end)) prev.end = s.end;
    else units.push({ start: s.start, end: s.end, paragraph: para.index });
  }
  return units;
}

function typeOf(types: Map<string, EntityType>, entity: string): EntityType {
  return types.get(entity) ?? 'organization';
}

export function analyseSource(text: string, refs: Ref[], names: Set<string>): SourceAnalysis {
  const paras = paragraphs(text);
  const types = new Map<string, EntityType>();
  for (const r of refs) if (!types.has(r.entity)) types.set(r.entity, r.type);
  const quotes: QuoteFinding[] = [];
  const statements: StatementFinding[] = [];
  const memory: UnitMemory[] = [];
  let previousBodyPara: number | null = null;

  const personBefore = (frame: Frame, at: number): string | null => {
    const inUnit = refsIn(frame, refs, frame.start, at).find((r) => r.type === 'person');
    if (inUnit) return inUnit.entity;
    for (let i = memory.length - 1; i >= Math.max(0, memory.length - 3); i--) {
      const m = memory[i];
      const subject = m?.subjects.find((s) => s.type === 'person');
      if (subject) return subject.entity;
      if (m?.firstPerson) return m.firstPerson;
      // When in doubt, no speaker: the nearest speaker was someone we cannot name.
      if (m?.unknownSpeaker) return null;
    }
    return null;
  };

  const orgBefore = (frame: Frame, at: number): string | null => {
    // "The warning came in a statement from the "Save Our Syria" organization. The statement said …"
    const windowStart = memory[Math.max(0, memory.length - 2)]?.start ?? frame.start;
    const window = text.slice(windowStart, at);
    const re = /\bstatement\s+(?:from|by|of|issued by|released by)\s+(?:the\s+)?["\u201C]?/g;
    let found: string | null = null;
    for (const m of window.matchAll(re)) {
      const at2 = windowStart + m.index + m[0].length;
      const cand = refs[firstAt(refs, at2)];
      const ref = cand && cand.start === at2 && cand.type !== 'person' && cand.type !== 'place' ? cand : undefined;
      if (ref) found = ref.entity;
    }
    if (found) return found;
    for (let i = memory.length - 1; i >= Math.max(0, memory.length - 4); i--) {
      const subjects = memory[i]?.subjects ?? [];
      for (let j = subjects.length - 1; j >= 0; j--) {
        const s = subjects[j];
        if (s && (s.type === 'organization' || s.type === 'group')) return s.entity;
      }
    }
    return null;
  };

  for (const para of paras) {
    const allSpans = quoteSpans(text, para);
    const spans = allSpans.filter((q) => !allSpans.some((o) => o !== q && o.open < q.open && o.end >= q.end));
    for (const q of allSpans) {
      if (!spans.includes(q)) quotes.push(finding(text, q, null, 'nested', 'nested'));
    }
    if (para.kind !== 'body') {
      for (const q of spans) quotes.push(finding(text, q, null, para.kind, para.kind));
      continue;
    }
    const paraQuotes: QuoteFinding[] = [];
    for (const unit of unitsOf(text, para, spans)) {
      const unitSpans = spans.filter((q) => q.open >= unit.start && q.open < unit.end);
      const ctx = { start: unit.start, end: unit.end };
      const frame = buildFrame(text, unit.start, unit.end, unitSpans.map((q) => ({ start: q.open, end: q.end })));
      const cuts = [unit.start, ...clauseCuts(frame), unit.end];
      const resolved = new Map<Cue, string | null>();
      const clauseSubjects: Array<{ start: number; end: number; entity: string | null }> = [];
      let lastResolved: string | null | undefined;
      for (let c = 0; c + 1 < cuts.length; c++) {
        const cStart = cuts[c] ?? unit.start;
        const cEnd = cuts[c + 1] ?? unit.end;
        const subjectRef = clauseSubject(frame, refs, cStart, cEnd);
        let clauseEntity: string | null | undefined;
        for (const cue of findCues(frame, refs, cStart, cEnd)) {
          let speaker: string | null;
          const r = cue.resolution;
          if (r.kind === 'entity') speaker = r.entity;
          else if (r.kind === 'unknown') speaker = null;
          else if (r.kind === 'inherit') speaker = lastResolved !== undefined ? lastResolved : (subjectRef?.entity ?? null);
          else if (r.kind === 'pronoun') speaker = r.plural ? (memory[memory.length - 1]?.subjects[0]?.entity ?? null) : personBefore(frame, cue.start);
          else speaker = orgBefore(frame, cue.start);
          resolved.set(cue, speaker);
          lastResolved = speaker;
          if (clauseEntity === undefined) clauseEntity = speaker;
        }
        const entity = clauseEntity === undefined ? (subjectRef?.entity ?? null) : clauseEntity;
        const prev = clauseSubjects[clauseSubjects.length - 1];
        // A clause with no subject of its own continues the previous one.
        if (prev && clauseEntity === undefined && !subjectRef) prev.end = cEnd;
        else clauseSubjects.push({ start: cStart, end: cEnd, entity });
      }

      // Quotes: the nearest cue before the quote, else the nearest after it.
      const cues = [...resolved.keys()];
      for (const span of unitSpans) {
        const excluded = exclusionOf(text, span, names);
        if (excluded) {
          paraQuotes.push(finding(text, span, null, excluded, excluded, ctx));
          continue;
        }
        const before = cues.filter((c) => c.end <= span.open).pop();
        const after = cues.find((c) => c.start >= span.end);
        const cue = before ?? after;
        if (cue) {
          const speaker = resolved.get(cue) ?? null;
          paraQuotes.push(finding(text, span, speaker, null, speaker ? ruleOf(cue.resolution) : 'none', ctx, cue.np));
          continue;
        }
        const prevQuote = paraQuotes[paraQuotes.length - 1];
        const lastOfPrevPara = previousBodyPara === para.index - 1 ? [...quotes].reverse().find((q) => q.span.paragraph === para.index - 1) : undefined;
        const opensPara = frameSlice(frame, unit.start, span.open).trim() === '' && unit.start === para.start;
        const carried = prevQuote && !prevQuote.excluded ? prevQuote : opensPara && lastOfPrevPara && !lastOfPrevPara.excluded ? lastOfPrevPara : undefined;
        if (carried?.speaker) {
          paraQuotes.push(finding(text, span, carried.speaker, null, 'continuation', ctx, carried.cue));
        } else if (wordCount(text.slice(span.innerStart, span.innerEnd)) <= 4) {
          paraQuotes.push(finding(text, span, null, 'term', 'term', ctx));
        } else {
          paraQuotes.push(finding(text, span, null, null, 'none', ctx));
        }
      }

      // Statements: each clause whose subject is a registry entity, unless it is mostly quote.
      for (const clause of clauseSubjects) {
        if (!clause.entity) continue;
        const [s, e] = statementSpan(text, clause.start, clause.end);
        const quoted = frameSlice(frame, s, e).split('').filter((ch) => ch === QUOTE).length;
        const outside = wordCount(frameSlice(frame, s, e).replace(new RegExp(QUOTE, 'g'), ' '));
        if (e - s > 0 && quoted / (e - s) <= 0.5 && outside >= 6) statements.push({ entity: clause.entity, start: s, end: e });
      }

      const seen = new Set<string>();
      const subjects: UnitMemory['subjects'] = [];
      for (const id of [...clauseSubjects.map((c) => c.entity), ...resolved.values()]) {
        if (id && !seen.has(id)) {
          seen.add(id);
          subjects.push({ entity: id, type: typeOf(types, id) });
        }
      }
      const firstPerson = refsIn(frame, refs, unit.start, unit.end).find((r) => r.type === 'person')?.entity ?? null;
      const unknownSpeaker = [...resolved.keys()].some((c) => c.resolution.kind === 'unknown' && c.np !== null);
      memory.push({ subjects, firstPerson, unknownSpeaker, start: unit.start, end: unit.end });
    }
    quotes.push(...paraQuotes);
    previousBodyPara = para.index;
  }
  quotes.sort((a, b) => a.span.open - b.span.open);
  echoHeadings(text, paras, quotes);
  return { paragraphs: paras, quotes, statements };
}

function finding(
  text: string,
  span: QuoteSpan,
  speaker: string | null,
  excluded: Exclusion | null,
  rule: string,
  context: { start: number; end: number } = { start: span.open, end: span.end },
  cue: { start: number; end: number } | null = null,
): QuoteFinding {
  let start = span.innerStart;
  let end = span.innerEnd;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1] ?? '')) end--;
  return { span, start, end, speaker, excluded, rule, context, cue };
}

function ruleOf(r: Resolution): QuoteRule {
  if (r.kind === 'entity') return r.via === 'reference' ? 'reference' : 'named';
  if (r.kind === 'unknown') return 'none';
  return r.kind === 'pronoun' ? 'pronoun' : r.kind;
}

/** A clause's span as a statement: no leading conjunction or dateline, no trailing comma. */
function statementSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  const head = text.slice(s, end);
  const lead = /^(?:\s*(?:and|but|while|whereas)\s+)?(?:[\p{Lu}][\p{Lu}/ .,'-]*\s[-\u2013\u2014]\s+)?/u.exec(head);
  if (lead) s += lead[0].length;
  // The writer's scene setting is not the speaker's: "As the … military pressed its offensive, the minister said …".
  const scene = SCENE_SETTING.exec(text.slice(s, end));
  if (scene && SPEECH_WORD.test(text.slice(s + scene[0].length, end))) s += scene[0].length;
  let e = end;
  // Someone else's claim is not the speaker's: "… in Aleppo that witnesses say is spearheaded by …".
  const body = text.slice(s, e);
  const first = SPEECH_WORD.exec(body);
  if (first) {
    const rest = body.slice(first.index + first[0].length);
    const other = OTHERS_CLAIM.exec(rest);
    if (other) e = s + first.index + first[0].length + other.index;
  }
  while (e > s && /[\s,;]/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

const SCENE_SETTING = /^(?:As|While|After|Before|When|Since|Although|Though|Despite|With|Amid)\b[^,;\u201C\u201D"]{3,160},\s+/;
const SPEECH_WORD = /\b(?:said|says|told|warned|added|urged|called|accused|insisted|stated|declared|conceded|argued|noted|announced|claimed)\b/;
const OTHERS_CLAIM =
  /\s+(?:that|which|who|where)\s+(?!he\b|she\b|it\b|they\b)(?:[\p{L}-]+\s+){0,2}(?:say|says|said|claim|claims|claimed|allege|alleges|alleged|believe|believes|report|reported)\b/u;

const foldWords = (s: string): string =>
  ` ${s
    .toLowerCase()
    .replace(/[\u2019']/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '')
    .join(' ')} `;

/**
 * A quoted subheading ("'Fight against terrorism'") whose words recur in a quote below it,
 * before the next heading, belongs to that quote's speaker.
 */
function echoHeadings(text: string, paras: Paragraph[], quotes: QuoteFinding[]): void {
  for (const h of quotes) {
    if (h.excluded !== 'heading') continue;
    const words = foldWords(text.slice(h.start, h.end));
    if (words.trim().split(' ').length < 2) continue;
    const para = paras[h.span.paragraph];
    if (!para) continue;
    for (const q of quotes) {
      if (q.span.paragraph <= h.span.paragraph || q.excluded || !q.speaker) continue;
      const between = paras.slice(h.span.paragraph + 1, q.span.paragraph);
      if (between.some((p) => p.kind === 'heading') || q.span.paragraph - h.span.paragraph > 4) break;
      if (foldWords(text.slice(q.start, q.end)).includes(words)) {
        h.excluded = null;
        h.speaker = q.speaker;
        h.rule = 'echo';
        h.cue = null;
        break;
      }
    }
  }
}
