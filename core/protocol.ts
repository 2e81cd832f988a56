// One typed protocol for every message between Factcard's contexts. The background and the
// content script each register one object of handlers keyed by these names; the listener
// around them (platform/messaging.ts) is tiny and checks the sender.

import type { CardModel } from './card-model';
import type { ViewerTarget } from './links';

export interface EntityCount {
  entity: string;
  count: number;
}

export type PageStatus = 'scanning' | 'ready' | 'paused' | 'disabled-site';

export interface PageSummary {
  status: PageStatus;
  url: string;
  entities: EntityCount[];
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
