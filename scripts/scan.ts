// npm run scan -- [--dataset <dataset.json>] <file.html|file.htm|file.txt>
//
// Runs the extension's matcher and DOM layer (dom/page-scanner.ts) on a saved page in Node,
// with happy-dom, and prints the mentions it finds as JSON:
//
//   { "mentions": [ { "entity", "name", "text", "start", "end" } ] }
//
// Offsets (UTF-16, `end` exclusive):
// - .html/.htm: into the page's text as the block collector joins it: each run (the text of
//   one block between block boundaries, inline elements joined, whitespace collapsed to one
//   space, see dom/text-runs.ts) in document order, runs separated by "\n\n". `text` is
//   that joined text's slice [start, end).
// - .txt: into the file's own text. Every line is one block (a paragraph per line, as the
//   source articles are written), so names never match across lines; `text` is the file's
//   slice [start, end), verbatim.
//
// Exit codes: 0 ok, 1 unreadable input or dataset, 2 usage error. For dataset authors and tests.

import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { Dataset } from '../core/dataset-types';
import { aliasEntriesFromDataset, compileIndex, loadMatcher } from '../core/matcher';
import { PageScanner, type PageMention } from '../dom/page-scanner';
import type { TextRun } from '../dom/text-runs';

const USAGE = 'usage: npm run scan -- [--dataset <dataset.json>] <file.html|file.htm|file.txt>';

export interface ScanMention {
  entity: string;
  name: string;
  text: string;
  start: number;
  end: number;
}

/** The page's text as the scanner reads it: runs in document order joined by "\n\n". */
export interface JoinedText {
  text: string;
  /** Offsets of a published mention in `text`, or null when its run is no longer read. */
  offsetsOf(m: PageMention): { start: number; end: number } | null;
}

const RUN_SEPARATOR = '\n\n';

export function joinedText(scanner: PageScanner): JoinedText {
  let text = '';
  const startOf = new Map<TextRun, number>();
  scanner.textRuns().forEach((run, i) => {
    if (i > 0) text += RUN_SEPARATOR;
    startOf.set(run, text.length);
    text += run.text;
  });
  return {
    text,
    offsetsOf: (m) => {
      const base = startOf.get(m.run);
      return base === undefined ? null : { start: base + m.start, end: base + m.end };
    },
  };
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; dataset: string } {
  let dataset = 'data/dataset.json';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dataset') {
      const v = argv[++i];
      if (!v) throw new UsageError('--dataset needs a path');
      dataset = v;
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no input file' : 'one input file at a time');
  const file = files[0]!;
  const ext = extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm' && ext !== '.txt') throw new UsageError(`${file}: expected a .html, .htm or .txt file`);
  return { file, dataset };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new Error(`cannot read ${what} ${resolve(path)}: ${why}`);
  }
}

/** Scan `content` (HTML or plain text) with `dataset`; the core of the CLI, exported for tests. */
export async function scanContent(content: string, kind: 'html' | 'txt', dataset: Pick<Dataset, 'entities'>): Promise<ScanMention[]> {
  const matcher = loadMatcher(compileIndex(aliasEntriesFromDataset(dataset)));
  const names = new Map<string, string>();
  for (const e of dataset.entities) names.set(e.id, e.name);
  const win = new Window({
    url: 'https://scan.invalid/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const doc = win.document as unknown as Document;
  const lineStart = new Map<Node, number>();
  if (kind === 'html') {
    doc.write(content);
  } else {
    doc.write('<!doctype html><html><head></head><body></body></html>');
    let at = 0;
    for (const line of content.split('\n')) {
      const p = doc.createElement('p');
      const t = doc.createTextNode(line);
      p.appendChild(t);
      doc.body.appendChild(p);
      lineStart.set(t, at);
      at += line.length + 1;
    }
  }
  const abort = new AbortController();
  const errors: unknown[] = [];
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const scanner = new PageScanner({
    doc,
    matcher,
    signal: abort.signal,
    yieldTask: (cb) => void setTimeout(cb, 0),
    requestFrame: (cb) => void setTimeout(cb, 0),
    onError: (e) => errors.push(e),
  });
  scanner.start();
  const poll = (): void => void (scanner.idle() ? done() : setTimeout(poll, 0));
  poll();
  await finished;
  const mentions: readonly PageMention[] = scanner.mentions();
  const out: ScanMention[] = [];
  if (kind === 'html') {
    const joined = joinedText(scanner);
    for (const m of mentions) {
      const o = joined.offsetsOf(m);
      if (o) out.push({ entity: m.entity, name: names.get(m.entity) ?? m.entity, text: joined.text.slice(o.start, o.end), start: o.start, end: o.end });
    }
  } else {
    for (const m of mentions) {
      const s = lineStart.get(m.range.startContainer);
      const e = lineStart.get(m.range.endContainer);
      if (s === undefined || e === undefined) continue;
      const start = s + m.range.startOffset;
      const end = e + m.range.endOffset;
      out.push({ entity: m.entity, name: names.get(m.entity) ?? m.entity, text: content.slice(start, end), start, end });
    }
  }
  scanner.destroy();
  abort.abort();
  await win.happyDOM.close();
  if (errors.length > 0) throw errors[0];
  return out;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** The CLI without the process: returns the exit code (tests call it in-process). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let args: { file: string; dataset: string };
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message ? `scan: ${e.message}\n` : ''}${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    const content = readText(args.file, 'input file');
    const datasetText = readText(args.dataset, 'dataset');
    let dataset: Dataset;
    try {
      dataset = JSON.parse(datasetText) as Dataset;
    } catch (e) {
      throw new Error(`dataset ${resolve(args.dataset)} is not valid JSON: ${(e as Error).message}`);
    }
    if (!dataset || !Array.isArray(dataset.entities)) throw new Error(`dataset ${resolve(args.dataset)} has no "entities" array`);
    const kind = extname(args.file).toLowerCase() === '.txt' ? 'txt' : 'html';
    const mentions = await scanContent(content, kind, dataset);
    io.out(`${JSON.stringify({ mentions }, null, 2)}\n`);
    return 0;
  } catch (e) {
    io.err(`scan: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '') === resolve(new URL(import.meta.url).pathname).replace(/\.ts$/, '');
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`scan: ${String(e)}\n`);
      process.exit(1);
    },
  );
}
