// The bundled dataset and the library as one dataset: what the background's cards, viewer
// and the content script's matcher index are built from, once per library change.

import type { Alias, Dataset, Entity } from '../dataset-types';
import { normalizeKey } from '../normalize';
import type { LibraryEntry } from './types';

export interface Merged {
  dataset: Dataset;
  /** Ids of the sources that come from the reader's library. */
  librarySources: Set<string>;
}

/**
 * Library entities join the bundled ones: an id seen before (a person two saved articles
 * introduce) gains the later article's role lines; an alias that another entity already owns
 * is left out, so each alias keeps exactly one owner and the index compiles.
 */
export function mergeLibrary(bundled: Dataset, entries: readonly LibraryEntry[]): Merged {
  const entities = new Map<string, Entity>(bundled.entities.map((e) => [e.id, e]));
  const owner = new Map<string, string>();
  for (const e of bundled.entities) for (const a of e.aliases) owner.set(normalizeKey(a.text), e.id);
  const librarySources = new Set<string>();
  const dataset: Dataset = {
    version: 1,
    sources: [...bundled.sources],
    entities: [],
    quotes: [...bundled.quotes],
    statements: [...bundled.statements],
    mentions: [...bundled.mentions],
  };
  const ordered = [...entries].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
  for (const entry of ordered) {
    if (librarySources.has(entry.id)) continue;
    librarySources.add(entry.id);
    dataset.sources.push({ ...entry.meta, text: entry.text });
    for (const e of entry.extraction.entities) {
      const aliases: Alias[] = [];
      for (const a of e.aliases) {
        const key = normalizeKey(a.text);
        if (!key) continue;
        const o = owner.get(key);
        if (o !== undefined && o !== e.id) continue;
        owner.set(key, e.id);
        aliases.push(a);
      }
      const prev = entities.get(e.id);
      if (!prev) {
        entities.set(e.id, { ...e, aliases, citations: [...e.citations] });
        continue;
      }
      if (prev.type !== e.type) continue;
      const merged: Entity = { ...prev, aliases: [...prev.aliases], citations: [...prev.citations] };
      for (const a of aliases) if (!merged.aliases.some((x) => x.text === a.text)) merged.aliases.push(a);
      if (!merged.description && e.description) merged.description = e.description;
      else if (e.description) merged.citations.push(e.description);
      merged.citations.push(...e.citations);
      entities.set(e.id, merged);
    }
    const known = (id: string) => entities.has(id);
    dataset.quotes.push(...entry.extraction.quotes.map((q) => (q.speaker && !known(q.speaker) ? { ...q, speaker: null } : q)));
    dataset.statements.push(...entry.extraction.statements.filter((s) => known(s.entity)));
    dataset.mentions.push(...entry.extraction.mentions.filter((m) => known(m.entity)));
  }
  dataset.entities = [...entities.values()];
  return { dataset, librarySources };
}
