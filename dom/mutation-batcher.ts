// One MutationObserver for the page, batched per animation frame, turned into the set of
// blocks whose text must be read again.
//
// - childList/characterData records name their target; the target's nearest block is
//   re-read (its own inline text; child blocks stay as they are unless they were added).
// - Elements added by a record are "forced": every block inside them is read afresh (a
//   moved subtree's old Ranges collapsed when it was removed).
// - Our own UI (factcard-host / isOwnNode) and non-text subtrees (scripts, editors...) are
//   ignored, so drawing the card never triggers a re-scan.
// - More than MAX_RECORDS records in one batch: a full re-scan is cheaper than the bookkeeping.
// - A changed location.href (SPA navigation; a content script cannot patch the page's
//   pushState, so we look at the URL on every batch and on popstate/navigatesuccess) also
//   triggers a full re-scan.

import { type Builtins, ELEMENT_NODE, TEXT_NODE } from './builtins';
import { classify, isInSkippedSubtree, nearestBlock, type OwnNodeTest } from './block-rules';
import type { Schedule } from './scheduling';

export const MAX_RECORDS = 1000;

export interface DirtySet {
  /** Blocks whose own text is to be read again. */
  blocks: Set<Element>;
  /** Nodes added in the batch: blocks inside them are read afresh. */
  added: Set<Node>;
}

export interface BatcherOptions {
  doc: Document;
  b: Builtins;
  signal: AbortSignal;
  requestFrame: Schedule;
  isOwnNode: OwnNodeTest | undefined;
  guard: (f: () => void) => void;
  /** While true (a full scan is collecting), batches are held until flushHeld(). */
  isBusy: () => boolean;
  onDirty: (d: DirtySet) => void;
  onFullRescan: () => void;
  /** A batch was handled (maybe with nothing to re-read): the scanner may be idle now. */
  onBatchDone?: () => void;
}

export class MutationBatcher {
  private observer: MutationObserver | null = null;
  private records: MutationRecord[] = [];
  private overflow = false;
  private frameQueued = false;
  private navCheck = false;
  private href: string;
  private destroyed = false;

  constructor(private readonly o: BatcherOptions) {
    this.href = this.currentHref();
  }

  start(): void {
    const { doc, signal } = this.o;
    const win = doc.defaultView;
    const MO = (win as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver
      ?? (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver;
    if (!MO) return;
    this.observer = new MO((recs) => this.o.guard(() => this.take(recs)));
    this.observer.observe(doc, { childList: true, subtree: true, characterData: true });
    if (win) {
      const onNav = (): void => this.o.guard(() => {
        this.navCheck = true;
        this.queueFrame();
      });
      win.addEventListener('popstate', onNav, { signal });
      const nav = (win as unknown as { navigation?: EventTarget }).navigation;
      if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('navigatesuccess', onNav, { signal });
    }
  }

  pending(): boolean {
    return this.frameQueued || this.records.length > 0 || this.overflow || this.navCheck;
  }

  /** Process batches held back while the scanner was busy. */
  flushHeld(): void {
    if (this.records.length > 0 || this.overflow || this.navCheck) this.process();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.observer = null;
    this.records = [];
  }

  private currentHref(): string {
    try {
      return this.o.doc.location?.href ?? '';
    } catch {
      return '';
    }
  }

  private take(recs: MutationRecord[]): void {
    if (this.destroyed) return;
    this.append(recs);
    this.queueFrame();
  }

  private append(recs: MutationRecord[]): void {
    if (this.overflow) return;
    for (let i = 0; i < recs.length; i++) this.records[this.records.length] = recs[i]!;
    if (this.records.length > MAX_RECORDS) {
      this.overflow = true;
      this.records = [];
    }
  }

  private queueFrame(): void {
    if (this.frameQueued || this.destroyed) return;
    this.frameQueued = true;
    this.o.requestFrame(() => {
      this.o.guard(() => {
        if (this.destroyed) return;
        // Records the observer has not delivered yet belong to this batch too.
        const late = this.observer?.takeRecords();
        if (late && late.length > 0) this.append(late);
        this.frameQueued = false;
        if (!this.o.isBusy()) this.process();
        this.o.onBatchDone?.();
      });
      this.frameQueued = false;
    });
  }

  private process(): void {
    const records = this.records;
    const overflow = this.overflow;
    this.records = [];
    this.overflow = false;
    this.navCheck = false;
    const href = this.currentHref();
    if (href !== this.href || overflow) {
      this.href = href;
      this.o.onFullRescan();
      return;
    }
    if (records.length === 0) return;
    const d = this.dirtyFrom(records);
    if (d === 'full') this.o.onFullRescan();
    else if (d.blocks.size > 0) this.o.onDirty(d);
  }

  /** Own UI, comments, scripts...: adding or removing these changes no reading text. */
  private irrelevant(n: Node): boolean {
    const { b, isOwnNode } = this.o;
    const t = b.nodeType(n);
    if (t === TEXT_NODE) return false;
    if (t !== ELEMENT_NODE) return true;
    return classify(b, n as Element, isOwnNode) === 'skip';
  }

  private dirtyFrom(records: MutationRecord[]): DirtySet | 'full' {
    const { b, doc, isOwnNode } = this.o;
    const root = doc.body;
    if (!root) return 'full';
    const blocks = new Set<Element>();
    const added = new Set<Node>();
    const skipped = new Map<Node, boolean>();
    for (let i = 0; i < records.length; i++) {
      const rec = records[i]!;
      const target = rec.target;
      if (rec.type === 'childList') {
        if (target === doc || target === doc.documentElement) {
          if (!this.allIrrelevant(rec)) return 'full';
          continue;
        }
        if (this.allIrrelevant(rec)) continue;
      } else if (rec.type !== 'characterData') {
        continue;
      }
      let skip = skipped.get(target);
      if (skip === undefined) {
        skip = !b.contains(root, target) || isInSkippedSubtree(b, target, isOwnNode);
        skipped.set(target, skip);
      }
      if (skip) continue;
      blocks.add(nearestBlock(b, target, root));
      const an = rec.addedNodes;
      for (let k = 0; k < an.length; k++) {
        const n = an[k];
        if (n && b.nodeType(n) === ELEMENT_NODE) added.add(n);
      }
    }
    return { blocks, added };
  }

  private allIrrelevant(rec: MutationRecord): boolean {
    const an = rec.addedNodes;
    const rn = rec.removedNodes;
    for (let k = 0; k < an.length; k++) if (!this.irrelevant(an[k]!)) return false;
    for (let k = 0; k < rn.length; k++) if (!this.irrelevant(rn[k]!)) return false;
    return true;
  }
}
