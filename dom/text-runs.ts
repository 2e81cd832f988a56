// Turns a subtree into text runs: the text of one block joined across inline elements,
// never across blocks, with whitespace collapsed, plus the offset map back to DOM positions.
//
// A run is the text between two block boundaries (`<div>a <p>b</p> c</div>` gives the
// runs "a", "b", "c"); each run belongs to its nearest block element. The matcher sees
// `run.text`; `rangeFor(run, start, end)` maps a match back to a Range, which may span
// several text nodes.
//
// Normalisation (so the matcher sees text as the reader does, whatever the markup's
// indentation): any run of whitespace (ASCII, no-break and other Unicode spaces) becomes
// one " ", or "\n" when it contains a `<br>`; leading and trailing whitespace is dropped;
// soft hyphens, zero-width spaces, BOMs and direction marks are removed. So a Range's
// `toString()` equals the matched text up to this normalisation.

import { type Builtins, charCodeAt, strSlice, TEXT_NODE, ELEMENT_NODE } from './builtins';
import { BREAK_TAGS, classify, isBlockTag, isFlatBlock, type OwnNodeTest } from './block-rules';

/** A stretch of run text copied from one place in the DOM. */
export interface Piece {
  /** Offset in the run's text. */
  start: number;
  /** Length in the run's text (≥ 1). */
  len: number;
  /** The text node the stretch comes from, or the `<br>` a synthetic break stands for. */
  node: Node;
  /** Offset in `node`'s data (text nodes only). */
  nodeOffset: number;
  /** true for a whitespace character standing for an element (`<br>`, `<img>`). */
  synthetic: boolean;
}

export interface TextRun {
  /** The nearest block element; re-scanned as a unit when its own inline content changes. */
  block: Element;
  /**
   * Where the run starts: its first text node, or the block itself for a block read flat
   * (its only run). Its document position orders runs: no other run starts inside that block.
   */
  first: Node;
  text: string;
  /** The offset map (worked out on first use for a block read flat). */
  readonly pieces: Piece[];
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * Text that needs the character walk: white space other than single spaces, or a character
 * runs drop (keep in step with isSpace and isDropped).
 */
const NEEDS_CHAR_WALK = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\u00ad\ufeff]| {2}/;

function isDropped(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0xfeff || c === 0x200e || c === 0x200f || c === 0x2060;
}

/** Accumulates one run. */
class RunBuilder {
  text = '';
  pieces: Piece[] = [];
  first: Node | null = null;
  private wsNode: Node | null = null;
  private wsOffset = 0;
  private wsBreak = false;
  private wsIsElement = false;

  private emit(s: string, node: Node, nodeOffset: number, synthetic: boolean): void {
    const last = this.pieces.length > 0 ? this.pieces[this.pieces.length - 1] : undefined;
    // Extend the previous piece when the new stretch continues it in the same node.
    if (last && !synthetic && !last.synthetic && last.node === node && last.nodeOffset + last.len === nodeOffset) {
      last.len += s.length;
    } else {
      this.pieces[this.pieces.length] = { start: this.text.length, len: s.length, node, nodeOffset, synthetic };
    }
    this.text += s;
  }

  private flushSpace(): void {
    if (this.wsNode && this.text.length > 0) {
      this.emit(this.wsBreak ? '\n' : ' ', this.wsNode, this.wsOffset, this.wsIsElement);
    }
    this.wsNode = null;
    this.wsIsElement = false;
    this.wsBreak = false;
  }

  addBreak(el: Element): void {
    if (!this.wsNode) {
      this.wsNode = el;
      this.wsOffset = 0;
      this.wsIsElement = true;
    }
    this.wsBreak = true;
  }

