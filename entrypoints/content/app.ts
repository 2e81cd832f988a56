// The content script's coordinator: wiring only. Each flow has one owner —
// ScanSession (settings → scanner → highlights → report), CardController (pointer and
// keyboard → card), createContentHandlers (the popup's and commands' messages) — and this
// file builds them, connects them, and tears them down when the extension context goes away
// (update, reload, disable). See docs/ARCHITECTURE.md for the flows.

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import compiledIndex from 'virtual:factcard-index';
import { marksHiddenUntilHeld } from '../../core/hold-key';
import { viewerHash } from '../../core/links';
import { loadMatcher } from '../../core/matcher';
import type { Matcher } from '../../core/matcher-types';
import type { ContentProtocol } from '../../core/protocol';
import type { Settings } from '../../core/settings';
import { HighlightWindow } from '../../dom/highlight-window';
import { Highlighter } from '../../dom/highlighter';
import { createHitTester } from '../../dom/hit-test';
import { afterNextFrame } from '../../dom/scheduling';
import { scrollToMention } from '../../dom/scroll';
import { listen, sendToBackground } from '../../platform/messaging';
import { loadSettings, watchSettings } from '../../platform/settings';
import { CardController } from './card-controller';
import { removeDeadPredecessors } from './card-place';
import { cardUi } from './card-ui';
import { createContentHandlers } from './content-handlers';
import { libraryMatcherNow, startLibrarySync } from './library-sync';
import { trackPointer } from './pointer';
import { pageStatusFor } from './page-state';
import { ScanSession } from './scan-session';

/** WXT notices a dead extension context only when one of ctx's timers fires (see below). */
const INVALIDATION_CHECK_MS = 2000;

const reportProblem = (e: unknown): void => console.debug('[factcard]', e);

/** The settings being read; `value` once they are (usually before DOMContentLoaded). */
export interface SettingsRead {
  promise: Promise<Settings>;
  value: Settings | undefined;
}

/** Starts reading the settings (at document_start, so the read overlaps the page's parsing). */
export function readSettings(): SettingsRead {
  const read: SettingsRead = { promise: loadSettings(reportProblem), value: undefined };
  void read.promise.then((s) => {
    read.value = s;
  });
  return read;
}

let bundled: Matcher | undefined;

/** The bundled dataset's matcher, made once: index.ts makes it at document_start, beside the settings read. */
export function bundledMatcher(): Matcher {
  return (bundled ??= loadMatcher(compiledIndex));
}

/**
 * Firefox runs tasks posted after DOMContentLoaded while it waits for the page's first frame
 * (the next vsync), without moving that frame: there the scan goes on reading in 4 ms tasks
 * until the frame, instead of waiting for it (bench/README.md, fourteenth pass: the 200 KB
 * and 2 MB pages settled sooner in every round). Chromium runs such tasks only after its
 * first frame of a big page, and its 2 MB page settled later with them: it waits.
 */
const READ_BEFORE_FIRST_FRAME_MS = import.meta.env.FIREFOX ? 4 : undefined;

/** Runs `start` once the page's HTML is parsed: in DOMContentLoaded, or now when it is. */
export function whenParsed(ctx: ContentScriptContext, start: () => void): void {
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', () => start(), { once: true });
  else start();
}

/** Only HTML documents get highlights (see startFactcard for the others). */
function isHtmlDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'text/plain' || doc.contentType === 'application/xhtml+xml';
}

/**
 * The highlighter, made at document_start: as soon as the settings say this page is on, its
 * stylesheet is adopted, while the page is still parsing and styling it costs nothing
 * (dom/highlighter.ts says why that matters).
 */
export function prepareHighlighter(ctx: ContentScriptContext, settings: SettingsRead): Highlighter | undefined {
  const doc = document;
  if (!isHtmlDocument(doc)) return undefined;
  const highlighter = new Highlighter(doc, { onError: reportProblem });
  void settings.promise.then((s) => {
    if (ctx.signal.aborted || pageStatusFor(s, location.href) !== 'on' || s.highlightStyle === 'none') return;
    // No key is held yet: with "hide the highlights until the key is held" nothing is marked,
    // but the sheet goes in now all the same (showing the marks later must not restyle).
    highlighter.setTypesHidden(marksHiddenUntilHeld(s.holdKey, s.hideHighlightsUntilHeld, false));
    highlighter.setStyle(s.highlightStyle, s.highlightColor);
    highlighter.prepare();
  }).catch(reportProblem);
  ctx.onInvalidated(() => highlighter.destroy());
  return highlighter;
}

