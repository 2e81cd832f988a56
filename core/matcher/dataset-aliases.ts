import type { Dataset } from '../dataset-types';
import type { AliasEntry } from '../matcher-types';
import { normalizeKey } from '../normalize';

/**
 * Every alias of every entity as matcher entries. The entity's `name` is added as a strong,
 * case-insensitive alias unless one of its aliases already normalises to the same key.
 */
export function aliasEntriesFromDataset(dataset: Pick<Dataset, 'entities'>): AliasEntry[] {
  const out: AliasEntry[] = [];
  for (const e of dataset.entities) {
    const keys = new Set<string>();
    for (const a of e.aliases) {
      out.push({ entity: e.id, type: e.type, text: a.text, strength: a.strength, caseSensitive: a.caseSensitive });
      keys.add(normalizeKey(a.text));
    }
    if (e.name && !keys.has(normalizeKey(e.name))) {
      out.push({ entity: e.id, type: e.type, text: e.name, strength: 'strong', caseSensitive: false });
    }
  }
  return out;
}
