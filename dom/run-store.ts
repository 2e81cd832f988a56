// The page's text runs, kept current: runs in document order (the walked ones), runs read
// ahead of the walk (the viewport's blocks), which block holds which runs, and the re-reading
// of blocks the mutation batcher reports as changed.

import { type Builtins, DOCUMENT_POSITION_FOLLOWING } from './builtins';
import { isInSkippedSubtree, type OwnNodeTest } from './block-rules';
import { mergeInDocumentOrder } from './doc-order';
import { entryOf, type Entry } from './run-entry';
import type { DirtySet } from './mutation-batcher';
import { RunWalker } from './text-runs';

export type { Entry } from './run-entry';

export class RunStore {
  /** Runs in document order (during a full scan: the walked ones). */
  entries: Entry[] = [];
  /** Runs of blocks read ahead of the walk (viewport probe), in document order. */
  early: Entry[] = [];
  /** The blocks read ahead of the walk, each with its runs (its nested blocks' included). */
  private earlyBlocks = new Map<Element, Entry[]>();
  /** Every block read, with its own runs. */
  private registry = new Map<Element, Entry[]>();

  constructor(
    private readonly b: Builtins,
    private readonly isOwnNode: OwnNodeTest | undefined,
  ) {}

  reset(): void {
    this.entries = [];
    this.early = [];
    this.earlyBlocks = new Map();
    this.registry = new Map();
  }

  /** All runs in document order: the walked ones, then the early ones (which lie after them). */
  all(): Entry[] {
    return this.early.length > 0 ? [...this.entries, ...this.early] : this.entries;
  }

  isRead(el: Element): boolean {
    return this.registry.has(el);
  }

  /**
   * The full scan's walker from `root`: appends runs to `entries`, registers the blocks it
   * reads, reports each run's length (`onRun`), and takes early blocks' runs as they are.
   */
  fullWalker(root: Element, onRun: (chars: number) => void): RunWalker {
    return this.walker(root, true, undefined, this.entries, undefined, onRun);
  }

  /** Early blocks the walk never reached (moved or removed meanwhile) join the walked runs. */
  mergeLeftoverEarly(): void {
    if (this.early.length === 0) {
      this.earlyBlocks = new Map();
      return;
    }
    const kept: Entry[] = [];
    for (let i = 0; i < this.early.length; i++) {
      const e = this.early[i]!;
      if (this.b.isConnected(e.run.first)) kept[kept.length] = e;
    }
    for (const el of this.earlyBlocks.keys()) if (!this.b.isConnected(el)) this.registry.delete(el);
    this.early = [];
    this.earlyBlocks = new Map();
    if (kept.length > 0) this.entries = mergeInDocumentOrder(this.b, this.entries, kept);
  }

