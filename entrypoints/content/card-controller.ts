// The card flow, from pointer or keyboard to the card on screen: hover intent, the card host,
// the card cache, focus return, and what closes a card (Escape, scrolling the mention away,
// the mention leaving the page). Its state is one explicit value, not flags over a closure.
// Pinned cards (pinned-cards.ts) leave this flow: they stay until closed or unpinned. With a
// hold key (core/hold-key.ts) cards open only while the reader holds it.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keyboardAnnouncement, pinnedAnnouncement } from '../../core/announcements';
import type { CardModel } from '../../core/card-model';
import type { FactCardProps } from '../../components/FactCard';
import { HoldKey, type HoldKeySetting, type Modifiers } from '../../core/hold-key';
import { DEFAULT_INTENT, HoverIntent, type Point } from '../../core/hover-intent';
import { MAX_PINS } from '../../core/pins';
import type { ViewerTarget } from '../../core/links';
import { isEditable } from '../../dom/editable';
import type { Highlighter } from '../../dom/highlighter';
import type { Hit } from '../../dom/hit-test';
import type { PageMention } from '../../dom/page-mention';
import { scrollToMention } from '../../dom/scroll';
import type { CardHost } from './card-host';
import { readingRect } from './card-place';
import type { CardUi } from './card-ui';
import { watchHoldKey } from './hold-key-events';
import { PinnedCards } from './pinned-cards';

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
  /** The card UI, from its own content script (card-ui.ts): the first card waits for it. */
  cardUi: () => Promise<CardUi>;
  viewerHref: (t: ViewerTarget) => string;
  openViewer: (t: ViewerTarget) => void;
  /** The hold key was pressed or let go (the highlights may show only while it is held). */
  onHoldChange?: (held: boolean) => void;
  onError: (e: unknown) => void;
}

/** Pressing the hold key while resting on a mention opens its card after this long. */
const HOLD_OPEN_DELAY_MS = 150;

/**
 * This far into a dwell the card is made ready, unseen (prepare()): a pointer sweeping across
 * names prepares nothing, and the rest of the dwell (250 ms by default) is time enough.
 */
const PREPARE_AFTER_MS = 100;

export class CardController {
  private state: CardState = { kind: 'closed' };
  /** Built at the first card: a page nobody hovers pays nothing for it (but its script's load, at document_idle). */
  private cardHost: CardHost | null = null;
  private readonly intent: HoverIntent<PageMention>;
  private readonly cards = new Map<string, CardModel>();
  private pending: Promise<void> = Promise.resolve();
  /** Where focus was before a keyboard-opened card took it; closing gives it back. */
  private returnFocus: HTMLElement | null = null;
  /** The line under the pointer at the last hit (the card anchors there when it opens). */
  private hoverLine = 0;
  /** What the pointer rested on at its last move (pressing the hold key opens its card). */
  private lastHit: Hit | null = null;
  /** The mention a keyboard opening will announce once its card is shown. */
  private announceFor: PageMention | null = null;
  private readonly pins: PinnedCards;
  private readonly hold: HoldKey;
  private holdTimer = 0;
  private prepareTimer = 0;
  /** The card UI once its script has run (card-ui.ts). */
  private ui: CardUi | null = null;

