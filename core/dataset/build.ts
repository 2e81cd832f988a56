// Compiles sources + registry into the Dataset. Pure: no fs. Either returns a dataset that
// passed every check, or error lines naming file and field (and no dataset).

import type { Citation, Dataset, Entity, Mention, Quote, Source, Statement } from '../dataset-types';
import { analyseSource, type QuoteFinding } from './attribution';
import { registryNames } from './classify-quote';
import { quoteId, statementId } from './ids';
import { resolveAlias, type RegistryDoc, type SourceInput, type SourceMeta, type RegistryInput } from './inputs';
import { findAliasMentions, findExtractionRefs } from './mentions';
import { checkRegistry, locateCitation } from './registry-checks';
import { checkDataset } from './dataset-checks';
import { applyOverrides, type OverridesDoc } from './overrides';
import { SchemaValidator, type JsonSchema } from './validate';
import { expandAliases } from '../names';
import { englishWords } from '../names/english';

export interface Schemas {
  dataset: JsonSchema;
  registry: JsonSchema;
  sourceMeta: JsonSchema;
  quoteOverrides: JsonSchema;
}

export interface BuildInputs {
  sources: SourceInput[];
  registry: RegistryInput;
  /** Editorial quote corrections; optional. */
  overrides?: { file: string; doc: unknown };
  schemas: Schemas;
  /** Where the output goes, for messages about it. */
  outputFile?: string;
}

export interface BuildResult {
  dataset: Dataset | null;
  errors: string[];
  /** Every quote-mark pair the extractor saw, kept or excluded (for tests and review). */
  findings: Map<string, QuoteFinding[]>;
}

const byOffset = <T extends { source: string; start: number; end: number }>(a: T, b: T): number =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start || a.end - b.end;

export function buildDataset(inputs: BuildInputs): BuildResult {
  const validator = new SchemaValidator();
  const errors: string[] = [];
  const findings = new Map<string, QuoteFinding[]>();
  const fail = (): BuildResult => ({ dataset: null, errors, findings });

  // 1. Inputs are well-formed.
  for (const s of inputs.sources) {
    errors.push(...validator.check(inputs.schemas.sourceMeta, s.meta, s.metaFile));
    if (s.text.trim() === '') errors.push(`${s.textFile}: (text): the article text is empty`);
  }
  errors.push(...validator.check(inputs.schemas.registry, inputs.registry.doc, inputs.registry.file));
  if (inputs.overrides) errors.push(...validator.check(inputs.schemas.quoteOverrides, inputs.overrides.doc, inputs.overrides.file));
  if (errors.length > 0) return fail();

  const regFile = inputs.registry.file;
  const registry = inputs.registry.doc as RegistryDoc;
  const sources = inputs.sources.map((s) => ({ ...s, meta: s.meta as SourceMeta }));
  const seenIds = new Map<string, string>();
  for (const s of sources) {
    const other = seenIds.get(s.meta.id);
    if (other) errors.push(`${s.metaFile}: id: "${s.meta.id}" is already used by ${other}`);
    seenIds.set(s.meta.id, s.metaFile);
  }
  errors.push(...checkRegistry(regFile, registry));
  if (errors.length > 0) return fail();

  // 2. Curated descriptions and citations, found verbatim.
  const byId = new Map(sources.map((s) => [s.meta.id, { text: s.text, textFile: s.textFile }]));
  const assembled: Entity[] = registry.entities.map((e, i) => {
    let description: Citation | null = null;
    if (e.description) {
      const found = locateCitation(regFile, `entities[${i}].description`, e.description, byId);
      if (typeof found === 'string') errors.push(found);
      else description = found;
    }
    const citations: Citation[] = [];
    (e.citations ?? []).forEach((c, j) => {
      const found = locateCitation(regFile, `entities[${i}].citations[${j}]`, c, byId);
      if (typeof found === 'string') errors.push(found);
      else citations.push(found);
    });
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases.map((a) => {
        const r = resolveAlias(a);
        return { text: r.text, strength: r.strength, caseSensitive: r.caseSensitive };
      }),
      description,
      citations,
    };
  });
  if (errors.length > 0) return fail();
  // Spelling variants, number forms and automatic weak/strong (core/names).
  const entities = expandAliases(assembled, { words: englishWords(), registry: registry.entities });

  // 3. Extraction, per source.
  const names = registryNames(registry.entities);
  const quotes: Quote[] = [];
  const statements: Statement[] = [];
  const mentions: Mention[] = [];
  const analyses = sources.map((s) => {
    const analysis = analyseSource(s.text, findExtractionRefs(s.text, registry.entities), names);
    findings.set(s.meta.id, analysis.quotes);
    return analysis;
  });
  if (inputs.overrides) {
    const texts = new Map(sources.map((s) => [s.meta.id, s.text]));
    const ids = new Set(registry.entities.map((e) => e.id));
    errors.push(...applyOverrides(inputs.overrides.file, inputs.overrides.doc as OverridesDoc, findings, texts, ids));
    if (errors.length > 0) return fail();
  }
  sources.forEach((s, n) => {
    const id = s.meta.id;
    const analysis = analyses[n]!;
    for (const m of findAliasMentions(s.text, entities)) mentions.push({ entity: m.entity, source: id, start: m.start, end: m.end });
    for (const q of analysis.quotes) {
      if (q.excluded) continue;
      quotes.push({ id: quoteId(id, q.start), speaker: q.speaker, text: s.text.slice(q.start, q.end), source: id, start: q.start, end: q.end });
    }
    const seen = new Set<string>();
    for (const st of analysis.statements) {
      const sid = statementId(id, st.start, st.entity);
      if (seen.has(sid)) continue;
      seen.add(sid);
      statements.push({ id: sid, entity: st.entity, text: s.text.slice(st.start, st.end), source: id, start: st.start, end: st.end });
    }
  });

  const dataset: Dataset = {
    version: 1,
    sources: sources
      .map(
        (s): Source => ({
          id: s.meta.id,
          title: s.meta.title,
          titleDerived: s.meta.titleDerived,
          outlet: s.meta.outlet,
          published: s.meta.published,
          dateline: s.meta.dateline,
          url: s.meta.url,
          text: s.text,
        }),
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    entities: entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    quotes: quotes.sort(byOffset),
    statements: statements.sort((a, b) => byOffset(a, b) || (a.entity < b.entity ? -1 : 1)),
    mentions: mentions.sort(byOffset),
  };

  // 4. The output itself: schema, then every reference and every verbatim span.
  const out = inputs.outputFile ?? 'data/dataset.json';
  errors.push(...validator.check(inputs.schemas.dataset, dataset, out));
  errors.push(...checkDataset(dataset, out));
  return errors.length > 0 ? fail() : { dataset, errors, findings };
}
