// Checks on what enters the library: a draft from a page or a paste, and an import file.
// Hand-written (no schema compiler: this runs in extension pages under a CSP without eval);
// data/library.schema.json publishes the same rules for the file, and a unit test keeps the two
// in step. Every message names the entry and the field.

import type { SourceMeta } from '../dataset/inputs';
import { MAX_TEXT_CHARS, MIN_TEXT_CHARS, LIBRARY_ID, type ArticleDraft, type LibraryFile, type LibraryFileEntry } from './types';

export class LibraryInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryInputError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** Normalises line endings and trims each end; the result is the text offsets point into. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').trim();
}

/** Problems with a draft, each naming its field; empty when it can be saved. */
export function draftProblems(d: ArticleDraft, where = 'article'): string[] {
  const out: string[] = [];
  if (typeof d.text !== 'string' || d.text.trim() === '') out.push(`${where}: text: the article text is empty`);
  else if (d.text.length > MAX_TEXT_CHARS) out.push(`${where}: text: ${d.text.length.toLocaleString('en')} characters is more than the library takes (${MAX_TEXT_CHARS.toLocaleString('en')})`);
  else if (d.text.trim().length < MIN_TEXT_CHARS) out.push(`${where}: text: ${d.text.trim().length} characters is too short to be an article (at least ${MIN_TEXT_CHARS})`);
  if (typeof d.title !== 'string' || d.title.trim() === '') out.push(`${where}: title: a title is needed`);
  if (typeof d.published !== 'string' || (d.published !== '' && !DATE.test(d.published))) out.push(`${where}: published: expected YYYY-MM-DD or nothing`);
  if (d.url !== null && (typeof d.url !== 'string' || !/^https?:\/\//.test(d.url))) out.push(`${where}: url: expected an http(s) address or nothing`);
  return out;
}

export function libraryId(hash: string): string {
  return `lib-${hash.slice(0, 16)}`;
}

export function metaOf(id: string, d: ArticleDraft): SourceMeta {
  return {
    id,
    title: d.title.trim(),
    titleDerived: false,
    outlet: d.outlet.trim() || (d.url ? hostOf(d.url) : 'Pasted text'),
    published: d.published,
    dateline: '',
    url: d.url,
  };
}

function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#]+)/.exec(url);
  return (m?.[1] ?? '').replace(/^www\./, '');
}

type Json = unknown;

function field(where: string, obj: Record<string, Json>, key: string, check: (v: Json) => string | null, errors: string[]): void {
  const problem = key in obj ? check(obj[key]) : 'is missing';
  if (problem) errors.push(`${where}.${key}: ${problem}`);
}

const str = (v: Json) => (typeof v === 'string' ? null : 'expected a string');
const bool = (v: Json) => (typeof v === 'boolean' ? null : 'expected true or false');

/**
 * Parses an export file. All-or-nothing: any problem rejects the whole file (the message lists
 * up to ten, each naming entry and field). `file` is the file's name, for messages.
 */
export function parseLibraryFile(raw: string, file: string): LibraryFile {
  let doc: Json;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    throw new LibraryInputError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)}); nothing was imported`);
  }
  const errors: string[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new LibraryInputError(`${file}: expected a Factcard library object; nothing was imported`);
  const top = doc as Record<string, Json>;
  if (top.format !== 'factcard-library') errors.push(`${file}: format: expected "factcard-library"`);
  if (top.version !== 1) errors.push(`${file}: version: expected 1`);
  if (!Array.isArray(top.entries)) errors.push(`${file}: entries: expected a list`);
  const entries: LibraryFileEntry[] = [];
  const ids = new Set<string>();
  if (Array.isArray(top.entries)) {
    top.entries.forEach((e: Json, i: number) => {
      const where = `${file}: entries[${i}]`;
      if (typeof e !== 'object' || e === null || Array.isArray(e)) {
        errors.push(`${where}: expected an object`);
        return;
      }
      const o = e as Record<string, Json>;
      const before = errors.length;
      field(where, o, 'id', (v) => (typeof v === 'string' && LIBRARY_ID.test(v) ? null : 'expected "lib-" and 16 hex digits'), errors);
      field(where, o, 'hash', (v) => (typeof v === 'string' && HEX64.test(v) ? null : 'expected 64 lowercase hex digits (SHA-256)'), errors);
      for (const k of ['title', 'outlet', 'author', 'dateline', 'addedAt']) field(where, o, k, str, errors);
      field(where, o, 'titleDerived', bool, errors);
      field(where, o, 'published', (v) => (typeof v === 'string' && (v === '' || DATE.test(v)) ? null : 'expected YYYY-MM-DD or ""'), errors);
      field(where, o, 'url', (v) => (v === null || (typeof v === 'string' && /^https?:\/\//.test(v)) ? null : 'expected an http(s) address or null'), errors);
      field(where, o, 'text', (v) => (typeof v !== 'string' ? 'expected a string' : v.trim() === '' ? 'is empty' : v.length > MAX_TEXT_CHARS ? `longer than ${MAX_TEXT_CHARS} characters` : null), errors);
      if (typeof o.title === 'string' && o.title.trim() === '') errors.push(`${where}.title: is empty`);
      const extra = Object.keys(o).filter((k) => !ENTRY_KEYS.has(k));
      if (extra.length) errors.push(`${where}: unknown field ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
      if (errors.length > before) return;
      const entry = o as unknown as LibraryFileEntry;
      if (typeof o.hash === 'string' && typeof o.id === 'string' && o.id !== libraryId(o.hash)) errors.push(`${where}.id: does not match its hash`);
      if (ids.has(entry.id)) errors.push(`${where}.id: "${entry.id}" appears twice in the file`);
      ids.add(entry.id);
      entries.push(entry);
    });
  }
  if (errors.length) {
    const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
    throw new LibraryInputError(`${errors.slice(0, 10).join('\n')}${more}\nNothing was imported: the library is unchanged.`);
  }
  return { format: 'factcard-library', version: 1, exportedAt: typeof top.exportedAt === 'string' ? top.exportedAt : '', entries };
}

const ENTRY_KEYS = new Set(['id', 'hash', 'title', 'titleDerived', 'outlet', 'author', 'published', 'dateline', 'url', 'addedAt', 'text']);