  constructor(private readonly d: CardControllerDeps) {
    this.intent = new HoverIntent<PageMention>(
      DEFAULT_INTENT,
      { open: (m) => void this.show(m, this.hoverLine), close: () => this.hide(), prepare: (m) => this.prepareSoon(m) },
      {
        set: (fn, ms) => d.ctx.setTimeout(fn, ms),
        clear: (id) => clearTimeout(id),
        now: () => performance.now(),
        frame: (fn) => void d.ctx.requestAnimationFrame(fn),
      },
      (a, b) => a.id === b.id,
    );
    this.pins = new PinnedCards(window);
    this.hold = new HoldKey('off', (held) => this.holdChanged(held));
    this.listen();
    void d.cardUi().then((ui) => {
      this.ui = ui;
    });
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

  /** 'off': cards open on hover; a modifier: only while it is held. */
  setHoldKey(key: HoldKeySetting): void {
    this.hold.setKey(key);
  }

  /** Whether the hold key is held now (false when there is none). */
  get holdKeyHeld(): boolean {
    return this.hold.held;
  }

  /** The entities of the pinned cards, oldest first. */
  get pinned(): string[] {
    return this.pins.all.map((p) => p.entity);
  }

  /** Our own UI: the scanner never reads it. */
  isOwnNode(n: Node): boolean {
    const el = this.cardHost?.host;
    return (!!el && (n === el || el.contains(n))) || this.pins.owns(n);
  }

  /** Keys typed here are the user's: in a field of the page, not in our card. */
  userIsTyping(): boolean {
    return isEditable(this.d.doc.activeElement) && !this.cardHost?.hasFocus() && !this.pins.withFocus();
  }

  /**
   * The pointer moved to `p`; `hitAt` finds the mention under it (skipped over the cards).
   * `mods` are the event's modifier flags (they correct a hold key's missed key events); `at`
   * is the event's time stamp (the dwell counts from it).
   */
  pointer(p: Point, hitAt: (p: Point) => Hit | null, mods?: Modifiers, at?: number): void {
    if (mods) this.hold.modifiers(mods);
    const overCard = this.cardHost?.contains(p.x, p.y) ?? false;
    const overPin = !overCard && this.pins.at(p.x, p.y) !== null;
    const hit = overCard || overPin ? null : hitAt(p);
    this.lastHit = hit;
    if (hit) this.hoverLine = hit.line;
    let target = hit?.mention ?? null;
    // Without the hold key nothing new opens; the open card stays while the pointer is on it.
    if (target && !this.hold.allowsCards && target.id !== this.intent.openKey?.id) target = null;
    this.intent.move(p, target, overCard, this.cardHost?.rect() ?? null, at);
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
    this.announceFor = m;
    this.intent.openNow(m);
    void Promise.all([this.d.cardUi(), this.pending]).then(() => this.d.ctx.requestAnimationFrame(() => this.cardHost?.focusCard()));
  }

  /** Closes the card and gives focus back to where it was before a keyboard opening. */
  close(): void {
    this.intent.closeNow();
    if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Pins the open card: it stays (fixed in the viewport) until closed or unpinned. */
  pin(): void {
    const host = this.cardHost;
    const props = host?.shown;
    if (this.state.kind !== 'open' || !host || !props) return;
    const { mention, line } = this.state;
    const avoid = readingRect(mention, line);
    const entity = props.card.id;
    const returnFocus = host.hasFocus() ? this.returnFocus : null;
    // The host leaves the hover flow: the next hover gets a host of its own.
    this.cardHost = null;
    this.returnFocus = null;
    this.intent.closeNow();
    const dropped = this.pins.add({ entity, name: props.card.name, host, returnFocus }, avoid);
    host.render({ ...props, pinned: true, onPin: () => this.unpin(entity), onClose: () => this.unpin(entity), onSelectEntity: (id) => void this.showInPin(host, id) });
    const out = dropped.filter((d) => d.entity !== entity).map((d) => d.name);
    host.announce(pinnedAnnouncement(props.card.name, out, MAX_PINS), 0);
  }

  /** Closes a pinned card (its close control, its pin control, Escape in it). */
  unpin(entity: string): void {
    const pin = this.pins.remove(entity);
    if (pin?.returnFocus?.isConnected) pin.returnFocus.focus({ preventScroll: true });
  }

  /** Closes every card, pinned ones too: the page went off (paused, site off). */
  closeAll(): void {
    this.close();
    this.pins.closeAll();
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

  /** The cards changed (the reader's library did): fetch them afresh when next needed. Pinned cards show the old data, so they close. */
  forgetCards(): void {
    this.cards.clear();
    this.pins.closeAll();
  }

  destroy(): void {
    clearTimeout(this.holdTimer);
    clearTimeout(this.prepareTimer);
    this.intent.destroy();
    this.cardHost?.destroy();
    this.pins.closeAll();
    this.state = { kind: 'closed' };
  }

  private async show(m: PageMention, line: number, entity = m.entity): Promise<void> {
    this.state = { kind: 'opening', mention: m, line };
    const [ui] = await Promise.all([this.d.cardUi(), this.prefetch([entity])]);
    const card = this.cards.get(entity);
    // Superseded while the card was fetched: another mention's card, or closed.
    if (!card || this.d.ctx.signal.aborted || this.intent.openKey?.id !== m.id) return;
    this.state = { kind: 'open', mention: m, line, entity };
    this.hold.markUsed();
    this.d.highlighter.setActive(m);
    this.cardHost ??= ui.createHost(this.d.doc);
    const host = this.cardHost;
    host.show(this.cardProps(m, line, card, host), { range: m.range, line });
    // The pinned stack keeps clear of the line the reader is on now.
    if (this.pins.all.length) this.pins.layout(readingRect(m, line));
    if (this.announceFor?.id === m.id) host.announce(keyboardAnnouncement(m.range.toString() || m.text, card));
    this.announceFor = null;
  }

  /** What the hover card shows for `m`, and what its controls do. */
  private cardProps(m: PageMention, line: number, card: CardModel, host: CardHost): FactCardProps {
    return {
      card,
      viewerHref: this.d.viewerHref,
      onOpenSource: (target) => this.d.openViewer(target),
      onSelectEntity: (id) => void this.show(m, line, id).then(() => host.focusCard()),
      onClose: () => this.close(),
      pinned: false,
      onPin: () => this.pin(),
    };
  }

  private prepareSoon(m: PageMention): void {
    clearTimeout(this.prepareTimer);
    this.prepareTimer = this.d.ctx.setTimeout(() => this.prepare(m), PREPARE_AFTER_MS);
  }

  /**
   * The pointer rests on `m`: its card is rendered into the host, which stays out of the page
   * until the dwell ends. Building the card — on a page's first card also the host's shadow
   * root and styles, and the card's code running for the first time — is then already done
   * when the dwell ends, which only attaches and places it. Not while a card is shown: the
   * host is that card's.
   */
  private prepare(m: PageMention): void {
    const ui = this.ui;
    if (!ui || this.intent.pendingKey?.id !== m.id || this.d.ctx.signal.aborted || this.cardHost?.isShown) return;
    const card = this.cards.get(m.entity);
    if (!card) {
      void this.prefetch([m.entity]).then(() => {
        if (this.cards.has(m.entity)) this.prepare(m);
      });
      return;
    }
    this.cardHost ??= ui.createHost(this.d.doc);
    this.cardHost.render(this.cardProps(m, this.hoverLine, card, this.cardHost));
  }

  /** A pinned card switches to a related entity (its "Mentioned with" chips). */
  private async showInPin(host: CardHost, entity: string): Promise<void> {
    await this.prefetch([entity]);
    const card = this.cards.get(entity);
    const props = host.shown;
    if (!card || !props || this.d.ctx.signal.aborted) return;
    host.render({ ...props, card });
    this.pins.layout();
    host.focusCard();
  }

  private hide(): void {
    this.state = { kind: 'closed' };
    this.d.highlighter.setActive(null);
    this.cardHost?.hide();
  }

  /** The hold key went down (open the card of the mention under the pointer) or up. */
  private holdChanged(held: boolean): void {
    this.d.onHoldChange?.(held);
    clearTimeout(this.holdTimer);
    if (!held || this.userIsTyping()) return;
    // A moment's wait: Ctrl+C or Shift+letter press the key first, and they are no request for a card.
    this.holdTimer = this.d.ctx.setTimeout(() => {
      const hit = this.lastHit;
      if (!this.hold.held || !hit || this.intent.openKey?.id === hit.mention.id) return;
      this.hoverLine = hit.line;
      this.intent.openNow(hit.mention);
    }, HOLD_OPEN_DELAY_MS);
  }

  private listen(): void {
    const { ctx, doc } = this.d;
    ctx.addEventListener(doc, 'keydown', (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || this.userIsTyping()) return;
      // Escape in a pinned card closes that card only; elsewhere it closes the hover card.
      const pin = this.pins.withFocus();
      if (pin) this.unpin(pin.entity);
      else if (this.intent.openKey) this.close();
    }, { capture: true });
    watchHoldKey(ctx, doc, this.hold);
    ctx.addEventListener(window, 'scroll', () => {
      const m = this.openMention;
      if (!m) return;
      const r = m.range.getBoundingClientRect();
      if (r.bottom < 0 || r.top > window.innerHeight) this.intent.closeNow();
    }, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', () => this.pins.layout(), { passive: true });
    ctx.addEventListener(doc, 'fullscreenchange', () => {
      this.cardHost?.followFullscreen();
      this.pins.followFullscreen();
    });
  }
}
