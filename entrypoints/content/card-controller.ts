// The card flow, from pointer or keyboard to the card on screen: hover intent, the card host,
// the card cache, focus return, and what closes a card (Escape, scrolling the mention away,
// the mention leaving the page). Its state is one explicit value, not flags over a closure.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardModel } from '../../core/card-model';
import { DEFAULT_INTENT, HoverIntent, type Point } from '../../core/hover-intent';
import type { ViewerTarget } from '../../core/links';
import { isEditable } from '../../dom/editable';
import type { Highlighter } from '../../dom/highlighter';
import type { Hit } from '../../dom/hit-test';
import type { PageMention } from '../../dom/page-mention';
import { scrollToMention } from '../../dom/scroll';
import { CardHost } from './card-host';

/** What the card is doing; `line` is which of the mention's line boxes it points at. */
export type CardState =
  | { kind: 'closed' }
  /** The intent fired; the card's data is on its way from the background. */
  | { kind: 'opening'; mention: PageMention; line: number }
  | { kind: 'open'; mention: PageMention; line: number; entity: string };

export interface CardControllerDeps {
  ctx: ContentScriptContext;
  doc: Document;
  highlighter: Highlighter;
  /** Cards by entity id, from the background. */
  fetchCards: (ids: string[]) => Promise<CardModel[]>;
  viewerHref: (t: ViewerTarget) => string;
  openViewer: (t: ViewerTarget) => void;
  onError: (e: unknown) => void;
}

export class CardController {
  private state: CardState = { kind: 'closed' };
  /** Built at the first card: a page nobody hovers pays nothing for it. */
  private cardHost: CardHost | null = null;
  private readonly intent: HoverIntent<PageMention>;
  private readonly cards = new Map<string, CardModel>();
  private pending: Promise<void> = Promise.resolve();
  /** Where focus was before a keyboard-opened card took it; closing gives it back. */
  private returnFocus: HTMLElement | null = null;
  /** The line under the pointer at the last hit (the card anchors there when it opens). */
  private hoverLine = 0;

  constructor(private readonly d: CardControllerDeps) {
    this.intent = new HoverIntent<PageMention>(
      DEFAULT_INTENT,
      { open: (m) => void this.show(m, this.hoverLine), close: () => this.hide() },
      { set: (fn, ms) => d.ctx.setTimeout(fn, ms), clear: (id) => clearTimeout(id), now: () => performance.now() },
      (a, b) => a.id === b.id,
    );
    this.listen();
  }

  get current(): CardState {
    return this.state;
  }

  /** The mention whose card is open (or opening). */
  get openMention(): PageMention | null {
    return this.state.kind === 'closed' ? null : this.state.mention;
  }

  setDwell(ms: number): void {
    this.intent.setOptions({ ...DEFAULT_INTENT, dwellMs: ms });
  }

  /** Our own UI: the scanner never reads it. */
  isOwnNode(n: Node): boolean {
    const el = this.cardHost?.host;
    return !!el && (n === el || el.contains(n));
  }

  /** Keys typed here are the user's: in a field of the page, not in our card. */
  userIsTyping(): boolean {
    return isEditable(this.d.doc.activeElement) && !this.cardHost?.hasFocus();
  }

  /** The pointer moved to `p`; `hitAt` finds the mention under it (skipped over the card). */
  pointer(p: Point, hitAt: (p: Point) => Hit | null): void {
    const overCard = this.cardHost?.contains(p.x, p.y) ?? false;
    const hit = overCard ? null : hitAt(p);
    if (hit) this.hoverLine = hit.line;
    this.intent.move(p, hit?.mention ?? null, overCard, this.cardHost?.rect() ?? null);
  }

  pointerLeft(): void {
    this.intent.leave();
  }

  /** Opens a mention's card without hover (keyboard navigation, the popup) and focuses it. */
  openByKeyboard(m: PageMention): void {
    scrollToMention(m, { highlighter: this.d.highlighter, signal: this.d.ctx.signal, behavior: 'instant' });
    const active = this.d.doc.activeElement;
    if (!this.cardHost?.hasFocus()) this.returnFocus = active instanceof HTMLElement ? active : null;
    this.hoverLine = 0;
    this.intent.openNow(m);
    void this.pending.then(() => this.d.ctx.requestAnimationFrame(() => this.cardHost?.focusCard()));
  }

  /** Closes the card and gives focus back to where it was before a keyboard opening. */
  close(): void {
    this.intent.closeNow();
    if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** The page's mentions changed: a card whose mention is gone closes. */
  mentionsChanged(list: readonly PageMention[]): void {
    const open = this.openMention;
    if (open && !list.some((m) => m.id === open.id)) this.intent.closeNow();
  }

  /** Fetches the cards of these entities ahead of a hover (once each). */
  prefetch(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.cards.has(id));
    if (missing.length === 0) return this.pending;
    this.pending = this.d
      .fetchCards(missing)
      .then((list) => {
        for (const c of list) this.cards.set(c.id, c);
      })
      .catch(this.d.onError);
    return this.pending;
  }

  /** The cards changed (the reader's library did): fetch them afresh when next needed. */
  forgetCards(): void {
    this.cards.clear();
  }

  destroy(): void {
    this.intent.destroy();
    this.cardHost?.destroy();
    this.state = { kind: 'closed' };
  }

  private async show(m: PageMention, line: number, entity = m.entity): Promise<void> {
    this.state = { kind: 'opening', mention: m, line };
    await this.prefetch([entity]);
    const card = this.cards.get(entity);
    // Superseded while the card was fetched: another mention's card, or closed.
    if (!card || this.d.ctx.signal.aborted || this.intent.openKey?.id !== m.id) return;
    this.state = { kind: 'open', mention: m, line, entity };
    this.d.highlighter.setActive(m);
    this.cardHost ??= new CardHost(this.d.doc);
    const host = this.cardHost;
    host.show(
      {
        card,
        viewerHref: this.d.viewerHref,
        onOpenSource: (target) => this.d.openViewer(target),
        onSelectEntity: (id) => void this.show(m, line, id).then(() => host.focusCard()),
        onClose: () => this.close(),
      },
      { range: m.range, line },
    );
  }

  private hide(): void {
    this.state = { kind: 'closed' };
    this.d.highlighter.setActive(null);
    this.cardHost?.hide();
  }

  private listen(): void {
    const { ctx, doc } = this.d;
    ctx.addEventListener(doc, 'keydown', (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || !this.intent.openKey || this.userIsTyping()) return;
      this.close();
    }, { capture: true });
    ctx.addEventListener(window, 'scroll', () => {
      const m = this.openMention;
      if (!m) return;
      const r = m.range.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) this.intent.closeNow();
    }, { passive: true, capture: true });
    ctx.addEventListener(doc, 'fullscreenchange', () => this.cardHost?.followFullscreen());
  }
}
