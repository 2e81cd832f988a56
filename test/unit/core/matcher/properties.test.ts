import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFirstReference, compileIndex, loadMatcher } from '../../../../core/matcher';
import type { AliasEntry, Matcher, TextMatch } from '../../../../core/matcher-types';
import { normalizeKey } from '../../../../core/normalize';
import { RUNS, TIMEOUT, caseArb, entriesArb, textArb } from './arbitraries';
import { oracleFind } from './oracle';
import { SEED_ALIASES } from './fixtures';

const load = (entries: AliasEntry[]): Matcher => loadMatcher(JSON.parse(JSON.stringify(compileIndex(entries))));
const seedMatcher = load(SEED_ALIASES);

function wellFormed(matches: TextMatch[], text: string): void {
  let lastEnd = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(lastEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    lastEnd = m.end;
  }
}

describe('matcher properties', () => {
  it('returns exactly what the brute-force oracle returns', () => {
    fc.assert(
      fc.property(entriesArb, textArb, (entries, text) => {
        expect(load(entries).find(text)).toEqual(oracleFind(entries, text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('agrees with the oracle on texts made of respelled aliases', () => {
    fc.assert(
      fc.property(caseArb, ([entries, text]) => {
        expect(load(entries).find(text)).toEqual(oracleFind(entries, text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('finds every alias planted between spaces in a text of other aliases', () => {
    fc.assert(
      fc.property(entriesArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (entries, picks) => {
        const strong = entries.filter((e) => e.strength === 'strong');
        fc.pre(strong.length > 0);
        const text = picks.map((p) => strong[p % strong.length]!.text).join(' , ');
        const m = load(entries);
        expect(m.find(text)).toEqual(oracleFind(entries, text));
        expect(m.find(text).length).toBeGreaterThanOrEqual(picks.length);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('never throws on arbitrary Unicode strings, and matches are sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        wellFormed(seedMatcher.find(text), text);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('matches are sorted, disjoint, and each one normalises to an alias of its entity', () => {
    fc.assert(
      fc.property(entriesArb, textArb, (entries, text) => {
        const matches = load(entries).find(text);
        wellFormed(matches, text);
        for (const m of matches) {
          const key = normalizeKey(text.slice(m.start, m.end));
          expect(entries.some((e) => e.entity === m.entity && normalizeKey(e.text) === key)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('compileIndex output survives JSON and ignores entry order', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const a = compileIndex(entries);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        expect(compileIndex([...entries].reverse())).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('applyFirstReference: chunked equals whole, and every kept weak match follows a strong one', () => {
    const match = fc.record({ start: fc.nat(), end: fc.nat(), entity: fc.constantFrom('a', 'b', 'c'), weak: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(match, { maxLength: 5 }), { maxLength: 6 }), fc.nat(), (blocks, cut) => {
        const whole = applyFirstReference(blocks);
        const seen = new Set<string>();
        const at = cut % (blocks.length + 1);
        expect([...applyFirstReference(blocks.slice(0, at), seen), ...applyFirstReference(blocks.slice(at), seen)]).toEqual(whole);
        const strongSoFar = new Set<string>();
        for (const block of whole) {
          for (const m of block) {
            if (m.weak) expect(strongSoFar.has(m.entity)).toBe(true);
            else strongSoFar.add(m.entity);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
