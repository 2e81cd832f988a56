// Whatever text a new article brings, extraction terminates and every span it returns is
// inside the text and well-formed (property test over seed-like fragments).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSource } from '../../../../core/dataset/attribution';
import { registryNames } from '../../../../core/dataset/classify-quote';
import { findExtractionRefs } from '../../../../core/dataset/mentions';
import { realRegistry } from './helpers';

const FRAGMENTS = [
  'Churkin', 'Samantha Power', 'Power', 'Ban', 'Ban Ki-moon', 'UNICEF', 'the statement', 'he', 'He', 'said', 'told',
  'called', 'on', 'the', 'group', 'Aleppo', 'so-called', 'adding', 'that', 'and', ',', '.', ' ', ' ', ' ', '\n', '\n\n',
  '“', '”', '"', "'", '‘', '’', 'U.N.', 'Sept.', '—', 'who heads the agency', 'according to', 'were accused', 'Residents',
];

describe('robustness', () => {
  const entities = realRegistry().entities;
  const names = registryNames(entities);
  it('returns in-bounds, non-empty spans for any mix of seed-like fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.constantFrom(' ', ''), (parts, sep) => {
        const text = parts.join(sep);
        const r = analyseSource(text, findExtractionRefs(text, entities), names);
        for (const q of r.quotes) {
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