export function startFactcard(ctx: ContentScriptContext, settings: SettingsRead = readSettings(), early?: Highlighter): void {
  const doc = document;
  // XML and other non-HTML documents have no place for a card. Chromium's XML tree viewer
  // gives an XML document an HTML root and body, but createElement there still makes
  // non-HTML elements (no style, no shadow root): stand down too. (text/plain is an HTML
  // document showing a <pre>: it is read like any page.)
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body || !(doc.createElement('div') instanceof HTMLElement)) {
    early?.destroy();
    return;
  }
  const { signal } = ctx;
  const isTop = window === window.top;
  const onError = reportProblem;

  const highlighter = early ?? new Highlighter(doc, { onError });
  const drawn = new HighlightWindow({ doc, signal, draw: (list) => highlighter.update(list), onError });
  const card = new CardController({
    ctx,
    doc,
    highlighter,
    fetchCards: (ids) => sendToBackground('getCards', { ids }),
    cardUi,
    viewerHref: (t) => browser.runtime.getURL('/viewer.html') + viewerHash(t),
    openViewer: (target) => void sendToBackground('openViewer', { target }).catch(onError),
    onHoldChange: () => drawStyle(),
    onError,
  });
  const session = new ScanSession({
    ctx,
    doc,
    url: () => location.href,
    // The merged bundled + library index when the reader has a library (read at document_start).
    matcher: libraryMatcherNow(onError) ?? bundledMatcher(),
    drawn,
    styled: () => highlighter.styled,
    isOwnNode: (n) => card.isOwnNode(n),
    onMentions: (list) => card.mentionsChanged(list),
    onReport: (entities, status) => {
      // Only the top frame speaks for the tab.
      if (!isTop) return;
      void sendToBackground('pageFound', { entities, status }).catch(onError);
      if (entities.length) void card.prefetch(entities.map((e) => e.entity));
    },
    onError,
    readBeforeFirstFrameMs: READ_BEFORE_FIRST_FRAME_MS,
  });

  ctx.onInvalidated(() => {
    card.destroy();
    session.destroy();
    drawn.destroy();
    highlighter.destroy();
  });

  // Scanning starts now, while the settings are read (they were asked for at document_start
  // and are usually here already): nothing is drawn or reported until they are known.
  let current: Settings | null = null;
  // With a hold key and "hide highlights", mentions are marked only while the key is held:
  // pressing it adds the marks' highlights back, the stylesheet stays as it is.
  const drawStyle = (): void => {
    if (!current) return;
    highlighter.setTypesHidden(marksHiddenUntilHeld(current.holdKey, current.hideHighlightsUntilHeld, card.holdKeyHeld));
    highlighter.setStyle(current.highlightStyle, current.highlightColor);
  };
  const apply = (s: Settings): void => {
    current = s;
    card.setDwell(s.hoverDelayMs);
    card.setHoldKey(s.holdKey);
    drawStyle();
    // Paused, or off on this site: pinned cards go too.
    if (pageStatusFor(s, location.href) !== 'on') card.closeAll();
    session.apply(s);
  };
  if (settings.value) {
    // Read already (the usual case): the scan starts knowing them, and its first chunk draws.
    apply(settings.value);
  } else {
    session.start();
    void settings.promise.then((s) => {
      if (!signal.aborted) apply(s);
    });
  }

  // The rest waits for the page's first frame: what that frame paints needs only the scan and
  // the drawing above, and each first use of an extension event costs Firefox ~0.5 ms
  // (bench/README.md, twelfth pass). Nobody hovers, opens the popup or changes a setting
  // within a frame of the page's parsing.
  afterNextFrame(window, signal, () => {
    // A card host a reloaded predecessor left behind goes before any card can open. Looking
    // for one reads the whole document (~1 ms in Firefox on the 2 MB benchmark page): not
    // in the task the page's first frame waits for.
    removeDeadPredecessors(doc);
    trackPointer(ctx, doc, createHitTester(doc, () => session.mentions()), card, onError);
    if (isTop) {
      listen<ContentProtocol>(createContentHandlers({
        summary: () => session.summary(),
        mentions: () => session.mentions(),
        openMention: () => card.openMention,
        scrollTo: (m, smooth) => scrollToMention(m, { highlighter, signal, behavior: smooth ? 'smooth' : 'instant' }),
        openCard: (m) => card.openByKeyboard(m),
        userIsTyping: () => card.userIsTyping(),
        prefersStill: () => doc.hidden || window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      }), { signal });
    }

    // The reader's library changed: a new matcher, fresh cards, the page read again.
    startLibrarySync({
      ctx,
      isTop,
      onError,
      onMatcher: (next) => {
        card.forgetCards();
        session.setMatcher(next ?? bundledMatcher());
      },
    });

    const unwatch = watchSettings(apply);
    signal.addEventListener('abort', unwatch, { once: true });
    // A slow tick makes sure an idle page is cleaned up after an update or reload too.
    ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  });
}
