// What runs inside the benchmark pages, as script text (the runner may rewrite functions'
// source with helpers the page lacks, so nothing here is a function passed to evaluate).
//
// OBSERVER_SOURCE is the first script of every generated page. It sees Factcard only from
// the outside, as any page script could: the highlight registry is per document, so the
// page reads `CSS.highlights.get('factcard-person').size` and friends. With `#observe` in
// the address it polls those sizes in a setTimeout(0) loop from DOMContentLoaded on (every
// ~4 ms once the browser clamps nested timers: a resolution of ~4 ms, for a negligible share
// of the main thread; a MessageChannel loop was finer but took up to a third of the main
// thread's time on the 2 MB page), and again in every animation frame, and records:
//   registered — first time any factcard-* highlight exists (the content script's settings
//                said the page is on, or it drew);
//   first      — first time the highlights hold a range (the viewport pass published);
//   last       — the last time the total number of ranges changed (the last highlight);
//   changes    — every [time, total] change (the dynamic page splits them per batch);
//   frame      — [time, total] in the first animation frame after DOMContentLoaded: what the
//                frame painted then shows (requestAnimationFrame runs before that frame's
//                style, layout and paint), and the page's first paint time (paint timing),
//                to tell whether that frame was the page's first.
// On every load, `#observe` or not (so the page alone too), it records frameDone: when the
// first animation frame after DOMContentLoaded is done — its style, layout and paint — by a
// task posted from that frame's requestAnimationFrame callback, which runs after them; and
// frameAt, when that callback ran (inside the frame's task, before its style and layout). What a
// content script leaves for after DOMContentLoaded can start only then. Also on every load:
// the time the document's DOMContentLoaded listeners registered before the page's own took (a
// document_start content script's: the scan's first chunk), from a window listener in its
// capture phase, which runs before them, to the page's first listener; and whether Factcard's
// highlights were registered when DOMContentLoaded began (its settings had come back), and
// whether a stylesheet was adopted when the parser finished (readyState 'interactive'): the
// generated pages adopt none, so one there is Factcard's highlight stylesheet, which it adopts
// as soon as its settings say the page is on.
// It also keeps long tasks (PerformanceObserver 'longtask', Chromium only), the last
// pointermove (its event time stamp: when the pointer moved, which is where Factcard's dwell
// counts from), when Factcard's card host enters the document, the frame that paints it and
// when that paint is done; and, once __fcWatchFrames() is called, the time stamp of every
// animation frame (the hover run counts the frames between the end of a dwell and the frame
// that renders the card, which a resize observer's callback in each frame tells).

