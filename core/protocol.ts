// One typed protocol for every message between Factcard's contexts. The background and the
// content script each register one object of handlers keyed by these names; the listener
// around them (platform/messaging.ts) is tiny and checks the sender.

import type { CardModel } from './card-model';
import type {
  ArticleDraft,
  ImportResult,
  LibraryCounts,
  LibraryEntry,
  LibraryFile,
  LibraryListItem,
  PageSnapshot,
  PreviewResult,
  SaveResult,
  ViewerData,
} from './library/types';
import type { ViewerTarget } from './links';
import type { SearchEntry } from './search';

export interface EntityCount {
  entity: string;
  count: number;
}

export type PageStatus = 'scanning' | 'ready' | 'paused' | 'disabled-site';

export interface PageSummary {
  status: PageStatus;
  url: string;
  entities: EntityCount[];
  /** When the whole page was read and matched ('ready'), in ms since the epoch on the page's
   *  high-resolution clock (`performance.timeOrigin + performance.now()`); absent until then. */
  settledAt?: number;
}

/** Handled by the background. */
export interface BackgroundProtocol {
  /** The content script reports what it found; the background keeps the badge in step. */
  pageFound(req: { entities: EntityCount[]; status: PageStatus }): Promise<void>;
  /** Cards for the entities found on a page, fetched once per page. */
  getCards(req: { ids: string[] }): Promise<CardModel[]>;
  /** Opens the source viewer in a new tab next to the sender's. */
  openViewer(req: { target: ViewerTarget }): Promise<void>;
}

/** Handled by the content script of a tab (sent by the popup). */
export interface ContentProtocol {
  getSummary(req: Record<string, never>): Promise<PageSummary>;
  /** Scrolls to the entity's next mention (cycling) and flashes it; returns which one (0-based). */
  scrollToEntity(req: { entity: string }): Promise<{ index: number; total: number }>;
  /** Scrolls to the entity's first mention and opens its card. */
  openCard(req: { entity: string }): Promise<boolean>;
  /** Keyboard navigation (commands API): the next or previous mention, with its card. */
  navigate(req: { direction: 1 | -1 }): Promise<boolean>;
}

/**
 * The reader's library, handled by the background (the one owner of its IndexedDB). A second
 * protocol beside BackgroundProtocol, with its own listener, so the library adds to the
 * background without touching the handlers above.
 */
export interface LibraryProtocol {
  /** Runs extraction on a draft and says what it found; saves nothing. */
  libraryPreview(req: { article: ArticleDraft }): Promise<PreviewResult>;
  librarySave(req: { article: ArticleDraft }): Promise<SaveResult>;
  libraryList(req: Record<string, never>): Promise<LibraryListItem[]>;
  libraryCounts(req: Record<string, never>): Promise<LibraryCounts>;
  /** Returns the removed entry, so the page can offer undo. */
  libraryDelete(req: { id: string }): Promise<LibraryEntry | null>;
  libraryRestore(req: { entry: LibraryEntry }): Promise<SaveResult>;
  /** Re-runs extraction on one entry, or on all when no id is given; returns how many. */
  libraryReextract(req: { id?: string }): Promise<number>;
  libraryExport(req: Record<string, never>): Promise<LibraryFile>;
  /** All-or-nothing: a bad entry refuses the file and changes nothing. */
  libraryImport(req: { json: string; file: string }): Promise<ImportResult>;
  /** A source for the viewer, bundled or from the library. */
  viewerSource(req: { source: string; entity?: string }): Promise<ViewerData | null>;
}

/** Handled by the top frame's content script for "Add this article" (sent by the popup). */
export interface LibraryContentProtocol {
  /** The page as it is now, serialised for the popup to read with Readability; an error when too large. */
  pageSnapshot(req: Record<string, never>): Promise<PageSnapshot | { error: string }>;
}

export type MessageOf<P> = {
  [K in keyof P]: P[K] extends (req: infer Req) => Promise<unknown> ? { type: K; req: Req } : never;
}[keyof P];

export type ResponseOf<P, K extends keyof P> = P[K] extends (req: never) => Promise<infer R> ? R : never;

/** Narrow an unknown message to one of a protocol's names, checking shape only. */
export function isMessage<P>(msg: unknown, names: readonly (keyof P)[]): msg is MessageOf<P> {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as { type?: unknown; req?: unknown };
  return typeof m.type === 'string' && (names as readonly unknown[]).includes(m.type) && typeof m.req === 'object' && m.req !== null;
}

/**
 * The popup's name look-up, handled by the background (which holds the merged bundled +
 * library index). Its own protocol and listener, like the library's, so it adds to the
 * background without touching the handlers above. Cards come through `getCards`.
 */
export interface SearchProtocol {
  /** Every entity Factcard knows, bundled and from the reader's library, as the search indexes them. */
  searchDirectory(req: Record<string, never>): Promise<SearchEntry[]>;
}
