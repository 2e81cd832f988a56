// The content script's coordinator: builds the scanner, highlighter, hover intent and card
// host, wires them to the page's events, the settings and the extension's messages, and
// tears all of it down when the extension context goes away (update, reload, disable).

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import compiledIndex from 'virtual:factcard-index';
import type { CardModel } from '../../core/card-model';
import type { EntityType } from '../../core/dataset-types';
import { DEFAULT_INTENT, HoverIntent } from '../../core/hover-intent';
import { viewerHash } from '../../core/links';
import { loadMatcher } from '../../core/matcher';
import type { ContentProtocol, EntityCount, PageStatus } from '../../core/protocol';
import { isSensitiveUrl, type Settings } from '../../core/settings';
import { HighlightWindow } from '../../dom/highlight-window';
import { Highlighter } from '../../dom/highlighter';
import { createHitTester } from '../../dom/hit-test';
import { PageScanner, type PageMention } from '../../dom/page-scanner';
import { scrollToMention } from '../../dom/scroll';
import { CONTENT_MESSAGES, listen, sendToBackground, type Handlers } from '../../platform/messaging';
import { loadSettings, watchSettings } from '../../platform/settings';
import { CardHost, HOST_TAG } from './card-host';
import { isEditable, pageStatusFor } from './page-state';
import { trackPointer } from './pointer';
import { libraryMatcherNow, startLibrarySync } from './library-sync'; // [library]

const REPORT_DELAY_MS = 250;
const INVALIDATION_CHECK_MS = 2000;
/** Above this many elements the scan starts after the page's first paint (see startScanning). */
const FIRST_FRAME_MAX_ELEMENTS = 15_000;

const reportProblem = (e: unknown): void => console.debug('[factcard]', e);

/** Starts reading the settings (at document_start, so the read overlaps the page's parsing). */
export function readSettings(): Promise<Settings> {
  return loadSettings(reportProblem);
}

/** Runs `start` once the page's HTML is parsed: in DOMContentLoaded, or now when it is. */
export function whenParsed(ctx: ContentScriptContext, start: () => void): void {
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', () => start(), { once: true });
  else start();
}

