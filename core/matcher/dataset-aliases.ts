import type { Dataset } from '../dataset-types';
import type { AliasEntry } from '../matcher-types';

/**
 * Every alias of every entity, as compileIndex takes them. The dataset's alias lists are
 * authoritative: an entity's `name` is not added (it may be descriptive, like
 * "White Helmets (Syrian Civil Defense)"); list it as an alias to match it.
 */
export function aliasEntriesFromDataset(dataset: Pick<Dataset, 'entities'>): AliasEntry[] {
  return dataset.entities.flatMap((e) =>
    e.aliases.map((a) => {
      const entry: AliasEntry = { entity: e.id, type: e.type, text: a.text, strength: a.strength, caseSensitive: a.caseSensitive };
      if (a.anchor !== undefined && a.strength === 'weak') entry.anchor = a.anchor;
      return entry;
    }),
  );
}
