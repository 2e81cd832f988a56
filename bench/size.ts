// Sizes: the built content scripts (raw and gzip) and the compiled matcher index (the bundled
// dataset's, and a 10,000-entity synthetic one). Deterministic; the size-budget test
// (test/e2e/size-budget.test.ts) enforces the content scripts' budgets with these functions.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { aliasEntriesFromDataset, compileIndex } from '../core/matcher';
import type { Dataset } from '../core/dataset-types';
import type { AliasEntry } from '../core/matcher-types';
import { EXT_DIRS } from '../test/e2e/harness/paths';

/**
 * The budget in bytes of the content script that runs at document_start, on every page and
 * frame before its first paint; enforced by test/e2e/size-budget.test.ts. It was 150 kB raw /
 * 54 kB gzip while it held the card UI too (147 / 52 kB); with the card UI in a script of its
 * own (entrypoints/content/card-ui.ts) it was 96 / 33 kB, and 88 / 31 kB once it read the
 * library index without @wxt-dev/storage (platform/library/published-index-read.ts).
 */
export const CONTENT_SCRIPT_BUDGET = { raw: 100_000, gzip: 35_000 };

/** The card UI's script (document_idle; Preact, the card, Floating UI): 65 / 23 kB when split off. */
export const CARD_SCRIPT_BUDGET = { raw: 75_000, gzip: 27_000 };

const ROOT = resolve(import.meta.dirname, '..');

/** The content scripts' files: `content` at document_start, `card` (the card UI) at document_idle. */
export type ContentScriptName = 'content' | 'card';

export interface Bytes {
  raw: number;
  gzip: number;
}

export function bytesOf(text: string | Buffer): Bytes {
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

/** A built content script of a target, or null when it is not built. */
export function contentScriptSize(target: keyof typeof EXT_DIRS, name: ContentScriptName = 'content'): Bytes | null {
  const file = join(EXT_DIRS[target], `content-scripts/${name}.js`);
  return existsSync(file) ? bytesOf(readFileSync(file)) : null;
}

/**
 * The first 12 hex digits of a built content script's SHA-256, or null when it is not built:
 * which script a run measured, so that runs of the same build can be told from others.
 */
export function contentScriptHash(target: keyof typeof EXT_DIRS, name: ContentScriptName = 'content'): string | null {
  const file = join(EXT_DIRS[target], `content-scripts/${name}.js`);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12) : null;
}

/** Every file under content-scripts/ of the Chrome build (CSS or chunks, should any appear). */
export function contentScriptFiles(): string[] {
  const dir = join(EXT_DIRS.chrome, 'content-scripts');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function datasetIndexJson(): string {
  const dataset = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')) as Dataset;
  return JSON.stringify(compileIndex(aliasEntriesFromDataset(dataset)));
}

export function syntheticIndexJson(entries: AliasEntry[]): string {
  return JSON.stringify(compileIndex(entries));
}
