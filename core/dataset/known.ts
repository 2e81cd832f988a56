// What is known before an article is read (the bundled or built entities plus the registry's
// curation), and what an article adds to it: the people, organisations, groups and places it
// introduces, matched to known ones where the name says so, with the roles it states.
// Pure, like everything extractArticle runs.

import type { Citation, Entity } from '../dataset-types';
import type { Matcher } from '../matcher-types';
import { normalizeKey } from '../normalize';
import type { ArticleInput } from './article-input';
import { firstAt } from './frame';
import { resolveAlias, type RegistryDoc, type RegistryEntity } from './inputs';
import { matcherFor, type NamedEntity, type Ref, type ResolvedRef } from './mentions';
import { findOrganisations } from './organisations';
import { findPeople, type PersonFinding } from './people';
import { findReferencePhrases } from './references';
import { referenceFits } from './roles';
import { paragraphs } from './segment';
import { aliasKey } from './text';

/** Everything known before the article is read, prepared once per (known, registry) pair. */
export interface Base {
  byId: Map<string, Entity>;
  /** Alias keys (folded) → owning entity id, every type. */
  aliasOwner: Map<string, string>;
  /** Person identity keys (see personKey) → entity id. */
  personKeys: Map<string, string>;
  /** First and last word of a person's identity key → entity id ("rami rahman" for "Rami Abdel Rahman"). */
  firstLast: Map<string, string>;
  /** Names the registry suppresses: never an entity. */
  suppressed: Set<string>;
  /** Entities with registry reference phrases. */
  withReferences: NamedEntity[];
  /** Compiled on first use (the build's discovery pass never needs it). */
  matcher: () => Matcher;
  names: Set<string>;
}

const baseCache = new WeakMap<readonly Entity[], WeakMap<object, Base>>();
const NO_REGISTRY = {};

/** "Bashar al-Assad" and "Bashar Assad" are one key; so are "François" and "Francois". */
export function personKey(name: string): string {
  return normalizeKey(name)
    .replace(/\b(?:al|el)[- ]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

function fromRegistry(e: RegistryEntity): Entity {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => {
      const r = resolveAlias(a);
      return { text: r.text, strength: r.strength, caseSensitive: r.caseSensitive, ...(r.anchor !== undefined ? { anchor: r.anchor } : {}) };
    }),
    description: null,
    roles: [],
    citations: [],
  };
}

const NONE_KNOWN: readonly Entity[] = [];

export function baseOf(knownIn: readonly Entity[], registry: RegistryDoc | undefined): Base {
  // Every empty list is the same list: callers that pass a fresh `[]` still hit the cache.
  const known = knownIn.length === 0 ? NONE_KNOWN : knownIn;
  let inner = baseCache.get(known);
  if (!inner) baseCache.set(known, (inner = new WeakMap()));
  const key = registry ?? NO_REGISTRY;
  const cached = inner.get(key);
  if (cached) return cached;

  const byId = new Map<string, Entity>();
  for (const e of known) byId.set(e.id, e);
  const suppressed = new Set<string>();
  const refEntities: NamedEntity[] = [];
  for (const r of registry?.entities ?? []) {
    if (r.suppress) {
      for (const a of [r.name, ...r.aliases.map((x) => resolveAlias(x).text)]) suppressed.add(personKey(a));
      continue;
    }
    const have = byId.get(r.id);
    // The registry curates: its type and aliases win over what extraction found. A known
    // entity built from this registry entry (the build's pool, with its spelling variants and
    // decided strengths: core/names) already carries them, decided: its aliases come first.
    const merged = fromRegistry(r);
    if (have) byId.set(r.id, { ...have, type: r.type, aliases: mergeAliases(have.aliases, merged.aliases) });
    else byId.set(r.id, merged);
    if (r.references && r.references.length > 0) refEntities.push({ id: r.id, type: r.type, aliases: [], references: r.references });
  }
  let matcher: Matcher | undefined;
  const base: Base = {
    byId: new Map(),
    aliasOwner: new Map(),
    personKeys: new Map(),
    firstLast: new Map(),
    suppressed,
    withReferences: refEntities,
    matcher: () => (matcher ??= matcherFor([...base.byId.values()])),
    names: new Set(),
  };
  absorb(base, [...byId.values()]);
  inner.set(key, base);
  return base;
}

