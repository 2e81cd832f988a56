// What both of `npm run bench:profile`'s profilers share (profile.ts: Chromium's V8 profiler;
// profile-firefox.ts: the Gecko profiler): the pages, when a load counts as done, and the jobs
// the content script's CPU time is split into, by the name of the function a sample is charged
// to (the innermost content-script function on its stack).

import { staticPage, type BenchPage } from './pages';

/** The generated pages both profilers load. */
export function profilePages(): BenchPage[] {
  return [staticPage('10k', '10 KB', 10_000), staticPage('200k', '200 KB', 200_000), staticPage('2m', '2 MB', 2_000_000)];
}

/** How long the highlights must stay unchanged before a load counts as done. */
export function quietMsFor(page: BenchPage): number {
  return page.key === '2m' ? 1500 : 800;
}

/**
 * Page script: resolves once the highlight registry has not changed for `quietMs`, with
 * [performance.timeOrigin, the time of its last change] (the page's clock).
 */
export function waitStillSource(quietMs: number): string {
  return `(async () => {
    const sizes = () => ['person', 'organization', 'group', 'place'].map((t) => CSS.highlights.get('factcard-' + t)?.size ?? -1).join();
    let last = sizes();
    let since = performance.now();
    let changed = since;
    while (performance.now() - since < ${quietMs}) {
      await new Promise((r) => setTimeout(r, 20));
      const now = sizes();
      if (now !== last) { last = now; since = changed = performance.now(); }
    }
    return [performance.timeOrigin, changed];
  })()`;
}

/** Jobs, by the function the time is charged to (first matching rule wins). */
export const JOBS: [job: string, test: RegExp][] = [
  ['settings', /settings|storage|getItem|parseSettings|migrat|valibot|^_?parse$|^safeParse/i],
  ['ranges', /rangeFor|pieceAt|createRange|setStart|setEnd|rangeOf/],
  ['matching', /^find$|findIn|matchAt|walkTrie|^walk$|^pick$|onWordBoundaries|nameContextAllows|codePointBefore|fold|^match$|typeOf|normaliz|isWord|caseFold|unitFlags|exactUnit|tables|classifyUnit|classifyFast|classifyByRegex|spanHasCase/i],
  ['collection', /^(data|textContent|querySelector|nextSibling|firstChild|parentNode|nodeType|localName|getAttribute|hasAttribute|hasAttributes|isConnected|contains|compareDocumentPosition|charCodeAt|strSlice)$|RunWalker|RunBuilder|^step$|^enter$|^exit$|addText|addPlainText|addBreak|emit|flush|isSpace|isDropped|take|classify|isBlockTag|isFlat|readFlat|mapFlatBlock|nearestBlock|readAhead|fullWalker|walker|unreadBlocks|probe|onRun|onBlock|isOwnNode|editable/i],
  ['publishing', /publish|applyFirstReference|keepsFirstReference|countsByEntity|changed|onMentions|summary|report|matchInOrder|^task$/i],
  // The caret hit tests of the viewport probe: on the bench pages, opened at their top, the
  // scanner never probes, so they are the highlight window's, looking for the reader.
  ['drawing', /caret|Highlight|draw|update|setStyle|adopt|ensure|register|syncObserved|observe|intersect/i],
  ['start-up', /loadMatcher|decode|startFactcard|main|whenParsed|CardController|ScanSession|CardHost|requireBrowserPolyfill/],
];

/**
 * The job of a function, by its name. An anonymous one is the script's top level (start-up)
 * when `topLevel` says so (the default, where the profiler gives no position), else 'other':
 * a nameless callback is no sign of start-up.
 */
export function jobOf(fn: string, topLevel = true): string {
  if (fn === '') return topLevel ? 'start-up' : 'other';
  for (const [job, test] of JOBS) if (test.test(fn)) return job;
  return 'other';
}

export const JOB_ORDER = ['start-up', 'settings', 'collection', 'matching', 'ranges', 'publishing', 'drawing', 'other'];
export const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
