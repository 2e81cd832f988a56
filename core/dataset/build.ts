// Compiles sources + registry into the Dataset. Pure: no fs. Either returns a dataset that
// passed every check, or error lines naming file and field (and no dataset).

import type { Citation, Dataset, Entity, Mention, Quote, Source, Statement } from '../dataset-types';
import { discoverEntities, extractArticleDetails, type ArticleInput } from './article';
import type { QuoteFinding } from './attribution';
import type { RegistryDoc, SourceInput, SourceMeta, RegistryInput } from './inputs';
import { checkRegistry, entryLabel, locateCitation, relabelEntries } from './registry-checks';
import { linkSameRemarks } from './same-remark';
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
    const bad = s.text.search(/[\uFFFD\u0000]/);
    if (bad >= 0) {
      const line = s.text.slice(0, bad).split('\n').length;
      const what = s.text[bad] === '\uFFFD' ? 'U+FFFD (bytes that were not valid UTF-8)' : 'a NUL character (a binary file?)';
      errors.push(`${s.textFile}: line ${line}, column ${bad - s.text.lastIndexOf('\n', bad - 1)}: the text contains ${what}; save the article as UTF-8 text`);
    }
  }
  errors.push(
    ...validator.check(inputs.schemas.registry, inputs.registry.doc, inputs.registry.file).map((l) => relabelEntries(l, inputs.registry.doc, inputs.registry.lines)),
  );
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
  errors.push(...checkRegistry(regFile, registry, inputs.registry.lines));
  if (errors.length > 0) return fail();

  // 2. Curated descriptions and citations, found verbatim.
  const byId = new Map(sources.map((s) => [s.meta.id, { text: s.text, textFile: s.textFile }]));
  const published = new Map(sources.map((s) => [s.meta.id, s.meta.published]));
  const pinned = new Map<string, Citation>();
  const curated = new Map<string, Citation[]>();
  registry.entities.forEach((e, i) => {
    const at = entryLabel(registry, i, inputs.registry.lines);
    if (e.description) {
      const found = locateCitation(regFile, `${at}.description`, e.description, byId);
      if (typeof found === 'string') errors.push(found);
      else pinned.set(e.id, found);
    }
    const citations: Citation[] = [];
    (e.citations ?? []).forEach((c, j) => {
      const found = locateCitation(regFile, `${at}.citations[${j}]`, c, byId);
      if (typeof found === 'string') errors.push(found);
      else citations.push(found);
    });
    curated.set(e.id, citations);
  });
  if (errors.length > 0) return fail();

  // 3. Extraction. Pass 1 finds every entity the articles introduce; pass 2 extracts each
  // article (the same extractArticle the in-browser library runs) against that final list,
  // so a person introduced in a later article is known in an earlier one too.
  const articles: ArticleInput[] = sources.map((s) => ({ meta: s.meta, text: s.text }));
  // Spelling variants, number forms and automatic weak/strong (core/names), for the extraction
  // and the page alike.
  const pool = expandAliases(discoverEntities(articles, registry), { words: englishWords(), registry: registry.entities });
  const entityIds = new Set(pool.map((e) => e.id));
  if (inputs.overrides) {
    const doc = inputs.overrides.doc as OverridesDoc;
    doc.overrides.forEach((o, i) => {
      if (!byId.has(o.source)) errors.push(`${inputs.overrides!.file}: overrides[${i}].source: unknown source "${o.source}"`);
    });
  }
  const roles = new Map<string, Citation[]>();
  const quotes: Quote[] = [];
  const statements: Statement[] = [];
  const mentions: Mention[] = [];
  for (const article of articles) {
    const id = article.meta.id;
    const adjust = inputs.overrides
      ? (list: QuoteFinding[]) => {
          const texts = new Map([[id, article.text]]);
          errors.push(...applyOverrides(inputs.overrides!.file, inputs.overrides!.doc as OverridesDoc, new Map([[id, list]]), texts, entityIds, id));
        }
      : undefined;
    const x = extractArticleDetails(article, pool, registry, adjust);
    findings.set(id, x.findings);
    quotes.push(...x.quotes);
    statements.push(...x.statements);
    mentions.push(...x.mentions);
    for (const e of x.entities) {
      const list = roles.get(e.id) ?? [];
      for (const r of e.roles) if (r.source === id) list.push(r);
      roles.set(e.id, list);
    }
  }
  if (errors.length > 0) return fail();
  const newestFirst = (a: Citation, b: Citation): number => {
    const da = published.get(a.source) ?? '';
    const db = published.get(b.source) ?? '';
    return da !== db ? (da < db ? 1 : -1) : a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start;
  };
  const entities: Entity[] = pool.map((e) => {
    const list = (roles.get(e.id) ?? []).sort(newestFirst);
    return { ...e, roles: list, description: pinned.get(e.id) ?? list[0] ?? null, citations: curated.get(e.id) ?? [] };
  });
  linkSameRemarks(quotes, published);

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
