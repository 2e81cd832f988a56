// The content script's half of "Add this article" (the other half, with Readability, is
// dom/article-extract.ts and runs in the popup). Kept apart so Readability never enters the
// content script bundle.

import type { PageSnapshot } from '../core/library/types';

/** A page larger than this is not sent to the popup (a 5,000-word article page is ~0.5 MB). */
export const MAX_SNAPSHOT_CHARS = 30_000_000;

export function snapshotPage(doc: Document): PageSnapshot | { error: string } {
  const html = new XMLSerializer().serializeToString(doc);
  if (html.length > MAX_SNAPSHOT_CHARS) return { error: `This page is too large to read as an article (${Math.round(html.length / 1e6)} MB).` };
  return { html, url: doc.URL, title: doc.title };
}

