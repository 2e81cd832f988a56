// Paragraphs (one per line) and sentences, with offsets into the source text.

export type ParagraphKind = 'body' | 'header' | 'heading' | 'caption';

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

const HEADER_LINE = /^\s*date \d{4}-\d{2}-\d{2}\b/;
const CAPTION_LINE = [
  /^FILE\s*[-\u2013\u2014]/, // wire photo caption prefix
  /\b(?:photo|video|image)s? (?:provided|released|distributed|taken) by\b/i,
  // a photo caption ends with the picture's date: "…, Aleppo, Syria, Sept. 25, 2016."
  /,\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?$/,
];
const TERMINAL = /[.!?\u201D"'\u2019)\]]$/;

function classify(line: string, isFirstLine: boolean, seenBefore: boolean): ParagraphKind {
  const trimmed = line.trim();
  if (isFirstLine && HEADER_LINE.test(trimmed)) return 'header';
  if (seenBefore || CAPTION_LINE.some((re) => re.test(trimmed))) return 'caption';
  const words = trimmed.split(/\s+/).length;
  // A short line that does not end like a sentence is a heading, slug or page furniture.
  if (words <= 8 && !/[.!?]["\u201D'\u2019]?$/.test(trimmed)) return 'heading';
  // A line wholly wrapped in quote marks and short is a quoted subheading ('Fight against …').
  if (words <= 8 && /^['\u2018"\u201C].*['\u2019"\u201D]$/.test(trimmed)) return 'heading';
  if (!TERMINAL.test(trimmed) && words <= 12) return 'heading';
  return 'body';
}

/** Splits text into non-blank lines and classifies each: body text, header, heading or caption. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const seen = new Set<string>();
  let lineStart = 0;
  let first = true;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '') {
      const lead = line.length - line.trimStart().length;
      const start = lineStart + lead;
      const end = lineStart + line.trimEnd().length;
      const key = line.trim();
      out.push({ index: out.length, start, end, kind: classify(line, first, seen.has(key)) });
      seen.add(key);
      first = false;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

// Abbreviations after which Intl.Segmenter wrongly ends a sentence.
const ABBREVIATION_END =
  /(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|St|No|Jr|Sr|vs)\.)\s*$/;

let segmenter: Intl.Segmenter | undefined;

/** Sentences of one paragraph (Intl.Segmenter, with abbreviation repairs). */
export function sentencesOf(text: string, paragraph: Paragraph): Sentence[] {
  const body = text.slice(paragraph.start, paragraph.end);
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const raw: Array<[number, number]> = [];
  for (const s of segmenter.segment(body)) raw.push([s.index, s.index + s.segment.length]);
  const merged: Array<[number, number]> = [];
  for (const seg of raw) {
    const prev = merged[merged.length - 1];
    const next = body.slice(seg[0], seg[1]);
    if (prev) {
      const prevText = body.slice(prev[0], prev[1]);
      // "U.N. Secretary-General", "Sept. 25", "11 a.m. EDT", or a segment starting lowercase.
      if (ABBREVIATION_END.test(prevText) || /^[\p{Ll}\p{N}]/u.test(next)) {
        prev[1] = seg[1];
        continue;
      }
    }
    merged.push([seg[0], seg[1]]);
  }
  return merged.map(([s, e]) => {
    let start = paragraph.start + s;
    let end = paragraph.start + e;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    return { start, end, paragraph: paragraph.index };
  });
}