export const OBSERVER_SOURCE = `(function () {
  var st = window.__fcObs = { registered: null, first: null, last: null, count: 0, changes: [], longtasks: [],
    stop: false, lastMove: null, hostAt: null, hostFrame: null, paintedAt: null, batches: [], frame: null, firstPaint: null, frames: [], frameDone: null, frameAt: null,
    dclIn: null, dclOut: null, onAtDcl: null, sheetAtParsed: null };
  document.addEventListener('readystatechange', function () {
    if (document.readyState === 'interactive' && st.sheetAtParsed === null) st.sheetAtParsed = (document.adoptedStyleSheets || []).length > 0;
  });
  var names = ['factcard-person', 'factcard-organization', 'factcard-group', 'factcard-place'];
  // A window listener in its capture phase runs before every DOMContentLoaded listener of the
  // document, a content script's included; the page's own listener below runs after those
  // registered before it (a document_start content script's). Between the two: their time.
  window.addEventListener('DOMContentLoaded', function () {
    st.dclIn = performance.now();
    var reg = window.CSS && CSS.highlights;
    st.onAtDcl = false;
    if (reg) for (var i = 0; i < names.length; i++) if (reg.get(names[i])) st.onAtDcl = true;
  }, true);
  document.addEventListener('DOMContentLoaded', function () {
    st.dclOut = performance.now();
    requestAnimationFrame(function () {
      st.frameAt = performance.now();
      var c = new MessageChannel();
      c.port1.onmessage = function () { st.frameDone = performance.now(); };
      c.port2.postMessage(0);
    });
  });
  try {
    if (!(PerformanceObserver.supportedEntryTypes || []).includes('longtask')) throw new Error('no longtask');
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { st.longtasks.push([e.startTime, e.duration]); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { st.longtasks = null; }
  if (!/observe/.test(location.hash)) return;
  var seen = -1;
  var t0 = performance.now();
  // [ranges in the per-type highlights, whether any of them is registered]
  var read = function () {
    var reg = window.CSS && CSS.highlights;
    var sum = 0, any = false;
    if (reg) for (var i = 0; i < names.length; i++) { var h = reg.get(names[i]); if (h) { any = true; sum += h.size; } }
    return [sum, any];
  };
  var look = function () {
    var r = read(), sum = r[0], any = r[1];
    var t = performance.now();
    if (any && st.registered === null) st.registered = t;
    if (sum !== seen) {
      if (sum > 0 && st.first === null) st.first = t;
      if (seen !== -1 || sum > 0) { st.last = t; st.changes.push([t, sum]); }
      seen = sum;
      st.count = sum;
    }
    return !st.stop && t - t0 < 120000;
  };
  var tick = function () { if (look()) setTimeout(tick, 0); };
  // Every animation frame looks too: Firefox holds back timers while a page loads, which made
  // its timer loop see a change up to ~25 ms after the frame that painted it.
  var onFrame = function () { if (look()) requestAnimationFrame(onFrame); };
  document.addEventListener('DOMContentLoaded', function () {
    t0 = performance.now();
    requestAnimationFrame(onFrame);
    requestAnimationFrame(function () {
      st.frame = [performance.now(), read()[0]];
      // After that frame: its paint, if it was the first, is in the paint timeline by then.
      setTimeout(function () {
        var p = performance.getEntriesByType('paint').filter(function (e) { return e.name === 'first-paint' || e.name === 'first-contentful-paint'; });
        st.firstPaint = p.length ? Math.min.apply(null, p.map(function (e) { return e.startTime; })) : null;
      }, 100);
    });
    tick();
  });
  addEventListener('pointermove', function (e) {
    var now = performance.now();
    st.lastMove = e.timeStamp > now - 1000 && e.timeStamp <= now ? e.timeStamp : now;
  }, true);
  var watching = false;
  // The frame that renders the card host: a resize observer's callbacks run in every frame's
  // rendering step after its layout, before its paint, so the first of them that finds the
  // host in the document is in the frame that paints it — whether the host was attached by a
  // task before that frame or by one of the frame's own animation-frame callbacks. A 1 px
  // element of the page changes width in every watched frame so that the callback runs in each.
  var sentinel = null;
  var frameTs = null;
  var resized = new ResizeObserver(function () {
    if (st.hostAt === null || st.hostFrame !== null || !document.querySelector('factcard-host')) return;
    st.hostFrame = frameTs;
    var c = new MessageChannel();
    c.port1.onmessage = function () { st.paintedAt = performance.now(); };
    c.port2.postMessage(0);
  });
  var onWatchedFrame = function (ts) {
    st.frames.push(ts);
    if (st.frames.length > 240) st.frames.shift();
    frameTs = ts;
    sentinel.style.width = sentinel.style.width === '1px' ? '2px' : '1px';
    requestAnimationFrame(onWatchedFrame);
  };
  window.__fcWatchFrames = function () {
    if (watching) return;
    watching = true;
    sentinel = document.createElement('div');
    sentinel.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;pointer-events:none;visibility:hidden';
    document.body.appendChild(sentinel);
    resized.observe(sentinel);
    requestAnimationFrame(onWatchedFrame);
  };
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.localName === 'factcard-host') st.hostAt = performance.now();
      });
    });
  }).observe(document.documentElement, { childList: true });
  window.__fcAppend = function (html) {
    var main = document.querySelector('article');
    var t = performance.now();
    main.insertAdjacentHTML('beforeend', html);
    st.batches.push(t);
    return t;
  };
})();`;

/** Observer state plus the navigation timing it is measured against. */
export interface ObserverState {
  dcl: number;
  /** Navigation timing's responseStart: the first byte of the page's HTML. */
  responseStart: number;
  /** First contentful paint (paint timing), or null before it. */
  fcp: number | null;
  load: number;
  now: number;
  registered: number | null;
  first: number | null;
  last: number | null;
  count: number;
  changes: [number, number][];
  longtasks: [number, number][] | null;
  lastMove: number | null;
  hostAt: number | null;
  /** The time stamp of the animation frame that renders the card (requestAnimationFrame's). */
  hostFrame: number | null;
  /** When that frame was done (a task posted from inside it). */
  paintedAt: number | null;
  /** Animation frames' time stamps once __fcWatchFrames() was called (the last 240). */
  frames: number[];
  batches: number[];
  frame: [number, number] | null;
  firstPaint: number | null;
  /** When the first animation frame after DOMContentLoaded was done (style, layout, paint). */
  frameDone: number | null;
  /** When that frame's requestAnimationFrame callbacks ran (inside its task); absent in older pages' state. */
  frameAt?: number | null;
  /** When DOMContentLoaded reached the window, before any listener of the document ran. */
  dclIn?: number | null;
  /** When the page's own first DOMContentLoaded listener ran: after those registered before it (a content script's). */
  dclOut?: number | null;
  /** Whether any of Factcard's highlights was registered when DOMContentLoaded began (its settings had said the page is on). */
  onAtDcl?: boolean | null;
  /** Whether a stylesheet (Factcard's, on the generated pages) was adopted when the parser finished. */
  sheetAtParsed?: boolean | null;
}

