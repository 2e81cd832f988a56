import { describe, expect, it } from 'vitest';
import { decideStrength, isAcronym, wordList } from '../../../../core/names';
import { englishWords } from '../../../../core/names/english';

describe('weak or strong, from the English word list', () => {
  const words = englishWords();

  it('a surname that is no English word is strong', () => {
    for (const name of ['Assad', 'Churkin', 'Rycroft', 'Delattre', 'Mouallem', 'Hezbollah']) {
      expect(decideStrength(name, words, false), name).toBe('strong');
    }
  });

  it('a surname that is an ordinary English word is weak', () => {
    for (const name of ['Power', 'Ban', 'Rice', 'Will']) expect(decideStrength(name, words, false), name).toBe('weak');
  });

  it('a proper name the corpus writes capitalised is no ordinary word ("Moscow", "Matthew")', () => {
    expect(words.has('Moscow')).toBe(true);
    expect(words.isOrdinary('Moscow')).toBe(false);
    expect(decideStrength('Moscow', words, false)).toBe('strong');
  });

  it('an alias another entity claims is weak', () => {
    expect(decideStrength('Churkin', words, true)).toBe('weak');
  });

  it('names of several words and acronyms are strong', () => {
    expect(decideStrength('White Helmets', words, false)).toBe('strong');
    expect(decideStrength('US', words, false)).toBe('strong');
    expect(decideStrength('U.S.', words, false)).toBe('strong');
    expect(isAcronym('UNICEF')).toBe(true);
    expect(isAcronym('Us')).toBe(false);
    expect(isAcronym('A')).toBe(false);
  });
});

describe('wordList', () => {
  const list = wordList([
    { word: 'power', count: 7600 },
    { word: 'walled', count: 9 },
    { word: 'Moscow', count: 481 },
  ]);

  it('knows every word in any case, with folding', () => {
    expect(list.has('POWER')).toBe(true);
    expect(list.has('moscow')).toBe(true);
    expect(list.has('Churkin')).toBe(false);
  });

  it('calls ordinary only lower-case words at or above the minimum count', () => {
    expect(list.isOrdinary('Power')).toBe(true);
    expect(list.isOrdinary('walled')).toBe(false);
    expect(list.isOrdinary('Moscow')).toBe(false);
  });
});
