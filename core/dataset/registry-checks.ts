// Checks on the registry that a schema cannot express: unique ids, one owner per alias,
// descriptions and citations found verbatim in the sources they name.

import type { Citation } from '../dataset-types';
import { resolveAlias, type RegistryCitation, type RegistryDoc } from './inputs';
import { aliasKey } from './text';

export function checkRegistry(file: string, doc: RegistryDoc): string[] {
  const errors: string[] = [];
  const ids = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    const first = ids.get(e.id);
    if (first !== undefined) errors.push(`${file}: entities[${i}].id: "${e.id}" is already used by entities[${first}]`);
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
      if (own.has(ownKey)) errors.push(`${file}: entities[${i}].aliases[${j}].text: "${a.text}" is listed twice for ${e.id}`);
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
      const others = list.filter((o) => o !== c).map((o) => `entities[${o.entity}] (${doc.entities[o.entity]?.id ?? '?'})`);
      const text = resolveAlias(doc.entities[c.entity]?.aliases[c.alias] ?? '').text;
      errors.push(
        `${file}: entities[${c.entity}].aliases[${c.alias}].text: "${text}" is also claimed by ${others.join(', ')}; ` +
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
  if (!src) return `${file}: ${field}.source: unknown source "${c.source}" (known: ${[...sources.keys()].sort().join(', ')})`;
  const wanted = c.occurrence ?? 1;
  let at = -1;
  for (let n = 0; n < wanted; n++) {
    at = src.text.indexOf(c.text, at + 1);
    if (at < 0) break;
  }
  if (at < 0) {
    const which = wanted > 1 ? `occurrence ${wanted} of ` : '';
    return `${file}: ${field}.text: ${which}"${c.text}" is not verbatim in ${src.textFile}`;
  }
  return { source: c.source, start: at, end: at + c.text.length, text: c.text };
}
