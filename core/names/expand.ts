// The dataset build's one call into core/names: every entity's aliases, with
// - strengths decided automatically where the registry does not pin one (strength.ts),
// - spelling variants (spelling.ts) and number forms (forms.ts) added, each inheriting the
//   strength and case rule of the alias it comes from,
// - the registry's per-entity `variants: {add, block}` applied.
// A generated variant is dropped when the whole variant, one of its changed words, or every
// one of its words is an English word, when it is another entity's alias or name, or when
// two entities generate it. A `block` entry that matches no generated variant does nothing.

import type { Alias, Entity } from '../dataset-types';
import { normalizeKey } from '../normalize';
import { numberForms } from './forms';
import { nameVariants, tokenize } from './spelling';
import { decideStrength } from './strength';
import type { WordList } from './words';

/** An alias as the registry writes it: a plain string, or an object that may pin its strength. */
export type RawAlias = string | { text: string; strength?: 'strong' | 'weak'; caseSensitive?: boolean; anchor?: string };

/** What expandAliases reads from a registry entry (core/dataset/inputs.ts RegistryEntity fits). */
export interface NameRegistryEntry {
  id: string;
  aliases: readonly RawAlias[];
  variants?: { add?: readonly RawAlias[]; block?: readonly string[] };
}

export interface ExpandOptions {
  words: WordList;
  /** Registry entries by entity id: pinned strengths and variants to add or block. */
  registry?: readonly NameRegistryEntry[];
}

const rawText = (a: RawAlias): string => (typeof a === 'string' ? a : a.text);
const pinnedStrength = (a: RawAlias): 'strong' | 'weak' | undefined => (typeof a === 'string' ? undefined : a.strength);

/**
 * Whether a spelling variant reads as English: it is a word of the list, one of its words
 * that is not a word of `source` is, or every one of its words is ("al Al").
 */
function readsAsEnglish(variant: string, source: string, words: WordList): boolean {
  if (words.has(variant)) return true;
  const own = new Set(tokenize(source).words.map(normalizeKey));
  const vs = tokenize(variant).words;
  return vs.every((w) => words.has(w)) || vs.some((w) => !own.has(normalizeKey(w)) && words.has(w));
}

export function expandAliases(entities: readonly Entity[], opts: ExpandOptions): Entity[] {
  const { words } = opts;
  const reg = new Map((opts.registry ?? []).map((r) => [r.id, r]));

  // Own and added aliases first: they decide what is "another entity's name".
  const own = entities.map((e) => {
    const r = reg.get(e.id);
    const pins = new Map<string, 'strong' | 'weak' | undefined>();
    const anchors = new Map<string, string>();
    for (const a of [...(r?.aliases ?? []), ...(r?.variants?.add ?? [])]) {
      if (typeof a !== 'string' && a.anchor !== undefined) anchors.set(a.text, a.anchor);
    }
    for (const a of r?.aliases ?? []) pins.set(rawText(a), pinnedStrength(a));
    const added: Alias[] = (r?.variants?.add ?? []).map((a) => ({
      text: rawText(a),
      strength: pinnedStrength(a) ?? 'strong',
      caseSensitive: typeof a === 'string' ? true : (a.caseSensitive ?? true),
    }));
    for (const a of r?.variants?.add ?? []) pins.set(rawText(a), pinnedStrength(a));
    return { entity: e, pins, anchors, aliases: [...e.aliases, ...added], block: new Set((r?.variants?.block ?? []).map(normalizeKey)) };
  });
  const claims = new Map<string, Set<string>>();
  const claim = (key: string, id: string): void => {
    const set = claims.get(key) ?? new Set<string>();
    set.add(id);
    claims.set(key, set);
  };
  for (const o of own) {
    claim(normalizeKey(o.entity.name), o.entity.id);
    for (const a of o.aliases) claim(normalizeKey(a.text), o.entity.id);
  }
  const sharedKey = (key: string, id: string): boolean => [...(claims.get(key) ?? [])].some((x) => x !== id);

  // Strengths of own aliases: the registry's pin, else the automatic rule.
  const resolved = own.map((o) => ({
    ...o,
    aliases: o.aliases.map((a): Alias => {
      const pin = o.pins.get(a.text);
      const strength = pin ?? decideStrength(a.text, words, sharedKey(normalizeKey(a.text), o.entity.id));
      const anchor = a.anchor ?? o.anchors.get(a.text);
      return strength === 'weak' && anchor !== undefined ? { ...a, strength, anchor } : { text: a.text, strength, caseSensitive: a.caseSensitive };
    }),
  }));

  // Generated variants, with the keys two entities both generate counted as collisions.
  const generatedBy = new Map<string, Set<string>>();
  const pending = resolved.map((o) => {
    const ownKeys = new Set(o.aliases.map((a) => normalizeKey(a.text)));
    const list: Alias[] = [];
    const seen = new Set<string>();
    for (const a of o.aliases) {
      const forms = o.entity.type === 'group' || o.entity.type === 'organization' ? numberForms(a.text, { isWord: words.has }) : [];
      const spellings = nameVariants(a.text, { isWord: words.has });
      for (const v of [...spellings, ...forms]) {
        const key = normalizeKey(v);
        if (ownKeys.has(key) || seen.has(key) || o.block.has(key)) continue;
        // A number form changes an English word into its singular/plural on purpose; the whole
        // form must still not be a word ("Helmet" alone never is a form: forms keep every word).
        const word = spellings.includes(v) ? readsAsEnglish(v, a.text, words) : words.has(v);
        if (word || sharedKey(key, o.entity.id)) continue;
        seen.add(key);
        const alias: Alias = { text: v, strength: a.strength, caseSensitive: a.caseSensitive };
        if (a.anchor !== undefined) alias.anchor = a.anchor;
        list.push(alias);
        const by = generatedBy.get(key) ?? new Set<string>();
        by.add(o.entity.id);
        generatedBy.set(key, by);
      }
    }
    return list;
  });

  return resolved.map((o, i) => ({
    ...o.entity,
    aliases: [
      ...o.aliases,
      ...pending[i]!.filter((a) => (generatedBy.get(normalizeKey(a.text))?.size ?? 0) === 1),
    ],
  }));
}
