// extractArticle is the contract the in-browser library builds on: it must run in an
// extension page (no Node API, no code compiled at run time), be deterministic, keep a known
// person's id, and find mentions exactly as the page matcher does.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../core/dataset/article';
import { aliasEntriesFromDataset, applyFirstReference, compileIndex, loadMatcher } from '../../../../core/matcher';
import { buildReal, realRegistry, ROOT, TEST_META } from './helpers';

/** Every module article.ts reaches through relative imports, with its source. */
function moduleGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const src = readFileSync(file, 'utf8');
    seen.set(file, src);
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const base = resolve(dirname(file), spec);
        const candidates = [`${base}.ts`, join(base, 'index.ts')];
        const found = candidates.find((c) => {
          try {
            readFileSync(c);
            return true;
          } catch {
            return false;
          }
        });
        if (found) visit(found);
      } else seen.set(`external:${spec}`, '');
    }
  };
  visit(entry);
  return seen;
}

describe('extractArticle contract', () => {
  const dataset = buildReal().dataset!;

  it('imports no Node API, no ajv, no YAML parser, and compiles no code at run time', () => {
    const graph = moduleGraph(join(ROOT, 'core/dataset/article.ts'));
    const externals = [...graph.keys()].filter((k) => k.startsWith('external:')).map((k) => k.slice('external:'.length));
    expect(externals).toEqual([]);
    expect(graph.size).toBeGreaterThan(10);
    for (const [file, src] of graph) {
      if (file.startsWith('external:')) continue;
      const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\(|\bimport\(/);
    }
  });

  it('keeps a known person\'s id and adds this article\'s cited role; is deterministic', () => {
    const text = '"We are ready," Russian envoy Vitaly Churkin said on Monday. Staffan de Mistura, the UN envoy for Syria, said talks would resume.';
    const article = { meta: { ...TEST_META, id: 'browser-article' }, text };
    const a = extractArticle(article, dataset.entities, realRegistry());
    const b = extractArticle(article, dataset.entities, realRegistry());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const churkin = a.entities.find((e) => e.id === 'vitaly-churkin')!;
    expect(churkin.roles.map((r) => [r.source, r.text])).toEqual([
      ['browser-article', 'Russian envoy'],
      ['afp-2016-09-27-aleppo', 'Russian Ambassador to the UN'],
    ]);
    expect(a.quotes[0]).toMatchObject({ speaker: 'vitaly-churkin', rule: 'named', text: 'We are ready' });
    const mistura = a.entities.find((e) => e.name === 'Staffan de Mistura')!;
    expect(mistura.roles.map((r) => r.text)).toEqual(['UN envoy for Syria']);
    // Entities this article neither creates nor adds to are not returned.
    expect(a.entities.map((e) => e.id).sort()).toEqual([mistura.id, 'vitaly-churkin'].sort());
  });

  it('records mentions exactly as the page matcher finds them (same weak-alias rules)', () => {
    const matcher = loadMatcher(compileIndex(aliasEntriesFromDataset(dataset)));
    for (const source of dataset.sources) {
      const blocks: Array<Array<{ entity: string; start: number; end: number }>> = [];
      let at = 0;
      for (const line of source.text.split('\n')) {
        if (line.trim() !== '') blocks.push(matcher.find(line).map((m) => ({ ...m, start: m.start + at, end: m.end + at })));
        at += line.length + 1;
      }
      const page = applyFirstReference(blocks.map((b) => b.map((m) => ({ ...m, weak: (m as { weak?: boolean }).weak ?? false })))).flat();
      const ours = dataset.mentions.filter((m) => m.source === source.id);
      expect(ours.map((m) => `${m.entity}@${m.start}-${m.end}`)).toEqual(page.map((m) => `${m.entity}@${m.start}-${m.end}`));
    }
  });
});
