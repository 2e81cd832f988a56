// Segmentation, quote-mark pairing and alias matching on their own.

import { describe, expect, it } from 'vitest';
import { findAliasMentions, findExtractionRefs } from '../../../../core/dataset/mentions';
import { quoteSpans } from '../../../../core/dataset/quote-marks';
import { paragraphs, sentencesOf } from '../../../../core/dataset/segment';
import { fold } from '../../../../core/dataset/text';
import type { RegistryEntity } from '../../../../core/dataset/inputs';

const sentences = (text: string): string[] =>
  paragraphs(text).flatMap((p) => sentencesOf(text, p).map((s) => text.slice(s.start, s.end)));

describe('sentences', () => {
  it('do not end after U.N., a.m. or a month abbreviation', () => {
    expect(sentences('Britain called an emergency session of the U.N. Security Council Sunday morning (11 a.m. EDT - 1500 UTC) to address the crisis. U.N. Secretary-General Ban Ki-moon said Saturday he is appalled.')).toEqual([
      'Britain called an emergency session of the U.N. Security Council Sunday morning (11 a.m. EDT - 1500 UTC) to address the crisis.',
      'U.N. Secretary-General Ban Ki-moon said Saturday he is appalled.',
    ]);
    expect(sentences('Men inspect the damage in Aleppo, Syria, Sept. 25, 2016.')).toHaveLength(1);
  });

  it('end after a closing quote', () => {
    expect(sentences('He said it was “an impossible task now.” Churkin again laid blame.')).toHaveLength(2);
  });
});

describe('paragraph kinds', () => {
  it('tells body text from header, headings and captions', () => {
    const text = [
      ' date 2016-09-27 AFP, UNITED NATIONS',
      'Men inspect the damage after an airstrike on the rebel held al-Qaterji neighbourhood of Aleppo, Syria, Sept. 25, 2016.',
      'The United States and its European allies are urging Russia to take steps to support a cessation of hostilities.',
      'FILE - In this photo provided by the Syrian Civil',
      "'Fight against terrorism'",
      'Water pumping station damaged',
      'Mideast Syria',
      'More Coverage',
    ].join('\n\n');
    expect(paragraphs(text).map((p) => p.kind)).toEqual(['header', 'caption', 'body', 'caption', 'heading', 'heading', 'heading', 'heading']);
  });

  it('marks a repeated line as a caption', () => {
    const line = 'Rescuers search the rubble of a building that collapsed in the east of the city after the strikes.';
    expect(paragraphs(`${line}\n${line}`).map((p) => p.kind)).toEqual(['body', 'caption']);
  });
});

describe('quote marks', () => {
  const spans = (text: string) => quoteSpans(text, { index: 0, start: 0, end: text.length, kind: 'body' }).map((q) => text.slice(q.innerStart, q.innerEnd));
  it('pairs curly, straight and single marks; skips apostrophes', () => {
    expect(spans('“a” and "b" and ‘c’ and \'d\' but not the U.N.\'s or children\'s or don’t')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('alias mentions', () => {
  const entities: RegistryEntity[] = [
    { id: 'samantha-power', type: 'person', name: 'Samantha Power', aliases: ['Samantha Power', { text: 'Power', strength: 'weak' }] },
    { id: 'francois-delattre', type: 'person', name: 'François Delattre', aliases: ['François Delattre'] },
    { id: 'bashar-al-assad', type: 'person', name: 'Bashar al-Assad', aliases: [{ text: 'Bashar al-Assad', caseSensitive: false }], references: ['Syrian president'] },
    { id: 'walid-mouallem', type: 'person', name: 'Walid Mouallem', aliases: ['Walid Mouallem'], references: ['foreign minister'] },
    { id: 'other-minister', type: 'person', name: 'Other Minister', aliases: ['Other Minister'], references: ['foreign minister'] },
  ];
  const found = (text: string) => findAliasMentions(text, entities).map((m) => `${m.entity}:${text.slice(m.start, m.end)}`);

  it('weak aliases only after a strong one; case-sensitive by default', () => {
    expect(found('Power said world powers must act. Samantha Power spoke. Power left.')).toEqual(['samantha-power:Samantha Power', 'samantha-power:Power']);
  });

  it('folds diacritics, dashes and case where asked', () => {
    expect(found('Francois Delattre and BASHAR AL\u2011ASSAD')).toEqual(['francois-delattre:Francois Delattre', 'bashar-al-assad:BASHAR AL\u2011ASSAD']);
    expect(fold('François’s \u2014', false)).toBe("francois's -");
  });

  it('references count only where the entity is named, and only when unambiguous', () => {
    const refs = (text: string) => findExtractionRefs(text, entities).filter((r) => r.kind === 'reference').map((r) => r.entity);
    expect(refs('The Syrian president spoke.')).toEqual([]);
    expect(refs('The Syrian president spoke. Bashar al-Assad left.')).toEqual(['bashar-al-assad']);
    expect(refs('The foreign minister spoke. Walid Mouallem left.')).toEqual(['walid-mouallem']);
    expect(refs('The foreign minister spoke. Walid Mouallem and Other Minister left.')).toEqual([]);
  });
});
