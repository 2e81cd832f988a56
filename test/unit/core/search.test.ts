import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/dataset-types';
import { capQuery, EntitySearch, MAX_QUERY_CHARS, prefixDistance, searchEntries, searchKey, type SearchEntry } from '../../../core/search';

/** A hand-made entity: only what the search reads. */
const e = (id: string, name: string, aliases: string[] = [], weight = 0, type: SearchEntry['type'] = 'person'): SearchEntry => ({
  id,
  name,
  type,
  aliases,
  weight,
  role: null,
});

const ids = (s: EntitySearch, q: string) => s.search(q).hits.map((h) => h.id);

describe('searchKey', () => {
  it('folds case, diacritics, dashes, dots and apostrophes the same way for names and queries', () => {
    expect(searchKey('François Delattre')).toBe(searchKey('FRANCOIS  delattre'));
    expect(searchKey('Ban Ki-moon')).toBe(searchKey('ban ki moon'));
    expect(searchKey('U.N. Security Council')).toBe(searchKey('UN security council'));
    expect(searchKey("United Nations Children's Fund")).toBe(searchKey('united nations childrens fund'));
  });

  it('leaves nothing of a query without letters or digits', () => {
    expect(searchKey('😀 🎉 !!')).toBe('');
    expect(searchKey('   ')).toBe('');
  });
});

describe('EntitySearch ranking', () => {
  // One entity per match kind for the query "power", given in the reverse of the expected order.
  const search = new EntitySearch([
    e('fuzzy', 'Pover Lane'), // "power" is one substitution from "pover"
    e('word', 'Atomic Power Authority', [], 50, 'organization'), // a later word starts with it
    e('prefix', 'Powerhouse Group', [], 40, 'group'), // the name starts with it
    e('alias', 'Samantha Power', ['Power'], 30), // an alias is exactly it
    e('name', 'Power', [], 0, 'place'), // the name is exactly it
  ]);

  it('orders exact name > exact alias > prefix > word prefix > fuzzy, whatever the weights', () => {
    const r = search.search('power');
    expect(r.hits.map((h) => h.id)).toEqual(['name', 'alias', 'prefix', 'word', 'fuzzy']);
    expect(r.hits.map((h) => h.kind)).toEqual(['name', 'alias', 'prefix', 'word', 'fuzzy']);
    expect(r.total).toBe(5);
  });

  it('says which alias matched, and nothing when the name did or already holds the alias', () => {
    const [name, alias] = search.search('POWER').hits;
    expect(name?.matched).toBeNull();
    expect(alias).toMatchObject({ id: 'alias', kind: 'alias', matched: null }); // "Samantha Power" holds "Power"
    const s = new EntitySearch([e('churkin', 'Vitaly Churkin', ['Churkin', 'Tschurkin'])]);
    expect(s.search('churkin').hits[0]).toMatchObject({ kind: 'alias', matched: null });
    expect(s.search('tschurkin').hits[0]).toMatchObject({ kind: 'alias', matched: 'Tschurkin' });
  });

  it('puts the more-cited first among matches of the same kind, then goes by name', () => {
    const s = new EntitySearch([e('b', 'Aleppo Citadel', [], 2), e('c', 'Aleppo Airport', [], 2), e('a', 'Aleppo', [], 1, 'place'), e('d', 'Aleppo Governorate', [], 9)]);
    // "alep" is a prefix of all four: weight 9, then the two 2s by name, then 1.
    expect(ids(s, 'alep')).toEqual(['d', 'c', 'b', 'a']);
    // The exact name still beats every prefix, whatever its weight.
    expect(ids(s, 'aleppo')[0]).toBe('a');
  });

  it('ranks fewer edits first among fuzzy matches', () => {
    const s = new EntitySearch([e('two', 'Nebenzoo Vassi', [], 99), e('one', 'Vassily Nebenzia')]);
    // "nebenzya" → "nebenzia" is 1 edit; → "nebenzoo" is 2 (8 letters allow 2).
    expect(ids(s, 'nebenzya')).toEqual(['one', 'two']);
    expect(s.search('nebenzya').hits.map((h) => h.kind)).toEqual(['fuzzy', 'fuzzy']);
  });

  it('finds a spelling variant as an exact alias when the sources use it', () => {
    const s = new EntitySearch([e('nebenzia', 'Vassily Nebenzia', ['Nebenzia', 'Nebenzya'])]);
    const [hit] = s.search('nebenzya').hits;
    expect(hit).toMatchObject({ id: 'nebenzia', kind: 'alias', matched: 'Nebenzya' });
  });

  it('is case- and diacritic-insensitive, joins hyphenated and spaced forms, and matches word prefixes in any order', () => {
    const s = new EntitySearch([
      e('delattre', 'François Delattre', ['Delattre']),
      e('ban', 'Ban Ki-moon', ['Ki-moon', 'Ban']),
      e('qaida', 'al-Qaida', ['al-Qaeda'], 0, 'group'),
      e('churkin', 'Vitaly Churkin', ['Churkin']),
    ]);
    expect(s.search('FRANCOIS DELATTRE').hits[0]).toMatchObject({ id: 'delattre', kind: 'name' });
    expect(s.search('ban ki moon').hits[0]).toMatchObject({ id: 'ban', kind: 'name' });
    expect(s.search('bankimoon').hits[0]).toMatchObject({ id: 'ban', kind: 'name' });
    expect(s.search('alqaeda').hits[0]).toMatchObject({ id: 'qaida', kind: 'alias' });
    expect(s.search('moon').hits[0]).toMatchObject({ id: 'ban', kind: 'word' });
    expect(s.search('churkin vit').hits[0]).toMatchObject({ id: 'churkin', kind: 'word' });
    // Two query words may not both claim the same word of a name.
    expect(ids(s, 'vit vita')).toEqual([]);
  });

  it('does no fuzzy matching on very short queries, where one edit reaches almost anything', () => {
    const s = new EntitySearch([e('ban', 'Ban Ki-moon')]);
    expect(ids(s, 'bun')).toEqual([]);
    expect(ids(s, 'bank')).toEqual(['ban']); // "bank" → "bank" of "banki…" compact form: a prefix
  });

  it('finds names written in any script', () => {
    const s = new EntitySearch([e('aleppo', 'Aleppo', ['حلب'], 0, 'place'), e('tokyo', 'Tokyo', ['東京'], 0, 'place')]);
    expect(s.search('حلب').hits[0]).toMatchObject({ id: 'aleppo', kind: 'alias', matched: 'حلب' });
    expect(s.search('東').hits[0]).toMatchObject({ id: 'tokyo', kind: 'prefix' });
  });

  it('keeps `limit` hits and counts them all', () => {
    const many = Array.from({ length: 30 }, (_, i) => e(`p${i}`, `Person ${i}`));
    const r = new EntitySearch(many).search('person', 10);
    expect(r.hits).toHaveLength(10);
    expect(r.total).toBe(30);
  });
});

