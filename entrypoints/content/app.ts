// The content script's coordinator: builds the scanner, highlighter, hover intent and card
// host, wires them to the page's events and to the extension's messages, and tears all of
// it down when the extension context goes away (update, reload, disable).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import compiledIndex from 'virtual:factcard-index';
import type { CardModel } from '../../core/card-model';
import { DEFAULT_INTENT, HoverIntent } from '../../core/hover-intent';
import { viewerHash } from '../../core/links';
import { loadMatcher } from '../../core/matcher';
import type { ContentProtocol, EntityCount, PageStatus } from '../../core/protocol';
import { Highlighter } from '../../dom/highlighter';
import { createHitTester, type Hit } from '../../dom/hit-test';
import { PageScanner, type PageMention } from '../../dom/page-scanner';
import { scrollToMention } from '../../dom/scroll';
import { CONTENT_MESSAGES, listen, sendToBackground } from '../../platform/messaging';
import { browser } from 'wxt/browser';
import { CardHost } from './card-host';

const REPORT_DELAY_MS = 250;

export function startFactcard(ctx: ContentScriptContext): void {
  const doc = document;
  // Text/plain, XML and other non-HTML documents have nothing for us (or no place for a card).
  if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return;
  const signal = ctx.signal;
  const isTop = window === window.top;
  const onError = (e: unknown) => console.debug('[factcard]', e);

  const matcher = loadMatcher(compiledIndex);
  const cardHost = new CardHost(doc);
  const highlighter = new Highlighter(doc);
  const cards = new Map<string, CardModel>();
  let cardsPending: Promise<void> | null = null;
  let status: PageStatus = 'scanning';
  let openMention: PageMention | null = null;
  let openLine = 0;
  let reportTimer = 0;

  const isOwnNode = (n: Node) => n === cardHost.host || cardHost.host.contains(n);
  const scanner = new PageScanner({
    doc,
    matcher,
    signal,
    isOwnNode,
    onError,
    onChange: (mentions) => {
      highlighter.update(mentions);
      if (openMention && !mentions.some((m) => m.id === openMention?.id)) intent.closeNow();
      scheduleReport();
    },
  });
  const hitTester = createHitTester(doc, () => scanner.mentions());

  const intent = new HoverIntent<PageMention>(
    DEFAULT_INTENT,
    {
      open: (m) => void showCard(m, openLine),
      close: () => hideCard(),
    },
    {
      set: (fn, ms) => ctx.setTimeout(fn, ms),
      clear: (id) => clearTimeout(id),
      now: () => performance.now(),
    },
    (a, b) => a.id === b.id,
  );

  function counts(): EntityCount[] {
    return [...scanner.countsByEntity()].map(([entity, count]) => ({ entity, count })).sort((a, b) => b.count - a.count);
  }

  function scheduleReport(): void {
    if (!isTop) return;
    clearTimeout(reportTimer);
    reportTimer = ctx.setTimeout(() => {
      status = 'ready';
      const entities = counts();
      void sendToBackground('pageFound', { entities, status }).catch(onError);
      void ensureCards(entities.map((e) => e.entity));
    }, REPORT_DELAY_MS);
  }

  function ensureCards(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !cards.has(id));
    if (missing.length === 0) return cardsPending ?? Promise.resolve();
    const p = sendToBackground('getCards', { ids: missing })
      .then((list) => {
        for (const c of list) cards.set(c.id, c);
      })
      .catch(onError);
    cardsPending = p;
    return p;
  }

  async function showCard(m: PageMention, line: number, entity = m.entity): Promise<void> {
    await ensureCards([entity]);
    const card = cards.get(entity);
    if (!card || signal.aborted) return;
    openMention = m;
    highlighter.setActive(m);
    cardHost.show(
      {
        card,
        viewerHref: (t) => browser.runtime.getURL('/viewer.html') + viewerHash(t),
        onOpenSource: (target) => void sendToBackground('openViewer', { target }).catch(onError),
        onSelectEntity: (id) => void showCard(m, line, id),
        onClose: () => intent.closeNow(),
      },
      { range: m.range, line },
    );
  }

  function hideCard(): void {
    openMention = null;
    highlighter.setActive(null);
    cardHost.hide();
  }

  // Pointer: one hit test per animation frame at most.
  let frame = 0;
  let lastEvent: PointerEvent | null = null;
  const onFrame = () => {
    frame = 0;
    const e = lastEvent;
    if (!e) return;
    try {
      const overCard = cardHost.contains(e.clientX, e.clientY);
      const hit: Hit | null = overCard ? null : hitTester.at(e.clientX, e.clientY);
      if (hit) openLine = lineIndex(hit);
      const r = cardHost.rect();
      intent.move({ x: e.clientX, y: e.clientY }, hit?.mention ?? null, overCard, r);
    } catch (err) {
      onError(err);
    }
  };
  ctx.addEventListener(doc, 'pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    lastEvent = e;
    if (!frame) frame = ctx.requestAnimationFrame(onFrame);
  }, { passive: true, capture: true });
  ctx.addEventListener(doc.documentElement, 'pointerleave', () => intent.leave(), { passive: true });
  ctx.addEventListener(doc, 'keydown', (e) => {
    if (e.key === 'Escape' && intent.openKey) {
      intent.closeNow();
    }
  }, { capture: true });
  ctx.addEventListener(window, 'scroll', () => {
    if (!openMention) return;
    const r = openMention.range.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) intent.closeNow();
  }, { passive: true, capture: true });
  ctx.addEventListener(doc, 'fullscreenchange', () => cardHost.followFullscreen());

  if (isTop) {
    const handlers: { [K in keyof ContentProtocol]: (req: Parameters<ContentProtocol[K]>[0]) => ReturnType<ContentProtocol[K]> } = {
      async getSummary() {
        return { status, url: location.href, entities: counts() };
      },
      async scrollToEntity({ entity }) {
        const list = scanner.mentions().filter((m) => m.entity === entity);
        const index = (cursor.get(entity) ?? -1) + 1;
        const m = list[index % Math.max(1, list.length)];
        cursor.set(entity, index % Math.max(1, list.length));
        if (m) scrollIntoViewAndFlash(m);
        return { index: index % Math.max(1, list.length), total: list.length };
      },
      async openCard({ entity }) {
        const m = scanner.mentions().find((x) => x.entity === entity);
        if (!m) return false;
        scrollIntoViewAndFlash(m);
        openLine = 0;
        intent.openNow(m);
        return true;
      },
    };
    const cursor = new Map<string, number>();
    listen<ContentProtocol>(CONTENT_MESSAGES, handlers, { signal });
  }

  function scrollIntoViewAndFlash(m: PageMention): void {
    scrollToMention(m, { highlighter, signal, behavior: 'instant' });
  }

  ctx.onInvalidated(() => {
    intent.destroy();
    cardHost.destroy();
    highlighter.destroy();
    scanner.destroy();
  });

  scanner.start();
}

function lineIndex(hit: Hit): number {
  const rects = hit.mention.range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (r && r.top === hit.lineRect.top && r.left === hit.lineRect.left) return i;
  }
  return 0;
}
