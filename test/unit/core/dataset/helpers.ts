import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyseSource } from '../../../../core/dataset/attribution';
import { buildDataset } from '../../../../core/dataset/build';
import { registryNames } from '../../../../core/dataset/classify-quote';
import type { RegistryDoc } from '../../../../core/dataset/inputs';
import { findExtractionRefs } from '../../../../core/dataset/mentions';
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

/** Runs quote/statement extraction on any text against the real registry. */
export function analyse(text: string, registry: RegistryDoc = realRegistry()) {
  const result = analyseSource(text, findExtractionRefs(text, registry.entities), registryNames(registry.entities));
  return {
    quotes: result.quotes.map((q): QuoteResult => ({ text: text.slice(q.start, q.end), speaker: q.speaker, excluded: q.excluded })),
    statements: result.statements.map((s) => ({ entity: s.entity, text: text.slice(s.start, s.end) })),
  };
}

/** The speaker of the quote whose text starts with `prefix`. */
export function speakerOf(text: string, prefix: string): string | null | undefined {
  const q = analyse(text).quotes.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting ${JSON.stringify(prefix)}`);
  return q.excluded ? `excluded:${q.excluded}` : q.speaker;
}