describe('EntitySearch on bad input', () => {
  const s = new EntitySearch([e('ban', 'Ban Ki-moon', ['Ki-moon']), e('img', 'Imogen Srinivasan')]);

  it('finds nothing for nothing, white space, emoji or punctuation', () => {
    for (const q of ['', '   ', '😀', '<>', '\u0000']) expect(s.search(q)).toEqual({ hits: [], total: 0 });
  });

  it('treats markup as letters to match, not as anything else', () => {
    // "<img src=x …" folds to "img src x onerror alert 1": no entity has all those words.
    expect(s.search('<img src=x onerror=alert(1)>').hits).toEqual([]);
    expect(s.search('<b>Ban</b>').hits).toEqual([]);
  });

  it('matches only the first MAX_QUERY_CHARS characters of a huge query', () => {
    const huge = 'ban ki moon ' + 'x'.repeat(10_000);
    expect(capQuery(huge)).toHaveLength(MAX_QUERY_CHARS);
    expect(s.search(huge).hits).toEqual([]); // "ban ki moon xxxx…" names no one
    expect(s.search('Ban Ki-moon'.padEnd(10_000, ' ')).hits[0]?.id).toBe('ban'); // trailing space is no word
  });

  it('never cuts a surrogate pair in half', () => {
    const q = 'a'.repeat(MAX_QUERY_CHARS - 1) + '😀';
    const cut = capQuery(q);
    expect(cut).toBe('a'.repeat(MAX_QUERY_CHARS - 1));
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });
});

describe('prefixDistance', () => {
  it('counts the edits to the closest start of the text', () => {
    expect(prefixDistance('churkin', 'churkin', 2)).toBe(0);
    expect(prefixDistance('chur', 'churkin', 2)).toBe(0); // a prefix costs nothing
    expect(prefixDistance('churkn', 'churkin', 2)).toBe(1); // one letter left out
    expect(prefixDistance('chrukin', 'churkin', 2)).toBe(1); // two neighbours swapped
    expect(prefixDistance('tschurkin', 'churkin', 2)).toBe(2); // two letters too many
    expect(prefixDistance('abc', 'xyz', 1)).toBeNull();
  });
});

describe('searchEntries', () => {
  it('weighs each entity by how often the sources name it', () => {
    const dataset = {
      version: 1,
      sources: [],
      quotes: [],
      statements: [],
      entities: [
        { id: 'a', name: 'A', type: 'person', aliases: [{ text: 'Ay', strength: 'strong', caseSensitive: false }], description: null, roles: [], citations: [] },
        { id: 'b', name: 'B', type: 'place', aliases: [], description: { source: 's', start: 0, end: 3, text: 'Bee' }, roles: [], citations: [] },
      ],
      mentions: [
        { entity: 'a', source: 's', start: 0, end: 1 },
        { entity: 'a', source: 't', start: 0, end: 1 },
        { entity: 'b', source: 's', start: 2, end: 3 },
      ],
    } as unknown as Dataset;
    expect(searchEntries(dataset)).toEqual([
      { id: 'a', name: 'A', type: 'person', aliases: ['Ay'], weight: 2, role: null },
      { id: 'b', name: 'B', type: 'place', aliases: [], weight: 1, role: 'Bee' },
    ]);
  });
});

describe('the bundled dataset', () => {
  const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
  const s = new EntitySearch(searchEntries(dataset));

  it('finds every entity first by its own name', () => {
    for (const ent of dataset.entities) expect(s.search(ent.name).hits[0], ent.name).toMatchObject({ id: ent.id, kind: 'name' });
  });

  it('finds every entity by each of its aliases as an exact match', () => {
    for (const ent of dataset.entities) {
      for (const a of ent.aliases) {
        const hit = s.search(a.text).hits.find((h) => h.id === ent.id);
        expect(hit?.kind, `${ent.id} by "${a.text}"`).toMatch(/^(name|alias)$/);
      }
    }
  });
});
