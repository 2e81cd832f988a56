// The jobs `npm run bench:profile` splits the content script's CPU time into, by the name of
// the function a sample is charged to (the innermost content-script function on its stack),
// in both browsers' profiles (profile.ts: Chromium's V8 profiler; profile-firefox.ts: the
// Gecko profiler).

/** Jobs, by the function the time is charged to (first matching rule wins). */
export const JOBS: [job: string, test: RegExp][] = [
  ['settings', /settings|storage|getItem|parseSettings|migrat|valibot|^_?parse$|^safeParse/i],
  ['ranges', /rangeFor|pieceAt|createRange|setStart|setEnd|rangeOf/],
  ['matching', /^find$|findIn|matchAt|walkTrie|^walk$|^pick$|onWordBoundaries|nameContextAllows|codePointBefore|fold|^match$|typeOf|normaliz|isWord|caseFold|unitFlags|exactUnit|tables|classifyUnit|classifyFast|classifyByRegex|spanHasCase/i],
  ['collection', /^(data|textContent|querySelector|nextSibling|firstChild|parentNode|nodeType|localName|getAttribute|hasAttribute|hasAttributes|isConnected|contains|compareDocumentPosition|charCodeAt|strSlice)$|RunWalker|RunBuilder|^step$|^enter$|^exit$|addText|addPlainText|addBreak|emit|flush|isSpace|isDropped|take|classify|isBlockTag|isFlat|readFlat|mapFlatBlock|nearestBlock|readAhead|fullWalker|walker|unreadBlocks|probe|onRun|onBlock|isOwnNode|editable/i],
  ['publishing', /publish|applyFirstReference|keepsFirstReference|countsByEntity|changed|onMentions|summary|report|matchInOrder|^task$/i],
  ['drawing', /Highlight|draw|update|setStyle|adopt|ensure|register|syncObserved|observe|intersect/i],
  ['start-up', /loadMatcher|decode|startFactcard|main|whenParsed|CardController|ScanSession|CardHost|requireBrowserPolyfill|^$/],
];

export function jobOf(fn: string): string {
  for (const [job, test] of JOBS) if (test.test(fn)) return job;
  return 'other';
}

export const JOB_ORDER = ['start-up', 'settings', 'collection', 'matching', 'ranges', 'publishing', 'drawing', 'other'];
export const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
