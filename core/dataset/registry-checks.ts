// Checks on the registry that a schema cannot express: unique ids, one owner per alias,
// descriptions and citations found verbatim in the sources they name.

import type { Citation } from '../dataset-types';
import { resolveAlias, type RegistryCitation, type RegistryDoc } from './inputs';
import { aliasKey, fold } from './text';

/** How messages name a registry entry: by its id and line, not its index ("line 42, entity \"vitaly-churkin\""). */
export function entryLabel(doc: unknown, i: number, lines?: readonly number[]): string {
  const entities = (doc as { entities?: unknown[] } | null)?.entities;
  const raw = Array.isArray(entities) ? entities[i] : undefined;
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const line = lines?.[i];
  const where = line !== undefined ? `line ${line}, ` : '';
  return id ? `${where}entity "${id}"` : `${where}entities[${i}] (no id)`;
}

/** Rewrites "entities[3].aliases[1]" in an error line as "line 42, entity \"x\", aliases[1]". */
export function relabelEntries(line: string, doc: unknown, lines?: readonly number[]): string {
  return line.replace(/\bentities\[(\d+)\](?:\.|(?=:))/, (_m, n: string) => `${entryLabel(doc, Number(n), lines)}, `).replace(/, : /, ': ');
}

export function checkRegistry(file: string, doc: RegistryDoc, lines?: readonly number[]): string[] {
  const errors: string[] = [];
  const ids = new Map<string, number>();
  const label = (i: number): string => entryLabel(doc, i, lines);
  doc.entities.forEach((e, i) => {
    const first = ids.get(e.id);
    if (first !== undefined) errors.push(`${file}: ${label(i)}, id: "${e.id}" is already used by the entry on ${lines?.[first] !== undefined ? `line ${lines[first]}` : `entities[${first}]`}`);
    else ids.set(e.id, i);
  });

  // Aliases: the same words (after folding case, diacritics, apostrophes, dashes) may belong
  // to two entities only when every claim is weak and marked shared.
  interface Claim {
    entity: number;
    alias: number;
    weak: boolean;
    shared: boolean;
  }
  const claims = new Map<string, Claim[]>();
  doc.entities.forEach((e, i) => {
    const own = new Set<string>();
    e.aliases.forEach((raw, j) => {
      const a = resolveAlias(raw);
      const key = aliasKey(a.text);
      const ownKey = `${key}|${a.caseSensitive ? a.text : ''}`;
      if (own.has(ownKey)) errors.push(`${file}: ${label(i)}, aliases[${j}].text: "${a.text}" is listed twice for ${e.id}`);
      own.add(ownKey);
      const list = claims.get(key) ?? [];
      if (!list.some((c) => c.entity === i)) list.push({ entity: i, alias: j, weak: a.strength === 'weak', shared: a.shared });
      claims.set(key, list);
    });
  });
  // Anchors: an existing other entity, on a weak alias (a strong one needs no licence).
  doc.entities.forEach((e, i) => {
    e.aliases.forEach((raw, j) => {
      if (typeof raw === 'string' || raw.anchor === undefined) return;
      const field = `${file}: entities[${i}].aliases[${j}].anchor`;
      if (!ids.has(raw.anchor) || raw.anchor === e.id) errors.push(`${field}: "${raw.anchor}" is not another entity of the registry`);
      if (raw.strength !== 'weak') errors.push(`${field}: only a weak alias (strength: weak) can have an anchor`);
    });
  });
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    const ok = list.every((c) => c.weak && c.shared);
    if (ok) continue;
    for (const c of list) {
      const others = list.filter((o) => o !== c).map((o) => label(o.entity));
      const text = resolveAlias(doc.entities[c.entity]?.aliases[c.alias] ?? '').text;
      errors.push(
        `${file}: ${label(c.entity)}, aliases[${c.alias}].text: "${text}" is also claimed by ${others.join(', ')}; ` +
          'remove one, or make every claim weak and shared: true',
      );
    }
  }
  return errors;
}

/** Finds a curated citation verbatim in its source, or returns an error line. */
export function locateCitation(
  file: string,
  field: string,
  c: RegistryCitation,
  sources: Map<string, { text: string; textFile: string }>,
): Citation | string {
  const src = sources.get(c.source);
  if (!src) {
    const known = [...sources.keys()].sort();
    const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … ${known.length - 12} more` : known.join(', ');
    return `${file}: ${field}.source: unknown source "${c.source}" (known: ${list})`;
  }
  const wanted = c.occurrence ?? 1;
  let at = -1;
  for (let n = 0; n < wanted; n++) {
    at = src.text.indexOf(c.text, at + 1);
    if (at < 0) break;
  }
  if (at < 0) {
    const which = wanted > 1 ? `occurrence ${wanted} of ` : '';
    return `${file}: ${field}.text: ${which}"${c.text}" is not verbatim in ${src.textFile}${nearMiss(src.text, c.text)}`;
  }
  return { source: c.source, start: at, end: at + c.text.length, text: c.text };
}

const CHAR_NAMES: Record<string, string> = {
  "'": 'straight apostrophe', '\u2019': 'curly apostrophe', '\u2018': 'curly opening single quote', '"': 'straight double quote',
  '\u201C': 'curly opening double quote', '\u201D': 'curly closing double quote', '-': 'hyphen-minus', '\u2010': 'hyphen',
  '\u2011': 'non-breaking hyphen', '\u2013': 'en dash', '\u2014': 'em dash', ' ': 'space', '\u00a0': 'no-break space',
};

function describeChar(ch: string): string {
  const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${JSON.stringify(ch)} (${code}${CHAR_NAMES[ch] ? `, ${CHAR_NAMES[ch]}` : ''})`;
}

/** When the words are there but some characters differ (apostrophes, quotes, dashes, case), say which. */
function nearMiss(source: string, wanted: string): string {
  const at = fold(source, false).indexOf(fold(wanted, false));
  if (at < 0) return '';
  const found = source.slice(at, at + wanted.length);
  if (found === wanted) return '';
  const diffs: string[] = [];
  for (let i = 0; i < wanted.length && diffs.length < 3; i++) {
    if (found[i] !== wanted[i]) diffs.push(`character ${i + 1} is ${describeChar(wanted[i] ?? '')} here but ${describeChar(found[i] ?? '')} in the source`);
  }
  return `; the source has ${JSON.stringify(found)} at offset ${at}: ${diffs.join('; ')}`;
}
