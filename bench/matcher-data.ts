// Deterministic inputs for bench/matcher.ts: alias sets and news-like text.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { aliasEntriesFromDataset } from '../core/matcher';
import type { Dataset } from '../core/dataset-types';
import type { AliasEntry } from '../core/matcher-types';

const ROOT = new URL('..', import.meta.url);

/** A small seeded PRNG (mulberry32): the same seed makes the same pages and names. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka ro vin del mar tes lu an bo chi ra sen fi do mel ur ta lin ber go has vi nok el sa mu ter pa zi ol'.split(' ');
const FIRST = 'Anna Boris Carla David Elena Farid Grace Hassan Irina Jamal Karen Leila Marco Nadia Omar Paula Rashid Sofia Tomas Vera Walid Yusuf Zara'.split(' ');

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `count` distinct multi-word person/organisation names, the same for every run. */
export function syntheticAliases(count: number): AliasEntry[] {
  const next = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const word = (): string => capital(Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join(''));
  const seen = new Set<string>();
  const out: AliasEntry[] = [];
  while (out.length < count) {
    const r = next();
    const text =
      r < 0.6 ? `${pick(FIRST)} ${word()}` : r < 0.85 ? `${pick(FIRST)} ${word()} ${word()}` : `${word()} ${pick(['Council', 'Front', 'Party', 'Institute'])}`;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const i = out.length;
    out.push({ entity: `s${i}`, type: r < 0.85 ? 'person' : 'organization', text, strength: 'strong', caseSensitive: i % 3 === 0 });
  }
  return out;
}

const SEED_NAMES: [string, AliasEntry['type'], string[]][] = [
  ['vitaly-churkin', 'person', ['Vitaly Churkin', 'Churkin']],
  ['samantha-power', 'person', ['Samantha Power']],
  ['ban-ki-moon', 'person', ['Ban Ki-moon']],
  ['bashar-al-assad', 'person', ['Bashar al-Assad', 'Bashar Assad']],
  ['francois-delattre', 'person', ['François Delattre', 'Delattre']],
  ['matthew-rycroft', 'person', ['Matthew Rycroft', 'Rycroft']],
  ['un-security-council', 'organization', ['UN Security Council', 'United Nations Security Council']],
  ['united-nations', 'organization', ['United Nations']],
  ['aleppo', 'place', ['Aleppo']],
  ['syria', 'place', ['Syria']],
  ['russia', 'place', ['Russia']],
];

/** data/dataset.json's aliases when it exists, else a built-in list of the seed names. */
export function realAliases(): { name: string; entries: AliasEntry[] } {
  const path = new URL('data/dataset.json', ROOT);
  if (existsSync(path)) {
    const dataset = JSON.parse(readFileSync(path, 'utf8')) as Dataset;
    return { name: 'dataset.json', entries: aliasEntriesFromDataset(dataset) };
  }
  return {
    name: 'seed names (built-in)',
    entries: SEED_NAMES.flatMap(([entity, type, texts]) =>
      texts.map((text) => ({ entity, type, text, strength: 'strong' as const, caseSensitive: false })),
    ),
  };
}

const FILLER =
  'The government said on Monday that talks would resume next week after a ceasefire collapsed in the north of the country. ' +
  'Officials warned that aid convoys could not reach civilians, and diplomats called for an emergency meeting. ' +
  '“We are deeply concerned,” a spokesman told reporters, adding that more than 120 people had died since Thursday.';

function fillerWords(): string[] {
  const dir = new URL('data/sources/', ROOT);
  let text = FILLER;
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) text += '\n' + readFileSync(new URL(f, dir), 'utf8');
  }
  return text.split(/\s+/).filter(Boolean);
}

/**
 * News-like text of about `chars` units in paragraphs: words drawn from the seed articles,
 * with a name from `names` about every 25 words (real names, then synthetic ones).
 */
export function newsText(chars: number, names: readonly string[]): string[] {
  const next = rng(42);
  const words = fillerWords();
  const blocks: string[] = [];
  let total = 0;
  while (total < chars) {
    const n = 40 + Math.floor(next() * 80);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      parts.push(next() < 0.04 && names.length > 0 ? names[Math.floor(next() * names.length)]! : words[Math.floor(next() * words.length)]!);
    }
    const block = parts.join(' ');
    blocks.push(block);
    total += block.length + 1;
  }
  return blocks;
}
