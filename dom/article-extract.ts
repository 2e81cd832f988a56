// "Add this article": the page's article as plain text plus its metadata (title, site name,
// author, published date, address), found by @mozilla/readability.
//
// Split in two so the content script stays small and the page is never touched:
// - snapshotPage (content script, dom/page-snapshot.ts) only reads: it serialises the document as it is now;
// - articleFromSnapshot (popup, an extension page) parses that snapshot into a fresh, inert
//   document (DOMParser: no scripts run, nothing loads) and runs Readability on it.
// Readability rewrites the document it reads; it only ever gets a copy. It runs only when the
// reader clicks, so its 35 kB never load into every page.

import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { MIN_TEXT_CHARS, type ArticleDraft, type PageSnapshot } from '../core/library/types';

export { snapshotPage } from './page-snapshot';

export type ArticleResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

const NOT_ARTICLE = 'This page does not hold an article Factcard can read: no long run of paragraphs was found. Open the article itself (not a front page or a list), or paste its text in the options page.';

export function articleFromSnapshot(snap: PageSnapshot, parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')): ArticleResult {
  return articleFromDocument(parse(snap.html), snap.url, { copy: false });
}

/** Reads the article of `doc`: a clone of it, unless `copy: false` says `doc` is already a copy. */
export function articleFromDocument(doc: Document, url: string, opts: { copy?: boolean } = {}): ArticleResult {
  const work = opts.copy === false ? doc : (doc.cloneNode(true) as Document);
  if (!isProbablyReaderable(work)) return { ok: false, reason: NOT_ARTICLE };
  const meta = metadata(work);
  const parsed = new Readability<Node>(work, { serializer: (n) => n }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: NOT_ARTICLE };
  const text = blockText(content);
  if (text.length < MIN_TEXT_CHARS) return { ok: false, reason: NOT_ARTICLE };
  const address = /^https?:\/\//.test(url) ? url.split('#')[0] ?? url : null;
  return {
    ok: true,
    draft: {
      title: clean(parsed.title) || meta.title || 'Untitled article',
      outlet: clean(parsed.siteName) || meta.site,
      author: clean(parsed.byline),
      published: isoDate(parsed.publishedTime) || meta.published,
      url: address,
      text,
    },
  };
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function isoDate(s: string | null | undefined): string {
  const v = clean(s);
  if (!v) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (m?.[1]) return m[1];
  const t = Date.parse(v);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/** What Readability may not find: read before it rewrites the document. */
function metadata(doc: Document): { title: string; site: string; published: string } {
  const content = (sel: string) => clean(doc.querySelector(sel)?.getAttribute('content'));
  return {
    title: content('meta[property="og:title"]') || clean(doc.title),
    site: content('meta[property="og:site_name"]') || content('meta[name="application-name"]'),
    published:
      isoDate(content('meta[property="article:published_time"]')) ||
      isoDate(content('meta[name="date"]')) ||
      isoDate(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime')),
  };
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'details', 'summary',
]);
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea', 'input', 'iframe', 'object', 'canvas', 'video', 'audio']);

/** Paragraphs of an element's text, one per block, blank line between: the library's text format. */
export function blockText(root: Node): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      cur += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = n.nodeType === 1 ? (n as Element).localName : '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}
