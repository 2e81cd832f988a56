// The reader's library: articles saved in the browser, their text exactly as
// extracted, their metadata, a content hash and what extraction found in them. Plain data;
// the IndexedDB store is platform/library/store.ts.

import type { ArticleExtraction } from '../dataset/article';
import type { SourceMeta } from '../dataset/inputs';
import type { Source, Span } from '../dataset-types';
import type { CompiledIndex } from '../matcher/compile';

/** Bumped when extraction changes enough that saved results should be recomputed. */
export const EXTRACTOR_VERSION = 1;

/** Source ids of library articles: `lib-` + the first 16 hex digits of the text's SHA-256. */
export const LIBRARY_ID = /^lib-[0-9a-f]{16}$/;
export const isLibrarySource = (id: string): boolean => id.startsWith('lib-');

/** What the reader (or the page) says about an article, before it is saved. */
export interface ArticleDraft {
  title: string;
  /** Site name or outlet; may be empty. */
  outlet: string;
  author: string;
  /** YYYY-MM-DD, or '' when unknown. */
  published: string;
  /** The page's address, or null (pasted text). */
  url: string | null;
  text: string;
}

export interface LibraryEntry {
  id: string;
  /** SHA-256 of `text`, hex: the same article saved twice is recognised by it. */
  hash: string;
  meta: SourceMeta;
  author: string;
  /** The article text exactly as extracted; every offset points into it. */
  text: string;
  /** ISO time of saving. */
  addedAt: string;
  extractor: number;
  extraction: ArticleExtraction;
}

/** One line of the options page's list. */
export interface LibraryListItem {
  id: string;
  title: string;
  outlet: string;
  published: string;
  url: string | null;
  author: string;
  addedAt: string;
  people: string[];
  quotes: number;
  chars: number;
  /** Saved by an older extraction: "re-run extraction" would change it. */
  stale: boolean;
}

export interface PreviewPerson {
  id: string;
  name: string;
  role: string | null;
  /** Not in the bundled dataset nor the library yet. */
  isNew: boolean;
  quotes: number;
}

export interface ArticlePreview {
  id: string;
  title: string;
  outlet: string;
  published: string;
  people: PreviewPerson[];
  quotes: Array<{ speakerName: string | null; text: string }>;
  statements: number;
  /** Already in the library (same text). */
  duplicate: boolean;
}

export interface LibraryCounts {
  sources: number;
  entities: number;
  quotes: number;
}

/** The export file: data/library.schema.json is its published schema. */
export interface LibraryFile {
  format: 'factcard-library';
  version: 1;
  exportedAt: string;
  entries: LibraryFileEntry[];
}

export interface LibraryFileEntry {
  id: string;
  hash: string;
  title: string;
  titleDerived: boolean;
  outlet: string;
  author: string;
  published: string;
  dateline: string;
  url: string | null;
  addedAt: string;
  text: string;
}

/** Largest article text the library takes (characters). A 5,000-word article is ~30,000. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Shortest text that can be an article. */
export const MIN_TEXT_CHARS = 200;

export type SaveResult = { ok: true; id: string; duplicate: boolean; newPeople: number } | { ok: false; error: string };
export type PreviewResult = { ok: true; preview: ArticlePreview } | { ok: false; error: string };
export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; error: string };

/** What the viewer needs to show a source (bundled or library) at a span. */
export interface ViewerData {
  source: Source;
  library: boolean;
  entity: { id: string; name: string } | null;
  citations: Span[];
}

/** What the content script hands the popup for "Add this article": the page as it is now. */
export interface PageSnapshot {
  /** The document serialised (read, never changed); parsed again inertly by the popup. */
  html: string;
  url: string;
  title: string;
}

/** What every tab's content script reads (storage.local): the merged index, or null for "bundled only". */
export interface PublishedIndex {
  /** Changes with every library change. */
  revision: string;
  index: CompiledIndex | null;
}