export const READ_STATE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const s = window.__fcObs;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { dcl: nav ? nav.domContentLoadedEventStart : 0, responseStart: nav ? nav.responseStart : 0, fcp: fcp ? fcp.startTime : null, load: nav ? nav.loadEventEnd : 0, now: performance.now(),
    registered: s.registered, first: s.first, last: s.last, count: s.count, changes: s.changes, longtasks: s.longtasks,
    lastMove: s.lastMove, hostAt: s.hostAt, hostFrame: s.hostFrame, paintedAt: s.paintedAt, batches: s.batches, frame: s.frame, firstPaint: s.firstPaint, frames: s.frames, frameDone: s.frameDone, frameAt: s.frameAt,
    dclIn: s.dclIn, dclOut: s.dclOut, onAtDcl: s.onAtDcl, sheetAtParsed: s.sheetAtParsed };
})()`;

export const STOP_OBSERVER = 'window.__fcObs.stop = true';

/** The floor: a bare TreeWalker over every text node of the body, reading each one's text. */
/**
 * The page's own DOM work, timed by the page: 2,000 elements appended to its article and
 * removed again, then every text node directly in its first 200 paragraphs edited and put
 * back (two edits each). A browser updates every live Range of a document on each such
 * change, so this is what ranges an extension keeps in the page cost the page.
 */
export const PAGE_DOM_WORK = `(() => {
  const article = document.querySelector('article') || document.body;
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); article.appendChild(d); d.remove(); }
  const t1 = performance.now();
  const texts = [];
  for (const p of Array.from(article.querySelectorAll('p')).slice(0, 200)) for (const n of p.childNodes) if (n.nodeType === 3) texts.push(n);
  const t2 = performance.now();
  for (const t of texts) { const v = t.data; t.data = v + ' '; t.data = v; }
  const t3 = performance.now();
  // Restyles the page makes itself, each brought up to date: a text colour (inherited by every
  // element below) set on the root, as a theme switch does, then on the body.
  const root = document.documentElement;
  const body = document.body;
  const before = [root.style.color, body.style.color];
  body.offsetTop;
  const t4 = performance.now();
  root.style.color = 'rgb(1, 2, 3)';
  body.offsetTop;
  const t5 = performance.now();
  body.style.color = 'rgb(4, 5, 6)';
  body.offsetTop;
  const t6 = performance.now();
  root.style.color = before[0];
  body.style.color = before[1];
  return { appendRemove: t1 - t0, textEdits: t3 - t2, edits: texts.length * 2, restyleRoot: t5 - t4, restyleBody: t6 - t5 };
})()`;

export const FLOOR_WALK = `(() => {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0, chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes++; chars += n.nodeValue.length; }
  return { ms: performance.now() - t0, nodes, chars };
})()`;

/**
 * mark.js in its default mode (`mark(keyword)` with default options, except
 * separateWordSearch: false so each name is searched as a name), one keyword at a time,
 * longest first as mark.js does with an array, stopping once `limitMs` has passed.
 */
export function markDefaultExpr(names: string[], limitMs: number): string {
  return `(() => {
  const names = ${JSON.stringify([...names].sort((a, b) => b.length - a.length))};
  const inst = new Mark(document.body);
  const t0 = performance.now();
  let done = 0, cut = false;
  for (const kw of names) {
    if (performance.now() - t0 > ${limitMs}) { cut = true; break; }
    inst.mark(kw, { separateWordSearch: false });
    done++;
  }
  const ms = performance.now() - t0;
  return { ms, cut, done, total: names.length, marks: document.querySelectorAll('mark[data-markjs]').length };
})()`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** mark.js `markRegExp` with one alternation of the names (whole words, case-insensitive). */
export function markRegExpExpr(names: string[]): string {
  const alt = [...names].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|');
  const source = `(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`;
  return `(() => {
  const re = new RegExp(${JSON.stringify(source)}, 'giu');
  const inst = new Mark(document.body);
  const t0 = performance.now();
  inst.markRegExp(re);
  const ms = performance.now() - t0;
  return { ms, cut: false, done: 1, total: 1, marks: document.querySelectorAll('mark[data-markjs]').length };
})()`;
}
