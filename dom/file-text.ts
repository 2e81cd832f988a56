// Files dropped or chosen in the options page's Library section: .txt, .md and .html into an
// article draft (text exactly as the library will keep it, plus what the file says about
// itself). Nothing is rendered: HTML is parsed into an inert document and only its text read.

import type { ArticleDraft } from '../core/library/types';
import { articleFromDocument, blockText } from './article-extract';

/** Larger files are refused before they are read (a long article is well under 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileDraft = { ok: true; draft: ArticleDraft } | { ok: false; error: string };

export function fileKind(name: string): 'txt' | 'md' | 'html' | 'json' | null {
  const m = /\.([a-z]+)$/i.exec(name);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'json') return 'json';
  return null;
}

/** Refusal for a file that is too large, before reading it; null when it may be read. */
export function fileTooLarge(name: string, bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `${name}: ${mb(bytes)} is larger than the library takes (${mb(MAX_FILE_BYTES)}); nothing was added.`;
}

export function draftFromFile(name: string, content: string, parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')): FileDraft {
  const kind = fileKind(name);
  const base = name.replace(/\.[a-z]+$/i, '').replace(/[_-]+/g, ' ').trim();
  const empty: ArticleDraft = { title: base, outlet: '', author: '', published: '', url: null, text: '' };
  if (kind === 'txt') return { ok: true, draft: { ...empty, text: content } };
  if (kind === 'md') {
    const { title, text } = fromMarkdown(content);
    return { ok: true, draft: { ...empty, title: title || base, text } };
  }
  if (kind === 'html') {
    const doc = parse(content);
    const read = articleFromDocument(doc, '', { copy: false });
    if (read.ok) return { ok: true, draft: { ...read.draft, title: read.draft.title || base } };
    const fallback = parse(content);
    return { ok: true, draft: { ...empty, title: fallback.title.trim() || base, text: fallback.body ? blockText(fallback.body) : '' } };
  }
  return { ok: false, error: `${name}: only .txt, .md and .html files can be added as articles` };
}

/** Markdown to plain paragraphs: markup removed, link text kept, first heading as title. */
export function fromMarkdown(md: string): { title: string; text: string } {
  let title = '';
  const paras: string[] = [];
  for (const block of md.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let t = block
      .replace(/^```[\s\S]*?```$/gm, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(?:[-*+]|\d+\.)\s+/gm, '')
      .replace(/^\s{0,3}>\s?/gm, '')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(t);
    if (heading) {
      t = (heading[1] ?? '').replace(/\s*#+$/, '').trim();
      if (!title) {
        title = t;
        continue;
      }
    }
    if (t) paras.push(t);
  }
  return { title, text: paras.join('\n\n') };
}