/** Adds entities to a base (their names, aliases and identity keys). */
function absorb(base: Base, entities: readonly Entity[]): void {
  for (const e of entities) {
    base.byId.set(e.id, e);
    for (const a of e.aliases) if (!base.aliasOwner.has(aliasKey(a.text))) base.aliasOwner.set(aliasKey(a.text), e.id);
    base.names.add(aliasKey(e.name));
    for (const a of e.aliases) base.names.add(aliasKey(a.text));
    if (e.type !== 'person') continue;
    for (const t of [e.name, ...e.aliases.filter((a) => a.strength === 'strong').map((a) => a.text)]) {
      if (!/\s/.test(t.trim())) continue;
      const key = personKey(t);
      if (!base.personKeys.has(key)) base.personKeys.set(key, e.id);
      const fl = firstLastOf(key);
      if (!base.firstLast.has(fl)) base.firstLast.set(fl, e.id);
    }
  }
}

/**
 * The build's first pass: every entity a run of articles introduces, articles read in order,
 * each one knowing the entities of those before it (no roles: the second pass, one
 * extractArticle per article against this final list, collects those).
 */
export function discoverEntities(articles: readonly ArticleInput[], registry: RegistryDoc): Entity[] {
  const base = baseOf([], registry);
  const fresh: Base = {
    ...base,
    byId: new Map(base.byId),
    aliasOwner: new Map(base.aliasOwner),
    personKeys: new Map(base.personKeys),
    firstLast: new Map(base.firstLast),
    names: new Set(base.names),
  };
  for (const a of articles) absorb(fresh, discover(a, fresh).created);
  return [...fresh.byId.values()].map((e) => ({ ...e, roles: [], description: null }));
}

function firstLastOf(key: string): string {
  const p = key.split(' ');
  return `${p[0]} ${p[p.length - 1]}`;
}

function mergeAliases(first: Entity['aliases'], second: Entity['aliases']): Entity['aliases'] {
  const seen = new Set(first.map((a) => aliasKey(a.text)));
  return [...first, ...second.filter((a) => !seen.has(aliasKey(a.text)))];
}

