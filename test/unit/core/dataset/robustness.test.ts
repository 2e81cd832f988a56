// Whatever text a new article brings, extraction terminates and every span it returns is
// inside the text and well-formed (property test over seed-like fragments).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticleDetails } from '../../../../core/dataset/article';
import { realRegistry, TEST_META } from './helpers';

const FRAGMENTS = [
  'Churkin', 'Samantha Power', 'Power', 'Ban', 'Ban Ki-moon', 'UNICEF', 'the statement', 'he', 'He', 'said', 'told',
  'called', 'on', 'the', 'group', 'Aleppo', 'so-called', 'adding', 'that', 'and', ',', '.', ' ', ' ', ' ', '\n', '\n\n',
  'Sergei Lavrov', 'Foreign Minister', 'the foreign minister', 'Russian', "Russia's", 'John Kirby', 'spokesman', 'a group of',
  '(OPCW)', 'Organisation for the Prohibition', 'meanwhile', 'Ambassador to the UN',
  '“', '”', '"', "'", '‘', '’', 'U.N.', 'Sept.', '—', 'who heads the agency', 'according to', 'were accused', 'Residents',
];

describe('robustness', () => {
  const registry = realRegistry();
  it('returns in-bounds, non-empty spans for any mix of seed-like fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.constantFrom(' ', ''), (parts, sep) => {
        const text = parts.join(sep);
        const r = extractArticleDetails({ meta: TEST_META, text }, [], registry);
        for (const e of r.entities) for (const c of e.roles) expect(text.slice(c.start, c.end)).toBe(c.text);
        for (const q of r.findings) {
          expect(q.start).toBeGreaterThanOrEqual(q.span.open);
          expect(q.end).toBeLessThanOrEqual(text.length);
          if (!q.excluded) expect(q.end).toBeGreaterThan(q.start);
        }
        for (const s of r.statements) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
