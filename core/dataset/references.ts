// Reference phrases: "the foreign minister", "the Russian foreign minister", "the country's
// envoy" — a determiner, role words, a singular head noun, and no name after it. Which
// person (if any) such a phrase stands for is decided in article.ts, from the roles the
// same article states.

import { isRoleWord, TITLE_NOUNS } from './roles';

const SINGULAR_TITLES = [...TITLE_NOUNS].filter((w) => !/s$/.test(w) || /(?:ss|us)$/.test(w));
const PHRASE = new RegExp(
  `\\b[Tt]he\\s+((?:[\\p{L}.'\\u2019-]+\\s+){0,4}?)(${SINGULAR_TITLES.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|')})\\b(?![-\\u2019'])`,
  'gu',
);
const OWNER = /^(?:country|nation|government|group|agency|organi[sz]ation|kingdom|republic|region|city|world|body|party|coalition|alliance)['\u2019]s$/;

export interface PhraseSpan {
  start: number;
  end: number;
}

export function findReferencePhrases(text: string): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const middle = (m[1] ?? '').trim();
    const words = middle === '' ? [] : middle.split(/\s+/);
    if (!words.every((w) => OWNER.test(w) || isRoleWord(w))) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