function slug(name: string): string {
  return normalizeKey(name)
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface Discovery {
  /** Entities this article creates. */
  created: Entity[];
  /** Roles this article states, per entity id, in text order. */
  roles: Map<string, Citation[]>;
}

/** People and organisations the article introduces, matched to known ones where the name says so. */
export function discover(article: ArticleInput, base: Base): Discovery {
  const { text, meta } = article;
  const created = new Map<string, Entity>();
  const localKeys = new Map<string, string>();
  const localFirstLast = new Map<string, string>();
  const localKeysAlias = new Map<string, string>();
  const claimed = (k: string): string | undefined => base.aliasOwner.get(k) ?? localKeysAlias.get(k);
  const roles = new Map<string, Citation[]>();
  const takenIds = (id: string): boolean => base.byId.has(id) || created.has(id);

  /** The entity a discovered name is: an id, null (suppressed or not a person), or undefined (new). */
  const identify = (name: string): string | null | undefined => {
    const key = personKey(name);
    if (base.suppressed.has(key)) return null;
    const owner = base.aliasOwner.get(aliasKey(name));
    if (owner) return base.byId.get(owner)?.type === 'person' ? owner : null;
    const found = base.personKeys.get(key) ?? localKeys.get(key);
    if (found) return found;
    // Same first and last name with a middle part more or less: "Rami Abdel Rahman" / "Rami Rahman".
    return base.firstLast.get(firstLastOf(key)) ?? localFirstLast.get(firstLastOf(key));
  };

  const addRole = (id: string, start: number, end: number): void => {
    const roleText = text.slice(start, end);
    const list = roles.get(id) ?? [];
    if (!list.some((r) => aliasKey(r.text) === aliasKey(roleText))) list.push({ source: meta.id, start, end, text: roleText });
    roles.set(id, list);
  };

  const create = (name: string, type: Entity['type'], extra: string[] = []): Entity => {
    let id = slug(name) || 'entity';
    for (let n = 2; takenIds(id); n++) id = `${slug(name)}-${n}`;
    const aliases: Entity['aliases'] = [];
    const claim = (t: string, strength: 'strong' | 'weak'): void => {
      const k = aliasKey(t);
      if (t.length < 2 || claimed(k) !== undefined) return;
      localKeysAlias.set(k, id);
      aliases.push({ text: t, strength, caseSensitive: true });
    };
    claim(name, 'strong');
    for (const x of extra) claim(x, 'strong');
    const entity: Entity = { id, name, type, aliases, description: null, roles: [], citations: [] };
    created.set(id, entity);
    return entity;
  };

  const body = paragraphs(text).filter((p) => p.kind === 'body');
  const people: PersonFinding[] = body.flatMap((p) => findPeople(text, p.start, p.end));
  for (const f of people) {
    let id = identify(f.name);
    if (id === null) continue;
    if (id === undefined) {
      const e = create(f.name, 'person');
      localKeys.set(personKey(f.name), e.id);
      if (!localFirstLast.has(firstLastOf(personKey(f.name)))) localFirstLast.set(firstLastOf(personKey(f.name)), e.id);
      id = e.id;
    }
    if (f.role) addRole(id, f.role.start, f.role.end);
  }
  // Surnames last, once every full name is claimed: "Kirby", "Assad" (weak: they match only after the full name).
  for (const e of created.values()) {
    if (e.type !== 'person') continue;
    const parts = e.name.split(' ');
    const last = parts[parts.length - 1] ?? '';
    const variants = [last, ...(/^(?:al|el)-/.test(last) ? [last.slice(3)] : [])];
    for (const v of variants) {
      const k = aliasKey(v);
      if (parts.length < 2 || v.length < 3 || claimed(k) !== undefined) continue;
      localKeysAlias.set(k, e.id);
      e.aliases.push({ text: v, strength: 'weak', caseSensitive: true });
    }
  }
  for (const o of body.flatMap((p) => findOrganisations(text, p.start, p.end))) {
    if (base.suppressed.has(personKey(o.name))) continue;
    const owner = claimed(aliasKey(o.name)) ?? (o.acronym ? claimed(aliasKey(o.acronym)) : undefined);
    const id = owner ?? create(o.name, o.type, o.acronym ? [o.acronym] : []).id;
    if (o.role) addRole(id, o.role.start, o.role.end);
  }
  return { created: [...created.values()], roles };
}

/** Role-derived reference phrases ("the foreign minister") resolved to one person this article introduced. */
export function roleReferences(text: string, refs: readonly Ref[], roles: Map<string, Citation[]>, base: Base, created: Entity[]): ResolvedRef[] {
  const typeOf = (id: string): Entity['type'] | undefined => base.byId.get(id)?.type ?? created.find((e) => e.id === id)?.type;
  const out: ResolvedRef[] = [];
  for (const phrase of findReferencePhrases(text)) {
    // A phrase that is part of a name ("Foreign Minister Walid Mouallem") is no reference.
    const next = refs[firstAt(refs, phrase.end)];
    if (next && next.start <= phrase.end + 2) continue;
    const words = text.slice(phrase.start, phrase.end);
    const fits = [...roles].filter(([id, list]) => typeOf(id) === 'person' && list.some((r) => referenceFits(words, r.text)));
    if (fits.length === 1) out.push({ start: phrase.start, end: phrase.end, entity: fits[0]![0], type: 'person' });
  }
  return out;
}
