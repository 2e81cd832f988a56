import { describe, expect, it } from 'vitest';
import { articleVariants, isNameWord, nameVariants, wordVariants } from '../../../../core/names';
import { englishWords } from '../../../../core/names/english';

const words = englishWords();
const opts = { isWord: words.has };

describe('the Arabic article', () => {
  it('is written al-, Al-, al, Al, joined, and dropped after a given name', () => {
    expect(articleVariants('Bashar al-Assad')).toEqual(
      expect.arrayContaining(['Bashar al Assad', 'Bashar Al-Assad', 'Bashar Al Assad', 'Bashar Alassad', 'Bashar Assad']),
    );
    expect(articleVariants('Bashar al-Assad')).not.toContain('Bashar al-Assad');
  });

  it('goes from a capitalised spaced form to the others', () => {
    expect(articleVariants('Al Nusra Front')).toEqual(expect.arrayContaining(['al-Nusra Front', 'Al-Nusra Front', 'al Nusra Front', 'Nusra Front']));
  });

  it('is dropped at the start only when two or more words remain', () => {
    expect(articleVariants('al-Nusra Front')).toContain('Nusra Front');
    expect(articleVariants('al-Mashhad')).not.toContain('Mashhad');
    expect(articleVariants('al-Qaida')).not.toContain('Qaida');
  });

  it('needs a capitalised word after it ("al" in other words is left alone)', () => {
    expect(articleVariants('Royal al-fresco')).toEqual([]);
    expect(articleVariants('Alan Smith')).toEqual([]);
  });
});

describe('letters that vary between transliterations', () => {
  it('doubled and single consonants', () => {
    expect(wordVariants('Assad')).toContain('Asad');
    expect(wordVariants('Asad')).toContain('Assad');
    expect(wordVariants('Mouallem')).toContain('Moualem');
  });

  it('ou / u / o', () => {
    expect(wordVariants('Mouallem')).toEqual(expect.arrayContaining(['Muallem', 'Moallem']));
    expect(wordVariants('Churkin')).toContain('Chourkin');
  });

  it('e / a inside the word, never the first letter', () => {
    expect(wordVariants('Moallem')).toContain('Moallam');
    expect(wordVariants('Assad')).not.toContain('Essad');
  });

  it('-y / -i / -iy endings', () => {
    expect(wordVariants('Vitaly')).toEqual(expect.arrayContaining(['Vitali', 'Vitaliy']));
    expect(wordVariants('Vitaliy')).toEqual(expect.arrayContaining(['Vitaly', 'Vitali']));
    expect(wordVariants('Vitali')).toContain('Vitaly');
  });

  it('Russian ch written tch or tsch, and back', () => {
    expect(wordVariants('Churkin')).toEqual(expect.arrayContaining(['Tchurkin', 'Tschurkin']));
    expect(wordVariants('Tchurkin')).toContain('Churkin');
    expect(wordVariants('Tschurkin')).toContain('Churkin');
  });

  it('keeps the first letter capitalised', () => {
    for (const v of wordVariants('Oulianov')) expect(v.charAt(0)).toBe(v.charAt(0).toUpperCase());
    expect(wordVariants('Oulianov')).toEqual(expect.arrayContaining(['Ulianov', 'Olianov']));
  });
});

describe('which words are varied', () => {
  it('capitalised Latin-letter words of 4+ letters that are no English word', () => {
    expect(isNameWord('Churkin', opts)).toBe(true);
    expect(isNameWord('Front', opts)).toBe(false);
    expect(isNameWord('Syrian', opts)).toBe(false);
    expect(isNameWord('churkin', opts)).toBe(false);
    expect(isNameWord('Ban', opts)).toBe(false);
    expect(isNameWord('François', opts)).toBe(false);
  });

  it('in a name of several words, given names vary only in their ending and ch', () => {
    const v = nameVariants('Vitaly Churkin', opts);
    expect(v).toEqual(expect.arrayContaining(['Vitali Churkin', 'Vitaliy Churkin', 'Vitaly Tchurkin', 'Vitaly Chourkin']));
    expect(v).not.toContain('Vittaly Churkin');
  });

  it('leaves names with no foreign word alone', () => {
    expect(nameVariants('Samantha Power', { isWord: () => true })).toEqual([]);
    expect(nameVariants('Security Council', opts)).toEqual([]);
  });
});