export function startFactcard(ctx: ContentScriptContext, settings: Promise<Settings> = readSettings()): void {
  const doc = document;
  // XML and other non-HTML documents have no place for a card. Chromium's XML tree viewer
  // gives an XML document an HTML root and body, but createElement there still makes
  // non-HTML elements (no style, no shadow root): stand down too. (text/plain is an HTML
  // document showing a <pre>: it is read like any page.)
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body || !(doc.createElement('div') instanceof HTMLElement)) return;
  const signal = ctx.signal;
  const isTop = window === window.top;
  const onError = reportProblem;

  // A predecessor killed by an extension reload (Firefox re-injects us and cannot run the old
  // script's cleanup) may have left its card host behind: ours are the ones with a closed
  // shadow root. A page's own element of that name is not ours to touch.
  for (const el of doc.querySelectorAll(HOST_TAG)) if (closedShadowRootOf(el)) el.remove();

  let matcher = libraryMatcherNow(onError) ?? loadMatcher(compiledIndex); // [library] merged index when the reader has one
  const cardHost = new CardHost(doc);
  const highlighter = new Highlighter(doc, { onError });
  const drawn = new HighlightWindow({ doc, signal, draw: (list) => highlighter.update(list), onError });
  const cards = new Map<string, CardModel>();
  const cursor = new Map<string, number>();
  let scanner: PageScanner | null = null;
  /** The user's settings have been read: until then nothing is drawn or reported. */
  let settingsKnown = false;
  let status: PageStatus = 'scanning';
  let openMention: PageMention | null = null;
  let openLine = 0;
  let reportTimer = 0;
  /** Where focus was before a keyboard-opened card took it; Escape gives it back. */
  let returnFocus: HTMLElement | null = null;
  let enabledTypes: ReadonlySet<EntityType> | undefined; // [library] for a rescan with a new matcher

  const intent = new HoverIntent<PageMention>(
    DEFAULT_INTENT,
    { open: (m) => void showCard(m, openLine), close: () => hideCard() },
    { set: (fn, ms) => ctx.setTimeout(fn, ms), clear: (id) => clearTimeout(id), now: () => performance.now() },
    (a, b) => a.id === b.id,
  );

  const mentions = (): readonly PageMention[] => (settingsKnown ? scanner?.mentions() ?? [] : []);
  const hitTester = createHitTester(doc, mentions);

  function apply(next: Settings): void {
    intent.setOptions({ ...DEFAULT_INTENT, dwellMs: next.hoverDelayMs });
    highlighter.setStyle(next.highlightStyle, next.highlightColor);
    const state = pageStatusFor(next, location.href);
    if (state !== 'on') {
      stopScanning();
      settingsKnown = true;
      status = state;
      report();
      return;
    }
    const types = new Set((Object.keys(next.entityTypes) as EntityType[]).filter((t) => next.entityTypes[t]));
    const first = !settingsKnown;
    settingsKnown = true;
    enabledTypes = types; // [library]
    if (!scanner) {
      startScanning(types);
      return;
    }
    // Changing types re-filters what is found; no new scan. The first settings also publish
    // what the scan found while they were being read.
    scanner.setEnabledTypes(types);
    if (first) onMentions(scanner.mentions());
  }

  function onMentions(list: readonly PageMention[]): void {
    // Before the settings are read, the page may be one the user turned Factcard off for:
    // scan, but show nothing and tell nobody.
    if (!settingsKnown) return;
    drawn.set(list);
    if (openMention && !list.some((m) => m.id === openMention?.id)) intent.closeNow();
    scheduleReport();
  }

  function startScanning(enabledTypes?: ReadonlySet<EntityType>): void {
    stopScanning();
    status = 'scanning';
    scanner = new PageScanner({
      doc,
      matcher,
      signal,
      enabledTypes,
      isOwnNode: (n) => n === cardHost.host || cardHost.host.contains(n),
      onError,
      onChange: onMentions,
      // On ordinary pages the first screen is marked in the page's first frame. On very large
      // ones the first ::highlight styling alone costs Chromium 150 ms+, which would hold back
      // the page's own first paint: there the page paints first and the scan follows.
      firstChunkNow: doc.getElementsByTagName('*').length <= FIRST_FRAME_MAX_ELEMENTS,
    });
    scanner.start();
  }

  function stopScanning(): void {
    intent.closeNow();
    scanner?.destroy();
    scanner = null;
    drawn.set([]);
  }

  function counts(): EntityCount[] {
    if (!scanner) return [];
    return [...scanner.countsByEntity()].map(([entity, count]) => ({ entity, count })).sort((a, b) => b.count - a.count);
  }

  function report(): void {
    if (!isTop) return;
    const entities = counts();
    void sendToBackground('pageFound', { entities, status }).catch(onError);
    if (entities.length) void ensureCards(entities.map((e) => e.entity));
  }

  function scheduleReport(): void {
    clearTimeout(reportTimer);
    reportTimer = ctx.setTimeout(() => {
      // Still working: the next change reports again.
      status = scanner && !scanner.idle() ? 'scanning' : 'ready';
      report();
    }, REPORT_DELAY_MS);
  }

  let cardsPending: Promise<void> = Promise.resolve();
  function ensureCards(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !cards.has(id));
    if (missing.length === 0) return cardsPending;
    cardsPending = sendToBackground('getCards', { ids: missing })
      .then((list) => {
        for (const c of list) cards.set(c.id, c);
      })
      .catch(onError);
    return cardsPending;
  }

  async function showCard(m: PageMention, line: number, entity = m.entity): Promise<void> {
    await ensureCards([entity]);
    const card = cards.get(entity);
    if (!card || signal.aborted || (intent.openKey && intent.openKey.id !== m.id)) return;
    openMention = m;
    highlighter.setActive(m);
    cardHost.show(
      {
        card,
        viewerHref: (t) => browser.runtime.getURL('/viewer.html') + viewerHash(t),
        onOpenSource: (target) => void sendToBackground('openViewer', { target }).catch(onError),
        onSelectEntity: (id) => void showCard(m, line, id).then(() => cardHost.focusCard()),
        onClose: () => closeCard(),
      },
      { range: m.range, line },
    );
  }

  function hideCard(): void {
    openMention = null;
    highlighter.setActive(null);
    cardHost.hide();
  }

  function closeCard(): void {
    intent.closeNow();
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  }

  /** Opens a mention's card without hover: keyboard navigation and the popup. */
  function openByKeyboard(m: PageMention): void {
    scrollToMention(m, { highlighter, signal, behavior: 'instant' });
    const active = doc.activeElement;
    if (!cardHost.hasFocus()) returnFocus = active instanceof HTMLElement ? active : null;
    openLine = 0;
    intent.openNow(m);
    void cardsPending.then(() => ctx.requestAnimationFrame(() => cardHost.focusCard()));
  }

  trackPointer(ctx, doc, { hitTester, cardHost, intent, onLine: (l) => (openLine = l), onError });
  ctx.addEventListener(doc, 'keydown', (e) => {
    if (!e.isTrusted || e.key !== 'Escape' || !intent.openKey) return;
    if (isEditable(doc.activeElement) && !cardHost.hasFocus()) return;
    closeCard();
  }, { capture: true });
  ctx.addEventListener(window, 'scroll', () => {
    if (!openMention) return;
    const r = openMention.range.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) intent.closeNow();
  }, { passive: true, capture: true });
  ctx.addEventListener(doc, 'fullscreenchange', () => cardHost.followFullscreen());

  if (isTop) {
    const handlers: Handlers<ContentProtocol> = {
      async getSummary() {
        // A page with nothing to mark never reports a change: an idle scanner is the answer
        // (and answers 'ready' as soon as the whole page is read, not after the report's
        // delay). Nothing is told before the settings are known: the site may be off.
        if (status === 'scanning' && settingsKnown && scanner?.idle()) status = 'ready';
        return { status, url: location.href, entities: settingsKnown ? counts() : [] };
      },
      async scrollToEntity({ entity }) {
        const list = mentions().filter((m) => m.entity === entity);
        if (list.length === 0) return { index: -1, total: 0 };
        const index = ((cursor.get(entity) ?? -1) + 1) % list.length;
        cursor.set(entity, index);
        const m = list[index];
        // Smooth only where it can be seen: a hidden tab does not animate, and some users ask for less motion.
        const still = doc.hidden || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        if (m) scrollToMention(m, { highlighter, signal, behavior: still ? 'instant' : 'smooth' });
        return { index, total: list.length };
      },
      async openCard({ entity }) {
        const m = mentions().find((x) => x.entity === entity);
        if (m) openByKeyboard(m);
        return m !== undefined;
      },
      async navigate({ direction }) {
        if (isEditable(doc.activeElement) && !cardHost.hasFocus()) return false;
        const list = mentions();
        if (list.length === 0) return false;
        const at = openMention ? list.findIndex((m) => m.id === openMention?.id) : direction > 0 ? -1 : list.length;
        const m = list[(at + direction + list.length) % list.length];
        if (m) openByKeyboard(m);
        return m !== undefined;
      },
    };
    listen<ContentProtocol>(CONTENT_MESSAGES, handlers, { signal });
  }

  // [library] The reader's library changed: new matcher, fresh cards, the page read again (library-sync.ts).
  startLibrarySync({ ctx, isTop, onError, onMatcher: (next) => {
    matcher = next ?? loadMatcher(compiledIndex);
    cards.clear();
    if (scanner) startScanning(enabledTypes);
  } });

  // WXT notices a dead extension context lazily, when one of ctx's timers fires; a slow tick
  // makes sure an idle page is cleaned up after an update or reload too.
  ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(() => {
    intent.destroy();
    cardHost.destroy();
    scanner?.destroy();
    drawn.destroy();
    highlighter.destroy();
  });

  // Scanning starts now, while the settings are read (they were asked for at document_start
  // and are usually here already): nothing is drawn or reported until they are known (see
  // onMentions). A sensitive address is never scanned, whatever the settings.
  if (!isSensitiveUrl(location.href)) startScanning();
  void settings.then((s) => {
    if (!signal.aborted) apply(s);
  });
  const unwatch = watchSettings((s) => apply(s));
  signal.addEventListener('abort', unwatch, { once: true });
}

function closedShadowRootOf(el: Element): ShadowRoot | null {
  // Firefox gives content scripts Element.openOrClosedShadowRoot; Chrome has chrome.dom.
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } }).chrome?.dom;
  const root = firefox ?? chromeDom?.openOrClosedShadowRoot?.(el) ?? null;
  return root && root.mode === 'closed' ? root : null;
}
