// The content script's message handlers (sent by the popup and the background's keyboard
// commands) as plain async functions over injected dependencies, like
// platform/background-handlers.ts: unit tests call them directly with fakes.

import type { ContentProtocol, PageSummary } from '../../core/protocol';
import type { PageMention } from '../../dom/page-mention';
import type { Handlers } from '../../platform/messaging';

export interface ContentDeps {
  summary: () => PageSummary;
  /** The mentions shown on the page, in document order. */
  mentions: () => readonly PageMention[];
  /** The mention whose card is open, if any. */
  openMention: () => PageMention | null;
  /** Scrolls a mention into view and flashes it; `smooth` where motion can be seen. */
  scrollTo: (m: PageMention, smooth: boolean) => void;
  /** Opens a mention's card without hover and focuses it. */
  openCard: (m: PageMention) => void;
  /** The user is typing in a field of the page: keyboard commands are theirs. */
  userIsTyping: () => boolean;
  /** A hidden tab, or a user who asks for less motion. */
  prefersStill: () => boolean;
}

export function createContentHandlers(d: ContentDeps): Handlers<ContentProtocol> {
  /** Per entity, the mention the popup's "next" last went to. */
  const cursor = new Map<string, number>();
  return {
    async getSummary() {
      return d.summary();
    },
    async scrollToEntity({ entity }) {
      const list = d.mentions().filter((m) => m.entity === entity);
      if (list.length === 0) return { index: -1, total: 0 };
      const index = ((cursor.get(entity) ?? -1) + 1) % list.length;
      cursor.set(entity, index);
      d.scrollTo(list[index]!, !d.prefersStill());
      return { index, total: list.length };
    },
    async openCard({ entity }) {
      const m = d.mentions().find((x) => x.entity === entity);
      if (m) d.openCard(m);
      return m !== undefined;
    },
    async navigate({ direction }) {
      if (d.userIsTyping()) return false;
      const list = d.mentions();
      if (list.length === 0) return false;
      const open = d.openMention();
      const at = open ? list.findIndex((m) => m.id === open.id) : direction > 0 ? -1 : list.length;
      const m = list[(at + direction + list.length) % list.length];
      if (m) d.openCard(m);
      return m !== undefined;
    },
  };
}
