// The scan flow: settings → scanner lifecycle → what is drawn → what is reported. Owns the
// page's state (page-state.ts), the scanner, the enabled types and the debounced report.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ENTITY_TYPES, type EntityType } from '../../core/dataset-types';
import type { Matcher } from '../../core/matcher-types';
import type { EntityCount, PageStatus, PageSummary } from '../../core/protocol';
import { isSensitiveUrl, type Settings } from '../../core/settings';
import type { HighlightWindow } from '../../dom/highlight-window';
import type { PageMention } from '../../dom/page-mention';
import { PageScanner } from '../../dom/page-scanner';
import type { PageScannerOptions } from '../../dom/page-scanner-options';
import { stateFor, statusOf, type PageState } from './page-state';

/** Quiet time after the last change before the page's findings are reported. */
const REPORT_DELAY_MS = 250;
/** Above this many elements the scan starts after the page's first paint (see start()). */
const FIRST_FRAME_MAX_ELEMENTS = 15_000;

export interface ScanSessionDeps {
  ctx: ContentScriptContext;
  doc: Document;
  url: () => string;
  matcher: Matcher;
  drawn: HighlightWindow;
  /** The highlight stylesheet is in the page already (so drawing costs no restyle). */
  styled: () => boolean;
  isOwnNode: (n: Node) => boolean;
  /** The drawn mentions changed (after the settings are known). */
  onMentions: (list: readonly PageMention[]) => void;
  /** What the page holds, debounced: for the badge and to fetch the cards ahead of a hover. */
  onReport: (entities: EntityCount[], status: PageStatus) => void;
  onError: (e: unknown) => void;
  /** Seam: the page's clock in ms since the epoch (default performance.timeOrigin + now()). */
  clock?: () => number;
  /** The scanner's PageScannerOptions.readBeforeFirstFrameMs (per engine: app.ts). */
  readBeforeFirstFrameMs?: number;
  /** Seam (tests): the scanner's scheduling and clock. */
  scannerSeams?: Pick<PageScannerOptions, 'now' | 'yieldTask' | 'requestFrame'>;
}

function pageClock(): number {
  return performance.timeOrigin + performance.now();
}

export class ScanSession {
  private state: PageState = { kind: 'unknown' };
  private scanner: PageScanner | null = null;
  private matcher: Matcher;
  /** The enabled types of the last settings (undefined until they are known). */
  private types: ReadonlySet<EntityType> | undefined;
  private reportTimer = 0;
  /** When the scan last went idle with the settings known (see PageSummary.settledAt). */
  private settledAt: number | undefined;

  constructor(private readonly d: ScanSessionDeps) {
    this.matcher = d.matcher;
  }

  /** Starts scanning before the settings are known (nothing is shown until they are). */
  start(): void {
    // A sensitive address is never scanned, whatever the settings.
    if (!isSensitiveUrl(this.d.url())) this.startScanner(undefined);
  }

  apply(settings: Settings): void {
    const before = this.state;
    this.state = stateFor(settings, this.d.url(), before);
    if (this.state.kind === 'off') {
      this.stopScanner();
      this.report();
      return;
    }
    const types = new Set(ENTITY_TYPES.filter((t) => settings.entityTypes[t]));
    this.types = types;
    if (!this.scanner) {
      this.startScanner(types);
      return;
    }
    // Changing types re-filters what is found; no new scan. The first settings also show
    // what the scan found while they were being read (once: the re-filtered list when the
    // types narrowed it, else the list as it is).
    const published = this.scanner.setEnabledTypes(types);
    if (before.kind === 'unknown' && !published) this.changed(this.scanner.mentions());
  }

  /** Names to find changed (the reader's library): the page is read again with them. */
  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
    if (this.scanner) this.startScanner(this.types);
  }

  /** The mentions shown on the page (none until the settings are known). */
  mentions(): readonly PageMention[] {
    return this.state.kind === 'on' ? this.scanner?.mentions() ?? [] : [];
  }

  summary(): PageSummary {
    // A page with nothing to mark never reports a change: an idle scanner is the answer (and
    // answers 'ready' as soon as the whole page is read, not after the report's delay).
    this.settleIfIdle();
    const summary: PageSummary = { status: statusOf(this.state), url: this.d.url(), entities: this.state.kind === 'unknown' ? [] : this.counts() };
    if (this.state.kind === 'on' && this.state.settled && this.settledAt !== undefined) summary.settledAt = this.settledAt;
    return summary;
  }

  destroy(): void {
    clearTimeout(this.reportTimer);
    this.scanner?.destroy();
    this.scanner = null;
  }

  private startScanner(enabledTypes: ReadonlySet<EntityType> | undefined): void {
    this.stopScanner();
    if (this.state.kind === 'on') this.state = { kind: 'on', settled: false };
    const { doc } = this.d;
    this.scanner = new PageScanner({
      ...this.d.scannerSeams,
      doc,
      matcher: this.matcher,
      signal: this.d.ctx.signal,
      enabledTypes,
      isOwnNode: this.d.isOwnNode,
      onError: this.d.onError,
      onChange: (list) => this.changed(list),
      onIdle: () => this.settleIfIdle(),
      // The first screen is marked in the page's first frame. Only when the highlight
      // stylesheet is not in the page yet (the settings came late) and the page is very large
      // would that hold back the page's first paint — the first ::highlight styling alone costs
      // Chromium 250 ms+ there — so such a page paints first and the scan follows.
      firstChunkNow: this.d.styled() || doc.getElementsByTagName('*').length <= FIRST_FRAME_MAX_ELEMENTS,
      readBeforeFirstFrameMs: this.d.readBeforeFirstFrameMs,
    });
    this.scanner.start();
  }

  private stopScanner(): void {
    // Nothing is drawn or shown without a scanner (the first start has nothing to clear).
    if (!this.scanner) return;
    this.scanner.destroy();
    this.scanner = null;
    this.d.drawn.set([]);
    this.d.onMentions([]);
  }

  private changed(list: readonly PageMention[]): void {
    // Before the settings are read, the page may be one the user turned Factcard off for:
    // scan, but show nothing and tell nobody. While they are read, make what drawing needs.
    if (this.state.kind !== 'on') {
      if (this.state.kind === 'unknown') this.d.drawn.prepare(list);
      return;
    }
    this.d.drawn.set(list);
    this.d.onMentions(list);
    // The first settings may come after the scan is done: then the page counts as read now.
    this.settleIfIdle();
    clearTimeout(this.reportTimer);
    this.reportTimer = this.d.ctx.setTimeout(() => {
      this.settleIfIdle();
      this.report();
    }, REPORT_DELAY_MS);
  }

  private settleIfIdle(): void {
    if (this.state.kind === 'on' && !this.state.settled && this.scanner?.idle()) {
      this.state = { kind: 'on', settled: true };
      this.settledAt = (this.d.clock ?? pageClock)();
    }
  }

  private report(): void {
    this.d.onReport(this.counts(), statusOf(this.state));
  }

  private counts(): EntityCount[] {
    if (!this.scanner) return [];
    return [...this.scanner.countsByEntity()].map(([entity, count]) => ({ entity, count })).sort((a, b) => b.count - a.count);
  }
}
