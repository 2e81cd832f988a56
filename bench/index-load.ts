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

/**
 * core/matcher/matcher.ts and every module it imports, transpiled with TypeScript to `kind`;
 * each relative specifier matched by `specifier` (its first group) is replaced by what
 * `rewrite` returns for the imported file's path from the repository root. Paths are from
 * the repository root too. Also used by bench/scan-floor.ts.
 */
export function transpiledMatcherModules(kind: ts.ModuleKind, specifier: RegExp, rewrite: (whole: string, depId: string) => string): { id: string; js: string }[] {
  const out: { id: string; js: string }[] = [];
  const todo = [ENTRY];
  const done = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: kind, target: ts.ScriptTarget.ES2022 } }).outputText;
    const js = source.replace(specifier, (whole: string, spec: string) => {
      const dep = resolve(dirname(file), spec) + '.ts';
      todo.push(dep);
      return rewrite(whole, relative(ROOT, dep));
    });
    out.push({ id: relative(ROOT, file), js });
  }
  return out;
}

/** core/matcher/matcher.ts and what it imports, as routes under /mod/. */
export function matcherModuleRoutes(): Routes {
  const routes: Routes = {};
  const modules = transpiledMatcherModules(ts.ModuleKind.ES2022, /(?<=from\s+['"])(\.{1,2}\/[^'"]+)(?=['"])/g, (whole) => `${whole}.js`);
  for (const { id, js } of modules) routes[`/mod/${id.replace(/\.ts$/, '.js')}`] = { type: 'text/javascript; charset=utf-8', body: js };
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
