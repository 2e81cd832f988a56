// The card's place in the page: a `factcard-host` element holding a closed shadow root, one
// per card on screen (the hover card, and each pinned card: see pinned-cards.ts). A host is
// attached only while its card is shown, so the page's DOM is untouched otherwise. This module is
// the card UI's content script's (entrypoints/card.content.ts, see card-ui.ts).

import { arrow, autoUpdate, computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { CARD_CSS } from '../../components/card-styles';
import { FactCard, type FactCardProps } from '../../components/FactCard';
import { HOST_TAG, lineRect, type Anchor } from './card-place';

const GUTTER = 8;

export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly wrap: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly arrowEl: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private stopAutoUpdate: (() => void) | null = null;
  private announced = false;
  private announceTimer = 0;
  private props: FactCardProps | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement(HOST_TAG);
    // Inline !important beats any page rule aimed at our tag.
    for (const [k, v] of [
      ['all', 'initial'],
      ['display', 'block'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
    ] as const) {
      this.host.style.setProperty(k, v, 'important');
    }
    this.root = this.host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    this.root.adoptedStyleSheets = [sheet];
    this.wrap = doc.createElement('div');
    this.wrap.className = 'wrap';
    this.body = doc.createElement('div');
    this.arrowEl = doc.createElement('div');
    this.arrowEl.className = 'arrow';
    this.live = doc.createElement('div');
    this.live.className = 'sr';
    this.live.dataset.fc = 'live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.wrap.append(this.arrowEl, this.body);
    this.root.append(this.live, this.wrap);
    // Keys typed in the card are the card's: the page must not see them.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      this.wrap.addEventListener(type, (e) => {
        if (type !== 'keydown' || (e as KeyboardEvent).key !== 'Escape') e.stopPropagation();
      });
    }
  }

  get isShown(): boolean {
    return this.host.isConnected;
  }

  /** The card's props as last rendered. */
  get shown(): FactCardProps | null {
    return this.props;
  }

  get pinned(): boolean {
    return this.wrap.classList.contains('pinned');
  }

  show(props: FactCardProps, anchor: Anchor): void {
    this.render(props);
    this.attach();
    if (!this.announced) {
      this.announced = true;
      this.live.textContent = `Factcard: ${props.card.name}. Press Escape to close.`;
    }
    this.position(anchor);
  }

  /** Renders new props into the card as it stands (its place and its open sections kept). */
  render(props: FactCardProps): void {
    this.props = props;
    render(h(FactCard, { ...props, key: props.card.id }), this.body);
  }

  /**
   * Pins the card: it leaves its mention (no arrow, no following the text) and is placed by
   * `placeAt`, fixed in the viewport; its width fits beside the text being read, and
   * `maxHeight` keeps a few pinned cards on screen at once.
   */
  pin(maxWidth: number, maxHeight: number): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.wrap.classList.add('pinned');
    this.wrap.style.setProperty('--fc-pin-max-w', `${Math.round(maxWidth)}px`);
    this.wrap.style.setProperty('--fc-pin-max-h', `${Math.round(maxHeight)}px`);
  }

  placeAt(left: number, top: number): void {
    this.wrap.style.left = `${Math.round(left)}px`;
    this.wrap.style.top = `${Math.round(top)}px`;
  }

  /** The card's size (for stacking pinned cards). */
  size(): { width: number; height: number } {
    const r = this.wrap.getBoundingClientRect();
    return { width: r.width, height: r.height };
  }

  /**
   * Says `text` through the card's live region. A region filled in the same task it appears
   * in may go unspoken, so the text goes in a moment after the host is in the page (and is
   * cleared first, so the same words are said again).
   */
  announce(text: string, delayMs = 150): void {
    clearTimeout(this.announceTimer);
    this.announced = true;
    this.live.textContent = '';
    this.announceTimer = window.setTimeout(() => {
      this.live.textContent = text;
    }, delayMs);
  }

  /** What the live region says now (tests, and the controller's "pinned" message). */
  get liveText(): string {
    return this.live.textContent ?? '';
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.host.remove();
  }

  /** The card's box, for the safe triangle and "pointer inside the card". */
  rect(): DOMRect | null {
    if (!this.isShown) return null;
    return this.wrap.getBoundingClientRect();
  }

  contains(x: number, y: number): boolean {
    const r = this.rect();
    return r !== null && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  /** Focuses the card itself (a labelled dialog), so Tab walks its links next. */
  focusCard(): void {
    const card = this.body.querySelector<HTMLElement>('[data-fc="card"]');
    card?.focus({ preventScroll: true });
  }

  hasFocus(): boolean {
    return this.root.activeElement !== null;
  }

  /** Moves the host into the fullscreen element (or back) so the card stays visible. */
  followFullscreen(): void {
    if (!this.isShown) return;
    const container = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.host.parentNode !== container) container.append(this.host);
  }

  destroy(): void {
    clearTimeout(this.announceTimer);
    this.hide();
    render(null, this.body);
    this.props = null;
  }

  private attach(): void {
    const container = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.host.parentNode !== container) container.append(this.host);
  }

  private position(anchor: Anchor): void {
    this.stopAutoUpdate?.();
    const reference: VirtualElement = {
      getBoundingClientRect: () => lineRect(anchor),
      contextElement: anchor.range.startContainer.parentElement ?? undefined,
    };
    // In right-to-left text the card hangs from the mention's right edge, where reading starts.
    const el = anchor.range.startContainer.parentElement;
    const rtl = el ? getComputedStyle(el).direction === 'rtl' : false;
    const update = () => {
      void computePosition(reference, this.wrap, {
        strategy: 'fixed',
        placement: rtl ? 'bottom-end' : 'bottom-start',
        middleware: [offset(10), flip({ padding: GUTTER }), shift({ padding: GUTTER }), arrow({ element: this.arrowEl, padding: 10 })],
      }).then(({ x, y, placement, middlewareData }) => {
        this.wrap.style.left = `${Math.round(x)}px`;
        this.wrap.style.top = `${Math.round(y)}px`;
        const side = placement.split('-')[0] ?? 'bottom';
        const a = middlewareData.arrow;
        this.arrowEl.dataset.side = side;
        this.arrowEl.style.left = a?.x != null ? `${a.x}px` : '';
        this.arrowEl.style.top = a?.y != null ? `${a.y}px` : '';
        this.arrowEl.style.bottom = '';
        this.arrowEl.style.right = '';
        const staticSide = ({ top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const)[side as 'top'] ?? 'top';
        this.arrowEl.style[staticSide] = '-6px';
      });
    };
    this.stopAutoUpdate = autoUpdate(reference, this.wrap, update, { animationFrame: false });
  }
}