  addText(node: Node, data: string): void {
    const n = data.length;
    if (!NEEDS_CHAR_WALK.test(data)) {
      this.addPlainText(node, data);
      return;
    }
    let segStart = -1;
    for (let i = 0; i < n; i++) {
      const c = charCodeAt(data, i);
      if (isSpace(c) || isDropped(c)) {
        if (segStart >= 0) {
          this.emit(strSlice(data, segStart, i), node, segStart, false);
          segStart = -1;
        }
        if (isSpace(c) && !this.wsNode) {
          this.wsNode = node;
          this.wsOffset = i;
        }
      } else if (segStart < 0) {
        this.flushSpace();
        if (!this.first) this.first = node;
        segStart = i;
      }
    }
    if (segStart >= 0) this.emit(strSlice(data, segStart, n), node, segStart, false);
  }

  /**
   * The common case, for text with no white space but single spaces and nothing to drop:
   * one piece for the whole text between its (single) leading and trailing spaces. The same
   * text and pieces as the character walk, without a piece extension and a string
   * concatenation per word.
   */
  private addPlainText(node: Node, data: string): void {
    let a = 0;
    let z = data.length;
    if (z > 0 && charCodeAt(data, 0) === 32) {
      if (!this.wsNode) {
        this.wsNode = node;
        this.wsOffset = 0;
      }
      a = 1;
    }
    if (z > a && charCodeAt(data, z - 1) === 32) z--;
    if (z > a) {
      this.flushSpace();
      if (!this.first) this.first = node;
      this.emit(a === 0 && z === data.length ? data : strSlice(data, a, z), node, a, false);
    }
    if (z < data.length && z >= a && !this.wsNode) {
      this.wsNode = node;
      this.wsOffset = z;
    }
  }

  take(block: Element): TextRun | null {
    const run = this.first && this.text.length > 0
      ? { block, first: this.first, text: this.text, pieces: this.pieces }
      : null;
    this.text = '';
    this.pieces = [];
    this.first = null;
    this.wsNode = null;
    this.wsBreak = false;
    this.wsIsElement = false;
    return run;
  }
}

/**
 * The run of a block with nothing but inline text inside (no nested block, break, skipped or
 * editable element: `NOT_FLAT_SELECTOR`), read with one `textContent` call instead of a
 * node-by-node walk. Its text is the walk's text: `textContent` is its text nodes' data in
 * document order, and the same RunBuilder collapses it. The offset map is worked out on first
 * use — only drawn and hovered mentions need one — by the node-by-node walk of that block.
 */
class FlatRun implements TextRun {
  readonly first: Node;
  private mapped: Piece[] | null = null;

  constructor(private readonly b: Builtins, readonly block: Element, readonly text: string) {
    this.first = block;
  }

  get pieces(): Piece[] {
    return (this.mapped ??= mapFlatBlock(this.b, this.block, this.text));
  }
}

/**
 * The pieces of a block read flat: its text nodes in document order through the same
 * RunBuilder as the walk. A flat block holds nothing but inline elements and text
 * (NOT_FLAT_SELECTOR), so the walk would classify every element only to descend into it; a
 * native walker over the text nodes gives the same pieces with one DOM call per text node and
 * none per element (Firefox's sandbox pays an Xray wrapper for each call). None when the block
 * no longer reads as that one run of `text` (it changed since: its mutation has it re-read).
 */
function mapFlatBlock(b: Builtins, block: Element, text: string): Piece[] {
  if (!isFlatBlock(b, block)) return [];
  const builder = new RunBuilder();
  const next = b.textNodesIn(block);
  for (let node = next(); node; node = next()) builder.addText(node, b.data(node));
  const run = builder.take(block);
  return run && run.text === text ? run.pieces : [];
}

export interface WalkOptions {
  isOwnNode?: OwnNodeTest;
  /**
   * Whether to read a block element below the root. `forced` is true inside a subtree listed
   * in `forcedRoots` (nodes added by a mutation). Not descending still ends the current run.
   */
  descendBlock: (block: Element, forced: boolean) => boolean;
  forcedRoots?: ReadonlySet<Node>;
  /** Called when a block element's runs are about to be (re)collected, before its runs. */
  onBlock: (block: Element) => void;
  onRun: (run: TextRun) => void;
  /** Read inline-only blocks flat (default true; false walks every node, for tests). */
  flat?: boolean;
}

export type WalkStatus = 'done' | 'paused' | 'lost';

