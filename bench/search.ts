// `npm run bench:search` — the popup's name look-up (core/search.ts), not pass/fail: building
// the search and answering a keystroke, over the bundled directory and synthetic directories
// of 300 and 3,000 entities (a large library), for exact names, prefixes, typos (the fuzzy
// pass, the slowest path) and a 10,000-character paste. Prints Markdown.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../core/dataset-types';
import { EntitySearch, searchEntries, type SearchEntry } from '../core/search';
import { fmtStat, stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const bundled = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')) as Dataset;

const FIRST = 'Ada Bram Cleo Dario Edda Femi Gita Hugo Inès Jonas Kira Lars Mina Nils Olga Pavo Quinn Rosa Sami Tove Ugo Vera Wim Xena Yann Zora Alma Bodo Cyra Dag'.split(' ');
const LAST = 'Abara Bellweather Corvino Dunmore Eckhardt Falkner Gorski Halloran Ibsen Jovanović Kestrel Lindgren Moravec Nakagawa Okafor Pellegrini Quartermaine Rasmussen Solberg Tanaka Ulvaeus Varga Whitcombe Xiong Yılmaz Zieliński Amundsen Brannigan Castellanos Delacroix Engström Fontaine Grünewald Hargreaves Ishikawa Jabłoński Kowalczyk Lombardi Mbeki Nyström Oyelaran Petrakis Quiroga Rousseau Szabo Thorsen Urquhart Valdivia Wójcik Yamamoto'.split(' ');

/** The bundled entities plus `n` made-up people, each with a surname alias and two spellings. */
function directory(n: number): SearchEntry[] {
  const out = searchEntries(bundled);
  for (let i = 0; out.length < n; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const name = `${first} ${last}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    out.push({ id: `p${i}`, name, type: 'person', aliases: [name, last, `${first} ${last}e`, `${first[0]}. ${last}`], weight: i % 7, role: 'a made-up person' });
  }
  return out;
}

const QUERIES: Record<string, string> = {
  'exact name': 'Vitaly Churkin',
  'prefix (2 letters)': 'al',
  'prefix (4 letters)': 'Alep',
  'typo (fuzzy pass)': 'Nebenzya',
  'no match (fuzzy pass over all)': 'Qwxzvbnm',
  '10,000-character paste': 'ban ki moon '.repeat(900),
};

function time(fn: () => void, runs: number): number[] {
  fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const sizes = [bundled.entities.length, 300, 3000];
const rows: string[] = [];
rows.push(`| query | ${sizes.map((n) => `${n} entities (ms)`).join(' | ')} |`);
rows.push(`|---|${sizes.map(() => '---').join('|')}|`);
const built = sizes.map((n) => {
  const entries = directory(n);
  const build = stat(time(() => void new EntitySearch(entries), 20));
  return { search: new EntitySearch(entries), build };
});
rows.push(`| build the search | ${built.map((b) => fmtStat(b.build, 2)).join(' | ')} |`);
for (const [what, q] of Object.entries(QUERIES)) {
  rows.push(`| ${what} | ${built.map((b) => fmtStat(stat(time(() => void b.search.search(q), 50)), 3)).join(' | ')} |`);
}
process.stdout.write(`Median (min–max) of 50 keystrokes after a warm-up, Node ${process.version}.\n\n${rows.join('\n')}\n`);
