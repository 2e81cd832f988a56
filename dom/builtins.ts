// DOM built-ins captured before a hostile page can replace them.
//
// A page may overwrite `Node.prototype.appendChild`, `Array.prototype.map`, the
// `firstChild` getter, `getComputedStyle`... In a real content script the isolated world
// already shields us from most of that, but the same code also runs in the main world
// (tests, the e2e harness's hostile pages), so the hot path never looks a method up on a
// live prototype: it calls these uncurried copies, taken once per realm. For the realm the
// module is loaded in (the content script's) they are taken at module load; another realm
// (a happy-dom Window in the scan CLI) gets its copy on first use.
//
// Map/Set methods are used directly; hot loops are plain `for` loops and index writes
// instead of Array.prototype methods.

type AnyFn = (...args: never[]) => unknown;

/** Turn a method into a plain function taking `this` as its first argument. */
function uncurry<T, A extends unknown[], R>(fn: (this: T, ...args: A) => R): (self: T, ...args: A) => R {
  // Function.prototype.call.bind(fn) looks nothing up at call time.
  return Function.prototype.call.bind(fn as unknown as AnyFn) as unknown as (self: T, ...args: A) => R;
}

function getter<T, R>(proto: object, name: string): (self: T) => R {
  let p: object | null = proto;
  while (p) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d?.get) return uncurry(d.get as (this: T) => R);
    p = Object.getPrototypeOf(p) as object | null;
  }
  throw new Error(`factcard: no getter ${name}`);
}

function method<T, A extends unknown[], R>(proto: object, name: string): (self: T, ...args: A) => R {
  let p: object | null = proto;
  while (p) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d && typeof d.value === 'function') return uncurry(d.value as (this: T, ...args: A) => R);
    p = Object.getPrototypeOf(p) as object | null;
  }
  throw new Error(`factcard: no method ${name}`);
}

function optionalMethod<T, A extends unknown[], R>(proto: object, name: string): ((self: T, ...args: A) => R) | null {
  try {
    return method<T, A, R>(proto, name);
  } catch {
    return null;
  }
}

/** The globals of one realm we need (a Window, or globalThis in a browser). */
interface RealmLike {
  Node: { prototype: object };
  Element: { prototype: object };
  CharacterData: { prototype: object };
  Document: { prototype: object };
  Range: { prototype: object };
}

export interface Builtins {
  firstChild(n: Node): ChildNode | null;
  nextSibling(n: Node): ChildNode | null;
  parentNode(n: Node): ParentNode | null;
  nodeType(n: Node): number;
  isConnected(n: Node): boolean;
  contains(n: Node, other: Node | null): boolean;
  compareDocumentPosition(n: Node, other: Node): number;
  localName(e: Element): string;
  getAttribute(e: Element, name: string): string | null;
  hasAttribute(e: Element, name: string): boolean;
  hasAttributes(e: Element): boolean;
  data(t: CharacterData): string;
  textContent(e: Element): string | null;
  querySelector(e: Element, selectors: string): Element | null;
  createRange(d: Document): Range;
  setStart(r: Range, n: Node, o: number): void;
  setEnd(r: Range, n: Node, o: number): void;
  setStartBefore(r: Range, n: Node): void;
  setEndAfter(r: Range, n: Node): void;
  rangeToString(r: Range): string;
  comparePoint(r: Range, n: Node, o: number): number;
  startContainer(r: Range): Node;
  endContainer(r: Range): Node;
  rangeClientRects(r: Range): DOMRectList | null;
  elementRect(e: Element): DOMRect | null;
  /** A StaticRange over text nodes, or null where there is no StaticRange (see run-ranges.ts). */
  staticRange(start: Node, startOffset: number, end: Node, endOffset: number): AbstractRange | null;
  /**
   * The text nodes below `root` in document order, from a native TreeWalker: one call per text
   * node and none per element (in Firefox's sandbox every DOM call goes through an Xray
   * wrapper, so a walk that asks each element for its children costs ~3× as much).
   */
  textNodesIn(root: Element): () => Text | null;
}

/** NodeFilter.SHOW_TEXT (the constant, so a page's NodeFilter is never read). */
const SHOW_TEXT = 4;

type StaticRangeCtor = new (init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) => AbstractRange;

function staticRangeOf(ctor: unknown): Builtins['staticRange'] {
  const SR = typeof ctor === 'function' ? (ctor as StaticRangeCtor) : null;
  return (startContainer, startOffset, endContainer, endOffset) =>
    (SR ? new SR({ startContainer, startOffset, endContainer, endOffset }) : null);
}

function capture(realm: RealmLike): Builtins {
  const N = realm.Node.prototype;
  const E = realm.Element.prototype;
  const R = realm.Range.prototype;
  const rangeRects = optionalMethod<Range, [], DOMRectList>(R, 'getClientRects');
  const elRect = optionalMethod<Element, [], DOMRect>(E, 'getBoundingClientRect');
  return {
    firstChild: getter(N, 'firstChild'),
    nextSibling: getter(N, 'nextSibling'),
    parentNode: getter(N, 'parentNode'),
    nodeType: getter(N, 'nodeType'),
    isConnected: getter(N, 'isConnected'),
    contains: method(N, 'contains'),
    compareDocumentPosition: method(N, 'compareDocumentPosition'),
    localName: getter(E, 'localName'),
    getAttribute: method(E, 'getAttribute'),
    hasAttribute: method(E, 'hasAttribute'),
    hasAttributes: method(E, 'hasAttributes'),
    data: getter(realm.CharacterData.prototype, 'data'),
    textContent: getter(E, 'textContent'),
    querySelector: method(E, 'querySelector'),
    createRange: method(realm.Document.prototype, 'createRange'),
    setStart: method(R, 'setStart'),
    setEnd: method(R, 'setEnd'),
    setStartBefore: method(R, 'setStartBefore'),
    setEndAfter: method(R, 'setEndAfter'),
    rangeToString: method(R, 'toString'),
    comparePoint: method(R, 'comparePoint'),
    startContainer: getter(R, 'startContainer'),
    endContainer: getter(R, 'endContainer'),
    rangeClientRects: (r) => (rangeRects ? rangeRects(r) : null),
    elementRect: (e) => (elRect ? elRect(e) : null),
    staticRange: staticRangeOf((realm as { StaticRange?: unknown }).StaticRange),
    textNodesIn: capturedTextWalker(realm),
  };
}

