// An entity's card inside the popup: the page's own FactCard, in a shadow root of its own so
// the card's styles (written for the page's closed shadow root) and the popup's never meet.
// A back control above it returns to the results (or the page summary); so do the card's
// close control and Escape.

import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { CardModel } from '../core/card-model';
import type { ViewerTarget } from '../core/links';
import { CARD_CSS } from './card-styles';
import { FactCard } from './FactCard';

/** The card sits in the popup's flow instead of floating over a page. */
const IN_POPUP_CSS = `
:host { display: block; }
.wrap.in-popup { position: static; width: auto; max-width: none; animation: none; }
.in-popup .card { border: 0; border-radius: 0; box-shadow: none; max-height: none; overflow: visible; padding: 4px 12px 10px; }
.in-popup .card:focus-visible { outline-offset: -2px; }
`;

export type PopupCardState = { kind: 'loading'; id: string } | { kind: 'missing'; id: string } | { kind: 'ready'; card: CardModel };

export interface PopupCardProps {
  state: PopupCardState;
  /** "Back to results" or "Back to the page summary". */
  backLabel: string;
  onBack: () => void;
  viewerHref: (t: ViewerTarget) => string;
  onOpenSource: (t: ViewerTarget) => void;
  onSelectEntity: (id: string) => void;
}

export function PopupCard({ state, backLabel, onBack, viewerHref, onOpenSource, onSelectEntity }: PopupCardProps) {
  const host = useRef<HTMLDivElement>(null);
  const root = useRef<ShadowRoot | null>(null);
  const card = state.kind === 'ready' ? state.card : null;

  useLayoutEffect(() => {
    const el = host.current;
    if (!el || root.current) return;
    const shadow = el.attachShadow({ mode: 'open' });
    const sheets = [CARD_CSS, IN_POPUP_CSS].map((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    });
    shadow.adoptedStyleSheets = sheets;
    root.current = shadow;
    return () => {
      render(null, shadow);
      root.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const shadow = root.current;
    if (!shadow) return;
    if (!card) {
      render(null, shadow);
      return;
    }
    render(
      <div class="wrap in-popup">
        <FactCard key={card.id} card={card} viewerHref={viewerHref} onOpenSource={onOpenSource} onSelectEntity={onSelectEntity} onClose={onBack} />
      </div>,
      shadow,
    );
  });

  // A new card takes focus, so a screen reader reads its name (the dialog's label) first.
  useEffect(() => {
    if (card) root.current?.querySelector<HTMLElement>('[data-fc="card"]')?.focus();
  }, [card?.id]);

  return (
    <section
      class="lookup-card"
      data-fc="lookup-card"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Keeps the popup open (Chrome closes it on an unhandled Escape).
        e.preventDefault();
        e.stopPropagation();
        onBack();
      }}
    >
      <button type="button" class="link back" data-fc="lookup-back" onClick={onBack}>
        ← {backLabel}
      </button>
      {state.kind === 'loading' ? (
        <p class="state" data-fc="lookup-loading">
          Opening the card…
        </p>
      ) : null}
      {state.kind === 'missing' ? (
        <p class="state" data-fc="lookup-missing" role="alert">
          Factcard has no card for this name any more (it may have left your library).
        </p>
      ) : null}
      <div ref={host} data-fc="lookup-card-host" />
    </section>
  );
}
