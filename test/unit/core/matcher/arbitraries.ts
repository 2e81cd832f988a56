// fast-check generators for the matcher properties: texts and dictionaries drawn from a
// small, nasty alphabet so that aliases actually occur, overlap, touch and collide.

import fc from 'fast-check';
import { ENTITY_TYPES } from '../../../../core/dataset-types';
import type { AliasEntry } from '../../../../core/matcher-types';
import { normalizeKey } from '../../../../core/normalize';

/** Word-like pieces: cases, diacritics (NFC and NFD), other scripts, astral letters. */
const WORD_PIECES = ['ab', 'Ab', 'AB', 'ba', 'Ba', 'a', 'B', 'é', 'E\u0301', 'É', 'ß', 'σ', 'ς', 'Σ', '𝐀', 'א', '1', 'Mr', 'the', 'The'];
/** Separators and glue: spaces of all kinds, dashes, apostrophes, punctuation, emoji, invisibles. */
const GAP_PIECES = [' ', '  ', '\n', '\u00a0', '-', '\u2011', '–', "'", '’', ',', '(', '.', '😀', '\u00ad', '\u200b', '\u0301', '\u200f'];

const word = fc.constantFrom(...WORD_PIECES);
const gap = fc.constantFrom(...GAP_PIECES);

/** Random text: mostly words and gaps, sometimes arbitrary code units (lone surrogates too). */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 4, arbitrary: gap }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

/** Rarely, an alias starts or ends with punctuation ("'Ndrangheta", "Jr.") */
const edge = fc.constantFrom('', '', '', '', '', "'", '-', '.', '(');

const aliasText = fc
  .tuple(edge, word, fc.array(fc.tuple(fc.constantFrom(' ', '-', "'", ''), word), { maxLength: 2 }), edge)
  .map(([pre, w, rest, post]) => pre + w + rest.map(([g, x]) => g + x).join('') + post);


/** A random dictionary; aliases that normalise alike are moved to one entity, as the dataset must. */
export const entriesArb: fc.Arbitrary<AliasEntry[]> = fc
  .array(fc.record({ text: aliasText, entity: fc.integer({ min: 0, max: 5 }), weak: fc.boolean(), caseSensitive: fc.boolean() }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((raw) => {
    const owner = new Map<string, number>();
    return raw.map(({ text, entity, weak, caseSensitive }) => {
      const key = normalizeKey(text);
      const e = owner.get(key) ?? entity;
      owner.set(key, e);
      return { entity: `e${e}`, type: ENTITY_TYPES[e % ENTITY_TYPES.length]!, text, strength: weak ? 'weak' : 'strong', caseSensitive } satisfies AliasEntry;
    });
  });

const SPACE_VARIANTS = [' ', '  ', '\n', '\u00a0', ' \n '];
const DASH_VARIANTS = ['-', '\u2011', '–', '—'];
const APOSTROPHE_VARIANTS = ["'", '’'];

/** The alias as a page might spell it: other spaces, dashes, apostrophes, case, NFD. */
function respell(text: string, seed: number): string {
  let k = seed;
  const next = <T>(xs: readonly T[]): T => xs[(k = (k * 1103515245 + 12345) >>> 0) % xs.length]!;
  let out = [...text]
    .map((c) => (c === ' ' ? next(SPACE_VARIANTS) : c === '-' ? next(DASH_VARIANTS) : c === "'" ? next(APOSTROPHE_VARIANTS) : c))
    .join('');
  const form = seed % 6;
  if (form === 1) out = out.toUpperCase();
  else if (form === 2) out = out.toLowerCase();
  else if (form === 3) out = out.normalize('NFD');
  return out;
}

/** A dictionary and a text made largely of its aliases (respelled), words and gaps. */
export const caseArb: fc.Arbitrary<[AliasEntry[], string]> = entriesArb.chain((entries) =>
  fc.tuple(
    fc.constant(entries),
    fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(fc.nat(entries.length - 1), fc.nat()).map(([i, seed]) => respell(entries[i]!.text, seed)) },
          { weight: 2, arbitrary: word },
          { weight: 4, arbitrary: gap },
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join('')),
  ),
);

/** Number of runs per property: FC_RUNS, default 200 (npm run fuzz sets 10,000). */
export const RUNS = Number(process.env.FC_RUNS ?? 200) || 200;

/** Per-test time limit that grows with RUNS (10,000 runs take tens of seconds on a busy machine). */
export const TIMEOUT = 5_000 + RUNS * 10;