function capturedTextWalker(realm: RealmLike): Builtins['textNodesIn'] {
  const ownerDocument = getter<Node, Document>(realm.Node.prototype, 'ownerDocument');
  const create = method<Document, [Node, number], TreeWalker>(realm.Document.prototype, 'createTreeWalker');
  const walkerProto = (realm as { TreeWalker?: { prototype: object } }).TreeWalker?.prototype;
  const next = walkerProto ? method<TreeWalker, [], Node | null>(walkerProto, 'nextNode') : (w: TreeWalker) => w.nextNode();
  return (root) => {
    const w = create(ownerDocument(root), root, SHOW_TEXT);
    return () => next(w) as Text | null;
  };
}

function isRealm(x: unknown): x is RealmLike {
  const g = x as Partial<Record<keyof RealmLike, unknown>> | null | undefined;
  return !!g && typeof g.Node === 'function' && typeof g.Element === 'function' && typeof g.CharacterData === 'function'
    && typeof g.Document === 'function' && typeof g.Range === 'function';
}

/** Plain property access: what the engine optimises best (inline caches, inlined getters). */
function direct(): Builtins {
  return {
    firstChild: (n) => n.firstChild,
    nextSibling: (n) => n.nextSibling,
    parentNode: (n) => n.parentNode,
    nodeType: (n) => n.nodeType,
    isConnected: (n) => n.isConnected,
    contains: (n, other) => n.contains(other),
    compareDocumentPosition: (n, other) => n.compareDocumentPosition(other),
    localName: (e) => e.localName,
    getAttribute: (e, name) => e.getAttribute(name),
    hasAttribute: (e, name) => e.hasAttribute(name),
    hasAttributes: (e) => e.hasAttributes(),
    data: (t) => t.data,
    textContent: (e) => e.textContent,
    querySelector: (e, selectors) => e.querySelector(selectors),
    createRange: (d) => d.createRange(),
    setStart: (r, n, o) => r.setStart(n, o),
    setEnd: (r, n, o) => r.setEnd(n, o),
    setStartBefore: (r, n) => r.setStartBefore(n),
    setEndAfter: (r, n) => r.setEndAfter(n),
    rangeToString: (r) => r.toString(),
    comparePoint: (r, n, o) => r.comparePoint(n, o),
    startContainer: (r) => r.startContainer,
    endContainer: (r) => r.endContainer,
    rangeClientRects: (r) => (typeof r.getClientRects === 'function' ? r.getClientRects() : null),
    elementRect: (e) => (typeof e.getBoundingClientRect === 'function' ? e.getBoundingClientRect() : null),
    staticRange: staticRangeOf((globalThis as { StaticRange?: unknown }).StaticRange),
    textNodesIn: (root) => {
      const w = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
      return () => w.nextNode() as Text | null;
    },
  };
}

// Taken at module load for the realm we run in (a no-op in plain Node).
let here: Builtins | null = isRealm(globalThis) ? capture(globalThis) : null;

/**
 * Declares that this module runs in a content script's own world — Chromium's isolated world,
 * Firefox's Xray wrappers — where a page's changes to DOM and String prototypes never reach
 * us. There plain property access is as safe as the captured copies and several times faster
 * on the scanner's hot path (the uncurried copies defeat the engine's inline caches), so it
 * replaces them for this realm. Only the content script's entry point calls this; tests and
 * the scan CLI share their realm with page code and keep the captured copies.
 */
export function trustOwnRealm(): void {
  if (!here) return;
  here = direct();
  lastDoc = null;
  lastBuiltins = null;
  charCodeAt = (s, i) => s.charCodeAt(i);
  strSlice = (s, start, end) => s.slice(start, end);
}
const hereNode: unknown = here ? (globalThis as unknown as RealmLike).Node : undefined;
const byRealm = new WeakMap<object, Builtins>();

/** The last document asked about: the common case is one document, asked very often. */
let lastDoc: Document | null = null;
let lastBuiltins: Builtins | null = null;

/** The captured built-ins for the realm `doc` belongs to. */
export function builtinsFor(doc: Document): Builtins {
  if (doc === lastDoc && lastBuiltins) return lastBuiltins;
  const b = lookUp(doc);
  lastDoc = doc;
  lastBuiltins = b;
  return b;
}

function lookUp(doc: Document): Builtins {
  const win = doc.defaultView as unknown;
  if (here && (!isRealm(win) || win.Node === hereNode)) return here;
  if (!isRealm(win)) throw new Error('factcard: document has no window');
  let b = byRealm.get(win);
  if (!b) {
    b = capture(win);
    byRealm.set(win, b);
  }
  return b;
}

// String methods used on every character of the page's text.
// (Replaced by plain calls in a trusted realm: see trustOwnRealm.)
export let charCodeAt: (s: string, i: number) => number = uncurry(String.prototype.charCodeAt);
export let strSlice: (s: string, start: number, end?: number) => string = uncurry(String.prototype.slice);

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_POSITION_PRECEDING = 2;
export const DOCUMENT_POSITION_FOLLOWING = 4;
