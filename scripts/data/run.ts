// `npm run data` — build, check or export the dataset. Returns an exit code; writes nothing
// unless every check passed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '../../core/dataset/build';
import { formatExport, type ExportFormat, type ExportKind } from '../../core/dataset/export';
import { stableJson } from '../../core/dataset/ids';
import { InputError, PATHS, readInputs } from './read-inputs';
import { writeAtomic } from './write-atomic';

export interface Io {
  root: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `usage:
  npm run data                         rebuild data/dataset.json from data/sources and data/registry
  npm run data -- --check              exit 1 if data/dataset.json is not what the build would write
  npm run data -- export quotes|statements|entities --format jsonl|csv [--all] [--out FILE]
                                       quotes (with context and rule; --all: also those with no speaker),
                                       statements, or entities with their cited roles`;

function build(io: Io): string | null {
  let inputs;
  try {
    inputs = readInputs(io.root);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`data: ${e.lines.length} problem(s) in the inputs; nothing written:\n${e.lines.map((l) => `  ${l}`).join('\n')}`);
      return null;
    }
    throw e;
  }
  const result = buildDataset(inputs);
  if (!result.dataset) {
    io.err(`data: ${result.errors.length} check(s) failed; nothing written:\n${result.errors.map((l) => `  ${l}`).join('\n')}`);
    return null;
  }
  return stableJson(result.dataset);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export function run(args: string[], io: Io): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const target = join(io.root, PATHS.dataset);
  if (args[0] === 'export') {
    const format = option(args, '--format');
    const kind = args[1];
    if ((kind !== 'quotes' && kind !== 'statements' && kind !== 'entities') || (format !== 'jsonl' && format !== 'csv')) {
      io.err(`data: export needs quotes|statements|entities and --format jsonl|csv\n${USAGE}`);
      return 2;
    }
    const json = build(io);
    if (json === null) return 1;
    const text = formatExport(JSON.parse(json), kind as ExportKind, format as ExportFormat, args.includes('--all'));
    const outFile = option(args, '--out');
    if (outFile) writeFileSync(join(io.root, outFile), text, 'utf8');
    else io.out(text.replace(/\r?\n$/, ''));
    return 0;
  }
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    io.err(`data: unknown argument(s) ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const json = build(io);
  if (json === null) return 1;
  if (args.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current !== json) {
      io.err(`data: ${PATHS.dataset} is stale (${current === null ? 'missing' : 'differs from a fresh build'}); run \`npm run data\` and commit it`);
      return 1;
    }
    io.out(`data: ${PATHS.dataset} is up to date`);
    return 0;
  }
  writeAtomic(target, json);
  const d = JSON.parse(json) as { sources: unknown[]; entities: unknown[]; quotes: unknown[]; statements: unknown[]; mentions: unknown[] };
  io.out(
    `data: wrote ${PATHS.dataset}: ${d.sources.length} sources, ${d.entities.length} entities, ${d.quotes.length} quotes, ` +
      `${d.statements.length} statements, ${d.mentions.length} mentions`,
  );
  return 0;
}
