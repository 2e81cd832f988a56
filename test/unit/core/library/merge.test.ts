// Bundled + library as one dataset: library people join, a person two articles introduce is
// one entity with both articles' roles, an alias another entity owns is left out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../../../core/dataset-types';
import { mergeLibrary } from '../../../../core/library/merge';
import type { LibraryEntry } from '../../../../core/library/types';
import { aliasEntriesFromDataset, compileIndex } from '../../../../core/matcher';

const bundled = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../data/dataset.json'), 'utf8')) as Dataset;

function entry(id: string, addedAt: string, entities: Entity[]): LibraryEntry {
  const meta = { id, title: id, titleDerived: false, outlet: 'o', published: '', dateline: '', url: null };
  return { id, hash: '', meta, author: '', text: 'Jane Roe spoke. Jane Roe, a judge, said so.', addedAt, extractor: 1, extraction: { entities, quotes: [], statements: [], mentions: [{ entity: entities[0]!.id, source: id, start: 0, end: 8 }] } };
}
const jane = (source: string, role: string, extra: Entity['aliases'] = []): Entity => ({
  id: 'lib-jane-roe',
  name: 'Jane Roe',
  type: 'person',
  aliases: [{ text: 'Jane Roe', strength: 'strong', caseSensitive: true }, ...extra],
  description: { source, start: 26, end: 26 + role.length, text: role },
  citations: [],
  roles: [],
});

describe('mergeLibrary', () => {
  it('keeps every bundled entity and source, adds the library, and marks library sources', () => {
    const { dataset, librarySources } = mergeLibrary(bundled, [entry('lib-a', '1', [jane('lib-a', 'a judge')])]);
    expect(dataset.entities.length).toBe(bundled.entities.length + 1);
    expect(dataset.sources.map((s) => s.id)).toEqual([...bundled.sources.map((s) => s.id), 'lib-a']);
    expect([...librarySources]).toEqual(['lib-a']);
  });

  it('one person introduced by two articles is one entity with both roles', () => {
    const { dataset } = mergeLibrary(bundled, [entry('lib-b', '2', [jane('lib-b', 'a judge')]), entry('lib-a', '1', [jane('lib-a', 'a lawyer')])]);
    const j = dataset.entities.filter((e) => e.id === 'lib-jane-roe');
    expect(j).toHaveLength(1);
    expect(j[0]!.description?.source).toBe('lib-a');
    expect(j[0]!.citations.map((c) => c.source)).toEqual(['lib-b']);
  });

  it('drops a library alias that a bundled entity owns, so the merged index compiles', () => {
    const owned = bundled.entities[0]!.aliases[0]!.text;
    const { dataset } = mergeLibrary(bundled, [entry('lib-a', '1', [jane('lib-a', 'a judge', [{ text: owned, strength: 'strong', caseSensitive: true }])])]);
    expect(dataset.entities.find((e) => e.id === 'lib-jane-roe')!.aliases.map((a) => a.text)).toEqual(['Jane Roe']);
    expect(() => compileIndex(aliasEntriesFromDataset(dataset))).not.toThrow();
  });
});
