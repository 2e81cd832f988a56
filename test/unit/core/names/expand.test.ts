import { describe, expect, it } from 'vitest';
import type { Alias, Entity, EntityType } from '../../../../core/dataset-types';
import { expandAliases, numberForms, singularOf } from '../../../../core/names';
import { englishWords } from '../../../../core/names/english';

const words = englishWords();

function entity(id: string, type: EntityType, ...aliases: (string | Partial<Alias> & { text: string })[]): Entity {
  return {
    id,
    name: typeof aliases[0] === 'string' ? aliases[0] : (aliases[0]?.text ?? id),
    type,
    aliases: aliases.map((a) => (typeof a === 'string' ? { text: a, strength: 'strong', caseSensitive: true } : { strength: 'strong', caseSensitive: true, ...a })),
    description: null,
    citations: [],
    roles: [],
  };
}

const texts = (e: Entity | undefined): string[] => (e?.aliases ?? []).map((a) => a.text);
const alias = (e: Entity | undefined, text: string): Alias | undefined => e?.aliases.find((a) => a.text === text);

describe('expandAliases', () => {
  it('adds spelling variants that inherit strength and case rule', () => {
    const [assad] = expandAliases(
      [entity('assad', 'person', { text: 'Bashar al-Assad', caseSensitive: false }, { text: 'Assad', strength: 'weak' })],
      { words, registry: [{ id: 'assad', aliases: ['Bashar al-Assad', { text: 'Assad', strength: 'weak' }] }] },
    );
    expect(alias(assad, 'Bashar al Assad')).toEqual({ text: 'Bashar al Assad', strength: 'strong', caseSensitive: false });
    expect(alias(assad, 'Asad')).toEqual({ text: 'Asad', strength: 'weak', caseSensitive: true });
  });

  it('decides unpinned strengths by the word list and keeps pinned ones', () => {
    const [power, churkin] = expandAliases(
      [entity('power', 'person', 'Samantha Power', 'Power'), entity('churkin', 'person', 'Vitaly Churkin', 'Churkin', 'Vitaly')],
      { words, registry: [{ id: 'churkin', aliases: ['Vitaly Churkin', 'Churkin', { text: 'Vitaly', strength: 'weak' }] }] },
    );
    expect(alias(power, 'Power')?.strength).toBe('weak');
    expect(alias(power, 'Samantha Power')?.strength).toBe('strong');
    expect(alias(churkin, 'Churkin')?.strength).toBe('strong');
    expect(alias(churkin, 'Vitaly')?.strength).toBe('weak');
    // A strength pinned strong stays strong even on an English word.
    const [pinned] = expandAliases([entity('p', 'person', 'Power')], { words, registry: [{ id: 'p', aliases: [{ text: 'Power', strength: 'strong' }] }] });
    expect(alias(pinned, 'Power')?.strength).toBe('strong');
  });

  it('makes an alias two entities claim weak', () => {
    const out = expandAliases([entity('a', 'person', 'Rami Nasser', 'Nasser'), entity('b', 'person', 'Gamal Nasser', 'Nasser')], { words });
    expect(alias(out[0], 'Nasser')?.strength).toBe('weak');
    expect(alias(out[1], 'Nasser')?.strength).toBe('weak');
  });

  it('never generates another entity’s alias or name, nor a variant two entities both generate', () => {
    const out = expandAliases(
      [entity('a', 'person', 'Asad'), entity('b', 'person', 'Assad'), entity('c', 'person', 'Hassan'), entity('d', 'person', 'Hasan Sami', 'Hasan')],
      { words },
    );
    expect(texts(out[0])).toContain('Ased');
    expect(texts(out[0])).not.toContain('Assad');
    expect(texts(out[1])).not.toContain('Asad');
    expect(texts(out[2])).toContain('Hassen');
    expect(texts(out[2])).not.toContain('Hasan');
    // "Mouradi" (ou → o) and "Morady" (-y → -i) both give "Moradi": neither gets it.
    const both = expandAliases([entity('m', 'person', 'Mouradi'), entity('n', 'person', 'Morady')], { words });
    expect(texts(both[0])).toContain('Muradi');
    expect(texts(both[1])).toContain('Moradiy');
    expect([...texts(both[0]), ...texts(both[1])]).not.toContain('Moradi');
  });

  it('never generates an English word', () => {
    // "Vitaly" → "Vitally" is an English word; "Ballet" → "Balet"/"Ballat" vary an English word, which is never varied.
    const [v] = expandAliases([entity('v', 'person', 'Vitaly')], { words });
    expect(texts(v)).toEqual(expect.arrayContaining(['Vitali', 'Vitaliy']));
    expect(texts(v)).not.toContain('Vitally');
    expect(words.has('Vitally')).toBe(true);
  });

  it('applies the registry’s add and block', () => {
    const [e] = expandAliases([entity('m', 'person', 'Walid Mouallem', 'Mouallem')], {
      words,
      registry: [{ id: 'm', aliases: ['Walid Mouallem', 'Mouallem'], variants: { add: ['Muallim', { text: 'Moualem', strength: 'weak' }], block: ['Mouallam', 'Walid Mouallam'] } }],
    });
    expect(texts(e)).toContain('Muallim');
    expect(alias(e, 'Muallim')?.strength).toBe('strong');
    expect(alias(e, 'Moualem')?.strength).toBe('weak');
    expect(texts(e)).not.toContain('Mouallam');
    expect(texts(e)).not.toContain('Walid Mouallam');
    expect(texts(e)).toContain('Muallem');
  });

  it('adds the singular of a group named in the plural, for groups and organisations only', () => {
    const [g, p] = expandAliases([entity('g', 'organization', 'White Helmets'), entity('p', 'place', 'Golan Heights')], { words });
    expect(texts(g)).toContain('White Helmet');
    expect(texts(p)).not.toContain('Golan Height');
  });

  it('is deterministic and leaves its input alone', () => {
    const input = [entity('c', 'person', 'Vitaly Churkin', 'Churkin')];
    const copy = structuredClone(input);
    expect(expandAliases(input, { words })).toEqual(expandAliases(copy, { words }));
    expect(input).toEqual(copy);
  });
});

describe('number forms', () => {
  it('singular of English plurals', () => {
    expect(singularOf('Helmets')).toBe('Helmet');
    expect(singularOf('Militias')).toBe('Militia');
    expect(singularOf('Forces')).toBe('Force');
    expect(singularOf('Companies')).toBe('Company');
    expect(singularOf('Churches')).toBe('Church');
    expect(singularOf('Isis')).toBeNull();
    expect(singularOf('Hamas')).toBe('Hama'); // one word: never a form (below)
  });

  it('only for capitalised names whose singular is an English word', () => {
    const opts = { isWord: words.has };
    expect(numberForms('White Helmets', opts)).toEqual(['White Helmet']);
    expect(numberForms('Hamas', opts)).toEqual([]);
    expect(numberForms('Syrian Observatory for Human Rights', opts)).toEqual([]);
    expect(numberForms('Houthi', opts)).toEqual(['Houthis']);
  });
});