  /** The candidates among `found` that the walk may still reach, in document order. */
  unreadBlocks(found: Iterable<Element>, root: Element): Element[] {
    const b = this.b;
    const cands: Element[] = [];
    for (const el of found) {
      if (el === root || !b.isConnected(el) || !b.contains(root, el)) continue;
      if (isInSkippedSubtree(b, el, this.isOwnNode)) continue;
      cands[cands.length] = el;
    }
    cands.sort((x, y) => (b.compareDocumentPosition(x, y) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return cands;
  }

  /**
   * Reads one block ahead of the walk; its runs, or null when it was read already, left the
   * document, or could not be read before `pause` said stop (a huge container is left to the walk).
   */
  readAhead(el: Element, pause: () => boolean): Entry[] | null {
    const b = this.b;
    // A block is registered when the walk (or an earlier early read) enters it, and the walk
    // never passes a block without entering it: an unregistered block lies ahead.
    if (this.registry.has(el) || !b.isConnected(el)) return null;
    const blocks = new Map<Element, Entry[]>();
    const list: Entry[] = [];
    const walk = new RunWalker(b, el, {
      isOwnNode: this.isOwnNode,
      descendBlock: () => true,
      onBlock: (blk) => void blocks.set(blk, []),
      onRun: (run) => {
        const entry = entryOf(run);
        list[list.length] = entry;
        const l = blocks.get(run.block);
        if (l) l[l.length] = entry;
        else blocks.set(run.block, [entry]);
      },
    });
    if (walk.step(pause) !== 'done') return null;
    for (const [blk, l] of blocks) this.registry.set(blk, l);
    this.earlyBlocks.set(el, list);
    for (let k = 0; k < list.length; k++) this.early[this.early.length] = list[k]!;
    return list;
  }

  /** Re-reads changed blocks (from the mutation batcher); true when any run came or went. */
  applyDirty(d: DirtySet): boolean {
    const b = this.b;
    // 1. Drop runs of blocks that left the document, and of blocks about to be re-read. A
    //    connected block whose text left it is re-read too (belt and braces: its mutation
    //    record should have named it already).
    const reread = new Set(d.blocks);
    for (let i = 0; i < this.entries.length; i++) {
      const run = this.entries[i]!.run;
      if (b.isConnected(run.block) && !b.isConnected(run.first)) reread.add(run.block);
    }
    let removed = false;
    const kept: Entry[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const blk = e.run.block;
      if (reread.has(blk) || !b.isConnected(blk)) {
        removed = true;
        continue;
      }
      kept[kept.length] = e;
    }
    for (const el of [...this.registry.keys()]) if (!b.isConnected(el) || reread.has(el)) this.registry.delete(el);
    // 2. Re-read each dirty block's own text (and any block inside an added subtree).
    const fresh: Entry[] = [];
    const touched = new Set<Element>();
    for (const blk of reread) {
      if (!b.isConnected(blk) || this.registry.has(blk)) continue; // gone, or read already via an ancestor
      this.walker(blk, false, d.added, fresh, touched).step(() => false);
    }
    // Blocks read afresh inside added subtrees (a moved article) replace their old runs.
    let survivors = kept;
    if (touched.size > 0) {
      survivors = [];
      for (let i = 0; i < kept.length; i++) if (!touched.has(kept[i]!.run.block)) survivors[survivors.length] = kept[i]!;
      if (survivors.length !== kept.length) removed = true;
    }
    // 3. Merge the fresh runs (in document order among themselves) into document order.
    this.entries = fresh.length > 0 ? mergeInDocumentOrder(this.b, survivors, fresh) : survivors;
    return removed || fresh.length > 0;
  }

  private walker(root: Element, deep: boolean, forced: ReadonlySet<Node> | undefined, out: Entry[], touched?: Set<Element>, onDeepRun?: (chars: number) => void): RunWalker {
    return new RunWalker(this.b, root, {
      isOwnNode: this.isOwnNode,
      forcedRoots: forced,
      descendBlock: (el, isForced) => {
        if (deep) {
          const early = this.earlyBlocks.get(el);
          if (!early) return true;
          this.takeEarly(el, early, out);
          return false;
        }
        return isForced || !this.registry.has(el);
      },
      onBlock: (el) => {
        this.registry.set(el, []);
        touched?.add(el);
      },
      onRun: (run) => {
        const entry = entryOf(run);
        out[out.length] = entry;
        const list = this.registry.get(run.block);
        if (list) list[list.length] = entry;
        else this.registry.set(run.block, [entry]);
        onDeepRun?.(run.text.length);
      },
    });
  }

  /** The walk reached an early block: its runs join the walked ones, in place. */
  private takeEarly(el: Element, list: Entry[], out: Entry[]): void {
    this.earlyBlocks.delete(el);
    for (let i = 0; i < list.length; i++) out[out.length] = list[i]!;
    const taken = new Set(list);
    const rest: Entry[] = [];
    for (let i = 0; i < this.early.length; i++) if (!taken.has(this.early[i]!)) rest[rest.length] = this.early[i]!;
    this.early = rest;
  }
}
