// Links from a card to its sources: the bundled viewer's deep links (stable: source id +
// span, so a copied link keeps working) and text-fragment links to the original article.

import type { Span } from './dataset-types';

export interface ViewerTarget extends Span {
  /** The entity whose citations the viewer lets the reader step through. */
  entity?: string;
}

/** The viewer's hash for a cited span: `#src=<id>&span=<start>-<end>[&entity=<id>]`. */
export function viewerHash(t: ViewerTarget): string {
  const params = new URLSearchParams();
  params.set('src', t.source);
  params.set('span', `${t.start}-${t.end}`);
  if (t.entity) params.set('entity', t.entity);
  return `#${params.toString()}`;
}

/** Parses a viewer hash; null when it is not one of ours or is malformed. */
export function parseViewerHash(hash: string): ViewerTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const source = params.get('src');
  const span = /^(\d{1,9})-(\d{1,9})$/.exec(params.get('span') ?? '');
  if (!source) return null;
  if (!span) return { source, start: 0, end: 0, ...optionalEntity(params) };
  const start = Number(span[1]);
  const end = Number(span[2]);
  if (end < start) return null;
  return { source, start, end, ...optionalEntity(params) };
}

function optionalEntity(params: URLSearchParams): { entity?: string } {
  const entity = params.get('entity');
  return entity ? { entity } : {};
}

// Text fragments (https://wicg.github.io/scroll-to-text-fragment/): '-', ',' and '&' are
// syntax, so they must be percent-encoded inside a term; encodeURIComponent leaves '-' alone.
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D');
}

const CONTEXT_WORDS = 3;
/** Quotes longer than this are linked as start…end rather than in full. */
const MAX_EXACT_CHARS = 120;
const EDGE_WORDS = 4;

/**
 * The `#:~:text=` fragment for `text.slice(start, end)`. Every term stays inside the
 * block (line) that holds the span: a text directive cannot match across blocks.
 */
export function textFragment(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const target = collapse(text.slice(start, end));
  const before = words(text.slice(lineStart, start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(end, lineEnd)).slice(0, CONTEXT_WORDS);
  const parts: string[] = [];
  if (before.length) parts.push(`${encodeTerm(before.join(' '))}-`);
  const targetWords = words(target);
  if (target.length > MAX_EXACT_CHARS && targetWords.length > EDGE_WORDS * 2) {
    parts.push(encodeTerm(targetWords.slice(0, EDGE_WORDS).join(' ')));
    parts.push(encodeTerm(targetWords.slice(-EDGE_WORDS).join(' ')));
  } else {
    parts.push(encodeTerm(target));
  }
  if (after.length) parts.push(`-${encodeTerm(after.join(' '))}`);
  return `#:~:text=${parts.join(',')}`;
}

/** The original article's address with a text fragment for the span, or null without an address. */
export function originalLink(url: string | null, text: string, span: Span): string | null {
  if (!url) return null;
  const base = url.split('#')[0] ?? url;
  return base + textFragment(text, span.start, span.end);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function words(s: string): string[] {
  const c = collapse(s);
  return c ? c.split(' ') : [];
}
