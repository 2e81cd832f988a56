// The shape of the source tree, checked: no import cycles between modules, no file that
// points outside the repository (a clone has nothing there), and the card UI kept out of the
// content script that runs at document_start.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['core', 'dom', 'components', 'platform', 'entrypoints', 'scripts', 'bench'];

function filesUnder(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'vendor' || name === 'results') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

const sources = SOURCE_DIRS.flatMap((d) => filesUnder(join(ROOT, d), /\.tsx?$/));

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (sources.includes(cand)) return cand;
  }
  return null;
}

/** Import edges, type-only imports included: a cycle of types is still a knot to untie. */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  const re = /^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/gm;
  for (const f of sources) {
    const text = readFileSync(f, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(re)) {
      const to = resolveImport(f, m[1]!);
      if (to) deps.push(to);
    }
    g.set(f, deps);
  }
  return g;
}

/**
 * Everything the bundler would pull in from `entry`: value imports only (`import type` is
 * erased), followed through our modules; a package import is kept as its name.
 */
function bundled(entry: string): Set<string> {
  const re = /^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  const seen = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    if (!sources.includes(f)) return;
    for (const m of readFileSync(f, 'utf8').matchAll(re)) {
      const spec = (m[1] ?? m[2])!;
      visit(resolveImport(f, spec) ?? spec);
    }
  };
  visit(entry);
  return seen;
}

function findCycle(g: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      if (state.get(d) === 'open') return [...stack.slice(stack.indexOf(d)), d];
      if (!state.has(d)) {
        const c = visit(d);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of g.keys()) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('source tree', () => {
  it('reads the imports it checks (the graph is not empty)', () => {
    const g = graph();
    expect(g.get(join(ROOT, 'entrypoints/content/app.ts'))).toContain(join(ROOT, 'entrypoints/content/scan-session.ts'));
  });

  it('has no import cycle', () => {
    const cycle = findCycle(graph());
    expect(cycle?.map((f) => relative(ROOT, f)).join(' → ') ?? null).toBeNull();
  });

  it('finds a cycle when there is one (the checker itself works)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]);
    expect(findCycle(g)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('the document_start content script leaves the card UI to card.js (Preact, Floating UI, the card)', () => {
    const isCardUi = (f: string): boolean => f.endsWith('/card-host.ts') || f.includes('/components/') || f === 'preact' || f.startsWith('@floating-ui/');
    const early = [...bundled(join(ROOT, 'entrypoints/content/index.ts'))];
    expect(early).toContain(join(ROOT, 'entrypoints/content/card-controller.ts'));
    expect(early.filter(isCardUi).map((f) => relative(ROOT, f))).toEqual([]);
    const card = [...bundled(join(ROOT, 'entrypoints/card.content.ts'))];
    expect(card).toEqual(expect.arrayContaining([join(ROOT, 'entrypoints/content/card-host.ts'), 'preact', '@floating-ui/dom']));
  });

  it('no file points outside the repository', () => {
    const all = [...sources, ...filesUnder(ROOT, /\.(md|ya?ml|json|sh|js)$/).filter((f) => !relative(ROOT, f).startsWith('node_modules'))];
    const outside = all.filter((f) => /\.\.\/shared\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(outside).toEqual([]);
  });
});
