// The index in the page: how long JSON.parse + loadMatcher take in the browser for the
// bundled dataset's index and a 10,000-entity synthetic one. The matcher's own modules are
// served to the page as ES modules (transpiled with TypeScript, no bundler), the index as a
// JSON string; the page times parse + load + the first find() (which builds lazy tables).

import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Routes } from '../test/e2e/harness/server';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = join(ROOT, 'core/matcher/matcher.ts');

/** core/matcher/matcher.ts and what it imports, as routes under /mod/. */
export function matcherModuleRoutes(): Routes {
  const routes: Routes = {};
  const todo = [ENTRY];
  const done = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    const rewritten = js.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, (_m, a: string, spec: string, b: string) => {
      todo.push(resolve(dirname(file), spec) + '.ts');
      return `${a}${spec}.js${b}`;
    });
    routes[`/mod/${relative(ROOT, file).replace(/\.ts$/, '.js')}`] = { type: 'text/javascript; charset=utf-8', body: rewritten };
  }
  return routes;
}

export const INDEX_LOAD_PAGE = `<!doctype html><meta charset="utf-8"><title>index load</title><body><p>index load</p>
<script type="module">
import { loadMatcher } from '/mod/core/matcher/matcher.js';
window.__loadIndex = async (path) => {
  const text = await (await fetch(path)).text();
  const t0 = performance.now();
  const m = loadMatcher(JSON.parse(text));
  const t1 = performance.now();
  m.find('Warm up: Vitaly Churkin met Anna Karovin in Aleppo.');
  const t2 = performance.now();
  return { load: t1 - t0, firstFind: t2 - t1, bytes: text.length };
};
window.__ready = true;
</script>`;
