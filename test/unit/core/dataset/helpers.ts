import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { extractArticleDetails } from '../../../../core/dataset/article';
import { buildDataset } from '../../../../core/dataset/build';
import type { RegistryDoc, SourceMeta } from '../../../../core/dataset/inputs';
import { readInputs } from '../../../../scripts/data/read-inputs';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function realInputs() {
  return readInputs(ROOT);
}

export function buildReal() {
  return buildDataset(realInputs());
}

export function realRegistry(): RegistryDoc {
  return parse(readFileSync(`${ROOT}data/registry/entities.yaml`, 'utf8')) as RegistryDoc;
}

export interface QuoteResult {
  text: string;
  speaker: string | null;
  excluded: string | null;
}

export const TEST_META: SourceMeta = { id: 'test-article', title: 'Test', titleDerived: true, outlet: 'Test', published: '2016-10-01', dateline: '', url: null };

/** Runs the real per-article extraction (extractArticle) on any text against the real registry. */
export function analyse(text: string, registry: RegistryDoc = realRegistry()) {
  const result = extractArticleDetails({ meta: TEST_META, text }, [], registry);
  return {
    quotes: result.findings.map((q): QuoteResult => ({ text: text.slice(q.start, q.end), speaker: q.speaker, excluded: q.excluded })),
    statements: result.statements.map((s) => ({ entity: s.entity, text: s.text })),
    entities: result.entities,
  };
}

/** The speaker of the quote whose text starts with `prefix`. */
export function speakerOf(text: string, prefix: string): string | null | undefined {
  const q = analyse(text).quotes.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting ${JSON.stringify(prefix)}`);
  return q.excluded ? `excluded:${q.excluded}` : q.speaker;
}