/**
 * A resumable walk over `root`'s subtree (root is treated as a block). `step(shouldPause)`
 * visits nodes until the walk ends or `shouldPause()` says to yield; it is checked between
 * text nodes and at block boundaries. `lost` means the node to resume at left the document
 * between steps: the caller starts over.
 */
export class RunWalker {
  private next: Node | null;
  private readonly blocks: Element[];
  private readonly forcedStack: Node[] = [];
  private readonly builder = new RunBuilder();
  private readonly flat: boolean;
  private started = false;

  constructor(private readonly b: Builtins, private readonly root: Element, private readonly o: WalkOptions) {
    this.blocks = [root];
    this.next = b.firstChild(root);
    this.flat = o.flat ?? true;
  }

  /** Reads a flat block's run (`onBlock` first, as for a walked block). */
  private readFlat(block: Element): void {
    this.o.onBlock(block);
    const text = this.b.textContent(block) ?? '';
    this.builder.addText(block, text);
    const run = this.builder.take(block);
    if (run) this.o.onRun(new FlatRun(this.b, block, run.text));
  }

  private flush(): void {
    const run = this.builder.take(this.blocks[this.blocks.length - 1] ?? this.root);
    if (run) this.o.onRun(run);
  }

  /** Returns whether to descend into `node`. */
  private enter(node: Node): boolean {
    const b = this.b;
    const type = b.nodeType(node);
    if (type === TEXT_NODE) {
      this.builder.addText(node, b.data(node as Text));
      return false;
    }
    if (type !== ELEMENT_NODE) return false;
    const el = node as Element;
    const name = b.localName(el);
    if (BREAK_TAGS.has(name)) {
      this.builder.addBreak(el);
      return false;
    }
    if (classify(b, el, this.o.isOwnNode, name) === 'skip') {
      // Skipped content ends the run: no name is matched across a form field, script or
      // editor, whose own text a Range over it would include ("Vitaly <textarea>…</textarea>
      // Churkin" is not a mention; found by the DOM property test at 10,000 cases).
      this.flush();
      return false;
    }
    const forced = this.forcedStack.length > 0 || (this.o.forcedRoots?.has(el) ?? false);
    if (isBlockTag(name)) {
      this.flush();
      if (!this.o.descendBlock(el, forced)) return false;
      if (this.flat && isFlatBlock(b, el)) {
        this.readFlat(el);
        return false;
      }
      this.blocks[this.blocks.length] = el;
      this.o.onBlock(el);
    }
    if (this.o.forcedRoots?.has(el)) this.forcedStack[this.forcedStack.length] = el;
    return true;
  }

  private exit(node: Node): void {
    if (this.forcedStack.length > 0 && this.forcedStack[this.forcedStack.length - 1] === node) this.forcedStack.length--;
    if (this.blocks.length > 1 && this.blocks[this.blocks.length - 1] === node) {
      this.flush();
      this.blocks.length--;
    }
  }

  step(shouldPause: () => boolean): WalkStatus {
    const b = this.b;
    if (!this.started) {
      this.started = true;
      if (this.flat && isFlatBlock(b, this.root)) {
        this.readFlat(this.root);
        this.next = null;
        return 'done';
      }
      this.o.onBlock(this.root);
    } else if (this.next && (!b.isConnected(this.next) || !b.contains(this.root, this.next))) {
      return 'lost';
    }
    let node = this.next;
    let budgetCheck = 0;
    while (node) {
      if (++budgetCheck >= 32) {
        budgetCheck = 0;
        if (shouldPause()) {
          this.next = node;
          return 'paused';
        }
      }
      const child = this.enter(node) ? b.firstChild(node) : null;
      if (child) {
        node = child;
        continue;
      }
      // Done with `node`: leave it and every ancestor whose last child it was.
      let cur: Node | null = node;
      node = null;
      while (cur && cur !== this.root) {
        this.exit(cur);
        const sib: Node | null = b.nextSibling(cur);
        if (sib) {
          node = sib;
          break;
        }
        cur = b.parentNode(cur);
      }
    }
    this.flush();
    this.next = null;
    return 'done';
  }
}
