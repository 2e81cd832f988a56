// Reads the dataset inputs from disk: data/sources/<stem>.txt + <stem>.meta.yaml,
// data/registry/entities.yaml and the JSON Schemas. Paths in messages are relative to root.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { BuildInputs } from '../../core/dataset/build';
import type { JsonSchema } from '../../core/dataset/validate';
import type { SourceInput } from '../../core/dataset/inputs';

export const PATHS = {
  sources: 'data/sources',
  registry: 'data/registry/entities.yaml',
  overrides: 'data/registry/quote-overrides.yaml',
  dataset: 'data/dataset.json',
  datasetSchema: 'data/dataset.schema.json',
  registrySchema: 'data/schema/registry.schema.json',
  sourceMetaSchema: 'data/schema/source-meta.schema.json',
  quoteOverridesSchema: 'data/schema/quote-overrides.schema.json',
} as const;

export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The 1-based line each item of the top-level `key` sequence starts on. */
function itemLines(root: string, file: string, key: string): number[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(join(root, file), 'utf8'), { lineCounter });
  const seq = doc.get(key, true);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    const at = (item as { range?: [number, number, number] } | null)?.range?.[0];
    return at === undefined ? 0 : lineCounter.linePos(at).line;
  });
}

function parseYaml(root: string, file: string, errors: string[]): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(join(root, file), 'utf8'), { prettyErrors: false, uniqueKeys: true, lineCounter });
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    const where = `line ${pos.line}, column ${pos.col}`;
    errors.push(`${file}: ${where}: ${e.message.split('\n')[0] ?? e.message}`);
  }
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS() as unknown;
  } catch (e) {
    // Well-formed YAML can still fail to resolve (an alias to no anchor, "*a" alone).
    errors.push(`${file}: (yaml): ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function readJson(root: string, file: string, errors: string[]): JsonSchema {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8')) as JsonSchema;
  } catch (e) {
    errors.push(`${file}: (json): ${(e as Error).message}`);
    return {};
  }
}

export function readInputs(root: string): BuildInputs {
  const errors: string[] = [];
  const dir = join(root, PATHS.sources);
  const files = readdirSync(dir).sort();
  const sources: SourceInput[] = [];
  for (const name of files) {
    if (!name.endsWith('.txt')) continue;
    const stem = name.slice(0, -'.txt'.length);
    const textFile = `${PATHS.sources}/${name}`;
    const metaName = [`${stem}.meta.yaml`, `${stem}.meta.yml`, `${stem}.meta.json`].find((m) => files.includes(m));
    if (!metaName) {
      errors.push(`${PATHS.sources}/${stem}.meta.yaml: (file): missing metadata for ${textFile}`);
      continue;
    }
    const metaFile = `${PATHS.sources}/${metaName}`;
    const meta = metaName.endsWith('.json') ? readJson(root, metaFile, errors) : parseYaml(root, metaFile, errors);
    sources.push({ textFile, metaFile, meta, text: readFileSync(join(dir, name), 'utf8') });
  }
  for (const name of files) {
    const m = /^(.*)\.meta\.(?:ya?ml|json)$/.exec(name);
    if (m && !files.includes(`${m[1]}.txt`)) errors.push(`${PATHS.sources}/${name}: (file): no article text ${m[1]}.txt next to it`);
  }
  if (sources.length === 0 && errors.length === 0) errors.push(`${PATHS.sources}: (dir): no sources (*.txt)`);
  if (!existsSync(join(root, PATHS.registry))) errors.push(`${PATHS.registry}: (file): missing`);
  const registry = errors.length === 0 || existsSync(join(root, PATHS.registry)) ? parseYaml(root, PATHS.registry, errors) : undefined;
  const schemas = {
    dataset: readJson(root, PATHS.datasetSchema, errors),
    registry: readJson(root, PATHS.registrySchema, errors),
    sourceMeta: readJson(root, PATHS.sourceMetaSchema, errors),
    quoteOverrides: readJson(root, PATHS.quoteOverridesSchema, errors),
  };
  const overrides = existsSync(join(root, PATHS.overrides)) ? { file: PATHS.overrides, doc: parseYaml(root, PATHS.overrides, errors) } : undefined;
  if (errors.length > 0) throw new InputError(errors);
  const lines = itemLines(root, PATHS.registry, 'entities');
  return { sources, registry: { file: PATHS.registry, doc: registry, lines }, overrides, schemas, outputFile: PATHS.dataset };
}
