// The text a reader gets when copying a line from a card or the source viewer: the words,
// who said them, the outlet and date, and the original article's address (with a text
// fragment that scrolls to the passage). Two forms of the same citation: plain text, and
// HTML for editors that paste rich text (the quote, the attribution, a link).

import { formatDate } from './format-date';

/**
 * What kind of line is copied:
 * - quote: someone's own words, as an outlet quotes them;
 * - statement: an outlet's sentence reporting what someone said or did;
 * - excerpt: a passage of an article (a role, a description), no speaker.
 */
export type CitationKind = 'quote' | 'statement' | 'excerpt';

export interface CitationInput {
  kind: CitationKind;
  /** The words, verbatim from the source. */
  text: string;
  /** Who speaks (quotes) or whom the reported line is about (statements); null when unknown. */
  speaker: string | null;
  outlet: string;
  /** ISO date (YYYY-MM-DD) of the source; shown as the card shows it. */
  published: string;
  /** The original article at this passage (text-fragment link), or null. */
  original: string | null;
  /** The article's address without a fragment: used, and said so, when `original` is null. */
  sourceUrl?: string | null;
  /** The line comes from an article in the reader's own library. */
  library?: boolean;
}

export interface CitationOptions {
  /** Curly quotation marks (“ ” ‘ ’, default) or straight ones (" '). */
  quotes?: 'curly' | 'straight';
}

export interface CitationText {
  /** For text/plain. */
  text: string;
  /** For text/html: a fragment, escaped. */
  html: string;
}

const MARKS = {
  curly: { open: '\u201C', close: '\u201D', innerOpen: '\u2018', innerClose: '\u2019' },
  straight: { open: '"', close: '"', innerOpen: "'", innerClose: "'" },
} as const;

/** Address types a pasted link may carry; anything else (javascript:, data:) is shown, never linked. */
const LINKABLE = /^https?:\/\//i;

/** The citation for one line, as plain text and as HTML. */
export function formatCitation(input: CitationInput, options: CitationOptions = {}): CitationText {
  const marks = MARKS[options.quotes ?? 'curly'];
  const quoted = `${marks.open}${nestQuotes(collapse(input.text), options.quotes ?? 'curly')}${marks.close}`;
  const attribution = attributionOf(input);
  const where = addressOf(input);

  const text = [quoted, `\u2014 ${attribution}`, where.text].filter((s) => s !== '').join('\n');

  const linkTarget = where.url && LINKABLE.test(where.url) ? where.url : null;
  const cite = linkTarget ? ` cite="${escapeHtml(linkTarget)}"` : '';
  const source = linkTarget ? `<a href="${escapeHtml(linkTarget)}">${escapeHtml(sourceLabel(input))}</a>` : escapeHtml(sourceLabel(input));
  const who = attributionPrefix(input);
  const note = where.note ? ` (${escapeHtml(where.note)})` : '';
  const shownUrl = where.url && !linkTarget ? ` ${escapeHtml(where.url)}` : '';
  const html =
    `<blockquote${cite}><p>${escapeHtml(quoted)}</p></blockquote>` + `<p>\u2014 ${escapeHtml(who)}${source}${shownUrl}${note}</p>`;
  return { text, html };
}

/** "Matthew Rycroft, quoted by AFP, 25 Sep 2016" and the like. */
export function attributionOf(input: CitationInput): string {
  return `${attributionPrefix(input)}${sourceLabel(input)}`;
}

/** The part before the outlet: "Matthew Rycroft, quoted by ", "Vitaly Churkin, as reported by ", or "". */
function attributionPrefix(input: CitationInput): string {
  const speaker = input.speaker?.trim();
  if (!speaker || input.kind === 'excerpt') return '';
  return input.kind === 'quote' ? `${speaker}, quoted by ` : `${speaker}, as reported by `;
}

/** "AFP, 25 Sep 2016" (no date part when the source has none). */
function sourceLabel(input: CitationInput): string {
  const outlet = input.outlet.trim() || 'an unnamed outlet';
  return input.published ? `${outlet}, ${formatDate(input.published)}` : outlet;
}

interface Address {
  /** The line in the plain text (address and any note). */
  text: string;
  url: string | null;
  /** Said when the passage itself cannot be linked. */
  note: string | null;
}

function addressOf(input: CitationInput): Address {
  if (input.original) return { text: input.original, url: input.original, note: null };
  if (input.sourceUrl) {
    const note = 'the article; the passage itself could not be linked';
    return { text: `${input.sourceUrl} (${note})`, url: input.sourceUrl, note };
  }
  const note = input.library ? 'original address unknown: the article was saved to a Factcard library without one' : 'original address unknown';
  return { text: `(${note})`, url: null, note };
}

/** Quotation marks inside the quote become the inner pair, so the outer pair stays unambiguous. */
function nestQuotes(s: string, style: 'curly' | 'straight'): string {
  const m = MARKS[style];
  if (style === 'curly') return s.replace(/[\u201C\u201E]/g, m.innerOpen).replace(/\u201D/g, m.innerClose).replace(/"(?=\p{L}|\p{N})/gu, m.innerOpen).replace(/"/g, m.innerClose);
  return s.replace(/["\u201C\u201D\u201E]/g, m.innerOpen);
}

/** Whitespace runs (line breaks in the source) become one space: a citation is one line of words. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
