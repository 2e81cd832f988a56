import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKIP, classifyByRegex, classifyFast, exactUnit, foldUnit, normalizeExact, normalizeKey, unitFlags } from '../../../../core/normalize';
import { RUNS, TIMEOUT } from './arbitraries';

describe('normalizeKey', () => {
  it.each([
    ['François', 'francois'],
    ['Franc\u0327ois', 'francois'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Οδυσσευς', 'οδυσσευσ'],
    ['  Vitaly \n\u00a0 Churkin  ', 'vitaly churkin'],
    ['al\u2011Assad', 'al-assad'],
    ['Ki–moon', 'ki-moon'],
    ['O’Brien', "o'brien"],
    ['Chur\u00adkin', 'churkin'],
    ['한국', '한국'], // Hangul syllables are not decomposed into jamo
    ['Σ😀𝐀', 'σ😀𝐀'],
  ])('%j → %j', (text, key) => {
    expect(normalizeKey(text)).toBe(key);
  });

  it('keeps case in normalizeExact', () => {
    expect(normalizeExact(' François  Delattre ')).toBe('Francois Delattre');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const k = normalizeKey(s);
        expect(normalizeKey(k)).toBe(k);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  // Only for scripts whose marks we drop (Latin, Greek, Cyrillic): in NFD, Japanese
  // dakuten or Hangul jamo are kept as they are, so NFD text there matches NFD aliases only.
  it('gives NFC and NFD forms of Latin, Greek and Cyrillic text the same key', () => {
    const letter = fc.oneof(
      fc.integer({ min: 0x41, max: 0x7a }),
      fc.integer({ min: 0xc0, max: 0x24f }),
      fc.integer({ min: 0x386, max: 0x3ce }),
      fc.integer({ min: 0x400, max: 0x4ff }),
      fc.integer({ min: 0x1e00, max: 0x1eff }),
    );
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 20 }), (cps) => {
        const s = String.fromCodePoint(...cps);
        expect(normalizeKey(s.normalize('NFD'))).toBe(normalizeKey(s.normalize('NFC')));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('folds every BMP code unit consistently: case fold of the exact fold is the case fold', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (!(unitFlags(c) & SKIP) && foldUnit(exactUnit(c)) !== foldUnit(c)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  }, 30_000);
});

describe('classifyFast', () => {
  it('agrees with the regex definitions on every unit it covers (U+0000–U+017F, U+2000–U+206F), and covers nothing else', () => {
    const covered: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const fast = classifyFast(c);
      if (fast === null) continue;
      covered.push(c);
      expect([c, ...fast]).toEqual([c, ...classifyByRegex(c)]);
    }
    expect(covered.length).toBe(0x180 + 0x70);
    expect(covered.every((c) => c < 0x180 || (c >= 0x2000 && c <= 0x206f))).toBe(true);
  });
});
