import { describe, expect, it } from 'vitest';
import { applyFirstReference, compileIndex, loadMatcher } from '../../../../core/matcher';
import type { AliasEntry, TextMatch } from '../../../../core/matcher-types';
import { SEED_ALIASES } from './fixtures';

const matcher = loadMatcher(JSON.parse(JSON.stringify(compileIndex(SEED_ALIASES))));

/** "text@start:entity" for each match, with (w) on weak ones. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${text.slice(m.start, m.end)}:${m.entity}${m.weak ? '(w)' : ''}`);
}

describe('whole words, Unicode-aware boundaries', () => {
  it.each([
    ['Churkin said', ['Churkin:churkin']],
    ['Churkinson said', []],
    ['McChurkin said', []],
    ['Churkin2 and 2Churkin', []],
    ['(Churkin), Churkin, “Churkin”', ['Churkin:churkin', 'Churkin:churkin', 'Churkin:churkin']],
    ['Churkin😀 😀Churkin', ['Churkin:churkin', 'Churkin:churkin']],
    ['𝐀Churkin', []], // an astral-plane letter glues
    ['Churkin𝐀', []],
    ['שלום Churkin שלום', ['Churkin:churkin']],
    ['\u200fChurkin\u200e', ['Churkin:churkin']],
    ['Чуркин Churkin', ['Churkin:churkin']],
    ['ЧChurkin', []],
  ])('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('normalisation keeps original offsets', () => {
  it.each([
    ['Francois Delattre', 'Francois Delattre'],
    ['François Delattre', 'François Delattre'],
    ['Franc\u0327ois Delattre', 'Franc\u0327ois Delattre'], // NFD
    ['FRANÇOIS DELATTRE', 'FRANÇOIS DELATTRE'],
    ['Vitaly\nChurkin', 'Vitaly\nChurkin'],
    ['Vitaly\u00a0Churkin', 'Vitaly\u00a0Churkin'],
    ['Vitaly  \n\t Churkin', 'Vitaly  \n\t Churkin'],
    ['Bashar al-Assad', 'Bashar al-Assad'],
    ['Bashar al\u2011Assad', 'Bashar al\u2011Assad'],
    ['Bashar al–Assad', 'Bashar al–Assad'],
    ['Ban Ki–moon', 'Ban Ki–moon'],
    ['Ban Ki\u2010moon', 'Ban Ki\u2010moon'],
    ["Stephen O'Brien", "Stephen O'Brien"],
    ['Stephen O’Brien', 'Stephen O’Brien'],
    ['Chur\u00adkin', 'Chur\u00adkin'], // soft hyphen
  ])('%j', (text, want) => {
    const [m] = matcher.find(`x ${text} y`);
    expect(m && `x ${text} y`.slice(m.start, m.end)).toBe(want);
  });

  it('covers only the name in possessives', () => {
    expect(found("Churkin's veto, Churkin’s veto, Churkins' veto")).toEqual(['Churkin:churkin', 'Churkin:churkin']);
  });

  it('extends over combining marks after the last letter', () => {
    expect(found('Churkin\u0301 said')).toEqual(['Churkin\u0301:churkin']);
  });

  it('honours case-sensitive aliases', () => {
    expect(found('the UN said; the un said; Un')).toEqual(['UN:un']);
  });
});

describe('longest match wins, leftmost first, no overlaps', () => {
  it('prefers the longer alias', () => {
    expect(found('Syrian President Bashar al-Assad and the UN Security Council')).toEqual([
      'Bashar al-Assad:assad',
      'UN Security Council:unsc',
    ]);
  });

  it('resolves overlaps leftmost-longest', () => {
    const m = loadMatcher(
      compileIndex([
        { entity: 'ab', type: 'person', text: 'a b', strength: 'strong', caseSensitive: false },
        { entity: 'bcd', type: 'person', text: 'b c d', strength: 'strong', caseSensitive: false },
        { entity: 'cd', type: 'person', text: 'c d', strength: 'strong', caseSensitive: false },
      ]),
    );
    expect(m.find('a b c d').map((x) => x.entity)).toEqual(['ab', 'cd']);
    expect(m.find('x b c d').map((x) => x.entity)).toEqual(['bcd']);
  });

  it('falls back to a shorter alias when the longer one is not a whole word', () => {
    expect(found('UN Security Councils')).toEqual(['UN:un']);
  });
});

describe('weak aliases: local context', () => {
  it.each([
    ['world powers and veto power', []],
    ['China bans coal', []],
    ['Will Power won the race', []],
    ['Ban Ki-sang visited', []],
    ['POWER SAYS', []],
    ['power said', []],
    ['Power said', ['Power:power(w)']],
    ['Then Power said', ['Power:power(w)']],
    ['He said. Power said', ['Power:power(w)']],
    ['Ambassador Power said', ['Power:power(w)']],
    ['Secretary-General Ban said', ['Ban:ban(w)']],
    ['Mr. Ban said', ['Ban:ban(w)']],
    ['(Ban)', ['Ban:ban(w)']],
    ["Power's view", ['Power:power(w)']],
    ['President Assad', ['Assad:assad(w)']],
  ])('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it('allows a capital on a lower-case particle, as at a sentence start', () => {
    const m = loadMatcher(compileIndex([{ entity: 'assad', type: 'person', text: 'al-Assad', strength: 'weak', caseSensitive: false }]));
    const text = 'al-Assad; Al-Assad; AL-ASSAD; al-assad';
    expect(m.find(text).map((x) => text.slice(x.start, x.end))).toEqual(['al-Assad', 'Al-Assad']);
  });

  it('prefers a strong variant of the same alias', () => {
    const m = loadMatcher(
      compileIndex([
        { entity: 'x', type: 'person', text: 'Rex', strength: 'weak', caseSensitive: true },
        { entity: 'x', type: 'person', text: 'REX', strength: 'strong', caseSensitive: true },
      ]),
    );
    expect(m.find('REX and Rex and rex')).toEqual([
      { start: 0, end: 3, entity: 'x', weak: false },
      { start: 8, end: 11, entity: 'x', weak: true },
    ]);
  });
});

describe('applyFirstReference', () => {
  const doc = [
    'Ban called on world powers. Power said nothing.',
    'US Ambassador Samantha Power spoke. Power left. Ban Ki-moon arrived.',
    'Ban spoke.',
  ];

  it('keeps weak matches only after a strong one of the same entity', () => {
    const kept = applyFirstReference(doc.map((t) => matcher.find(t)));
    const text = kept.map((ms, b) => ms.map((m) => doc[b]!.slice(m.start, m.end)));
    expect(text).toEqual([[], ['Samantha Power', 'Power', 'Ban Ki-moon'], ['Ban']]);
  });

  it('continues incrementally with a shared set', () => {
    const seen = new Set<string>();
    const all = doc.map((t) => matcher.find(t));
    const inOne = applyFirstReference(all);
    const inChunks = [...applyFirstReference(all.slice(0, 2), seen), ...applyFirstReference(all.slice(2), seen)];
    expect(inChunks).toEqual(inOne);
    expect([...seen].sort()).toEqual(['ban', 'power']);
  });

  it('does not mutate its input', () => {
    const blocks: TextMatch[][] = [[{ start: 0, end: 3, entity: 'ban', weak: true }]];
    expect(applyFirstReference(blocks)).toEqual([[]]);
    expect(blocks[0]).toHaveLength(1);
  });
});

describe('compileIndex', () => {
  const e = (entity: string, text: string, type: AliasEntry['type'] = 'person'): AliasEntry => ({
    entity,
    type,
    text,
    strength: 'strong',
    caseSensitive: false,
  });

  it('names both entities when aliases collide after normalisation', () => {
    expect(() => compileIndex([e('a', 'François'), e('b', 'FRANCOIS')])).toThrow(/"a".*"b"|"b".*"a"/);
  });

  it('rejects an alias that normalises to nothing', () => {
    expect(() => compileIndex([e('a', ' \u0301 ')])).toThrow(/normalises to nothing/);
  });

  it('rejects an entity with two types', () => {
    expect(() => compileIndex([e('a', 'x'), e('a', 'y', 'place')])).toThrow(/two types/);
  });

  it('is deterministic and order-independent', () => {
    const a = JSON.stringify(compileIndex(SEED_ALIASES));
    expect(JSON.stringify(compileIndex([...SEED_ALIASES].reverse()))).toBe(a);
  });

  it('types entities', () => {
    expect(matcher.typeOf('unsc')).toBe('organization');
    expect(matcher.typeOf('aleppo')).toBe('place');
    expect(matcher.typeOf('nobody')).toBeUndefined();
  });

  it('handles an empty index and empty text', () => {
    expect(loadMatcher(compileIndex([])).find('Churkin')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
  });
});
