// The scan's own floor: every text node read (the floor's TreeWalker) and the matcher run over
// its text, nothing else — no runs across inline elements, no mentions, no ranges, no drawing,
// no yielding. Run in an isolated world (Chromium) or Firefox's content-script sandbox, where
// Factcard runs, on a freshly loaded page: the least any content script that finds the
// dataset's names with this matcher must do. The matcher's modules are transpiled with
// TypeScript (bench/index-load.ts's transpiledMatcherModules) and joined into one script with a
// small CommonJS loader, since an isolated world has no module loader of its own; the index is the one the
// build bundles (wxt.config.ts; bench/size.ts's datasetIndexJson).

import ts from 'typescript';
import { transpiledMatcherModules } from './index-load';
import { datasetIndexJson } from './size';

/** core/matcher/matcher.ts and what it imports, as one script defining `loadMatcher` in its scope. */
function matcherScript(): string {
  const modules = transpiledMatcherModules(ts.ModuleKind.CommonJS, /require\("(\.{1,2}\/[^"]+)"\)/g, (_whole, depId) => `require(${JSON.stringify(depId)})`);
  // The first module is the entry, core/matcher/matcher.ts.
  const defs = modules.map(({ id, js }) => `${JSON.stringify(id)}: function (exports, require) {\n${js}\n}`);
  return `const defs = {${defs.join(',\n')}};
const cache = {};
const require = (id) => {
  if (!cache[id]) { cache[id] = {}; defs[id](cache[id], require); }
  return cache[id];
};
const { loadMatcher } = require(${JSON.stringify(modules[0]!.id)});`;
}

/** The expression evaluated on the page: `{ ms, nodes, matches }`. */
export function scanFloorSource(): string {
  const index = datasetIndexJson();
  return `(() => {
${matcherScript()}
const m = loadMatcher(JSON.parse(${JSON.stringify(index)}));
const t0 = performance.now();
const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let nodes = 0, matches = 0;
for (let n = w.nextNode(); n; n = w.nextNode()) { nodes++; matches += m.find(n.nodeValue).length; }
return { ms: performance.now() - t0, nodes, matches };
})()`;
}
