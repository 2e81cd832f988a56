// The compiled dataset's shape (data/dataset.json). The JSON Schema in
// data/dataset.schema.json is the published form of these types; keep them in step.

/** Every entity type, in the order lists and settings show them. */
export const ENTITY_TYPES = ['person', 'organization', 'group', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A span of a source's text: JavaScript (UTF-16) offsets, `end` exclusive. */
export interface Span {
  source: string;
  start: number;
  end: number;
}

/** A span plus the exact text at it (checked verbatim at build time). */
export interface Citation extends Span {
  text: string;
}

export interface Source {
  id: string;
  title: string;
  /** true when the article text carries no headline and `title` was derived. */
  titleDerived: boolean;
  outlet: string;
  /** ISO date, YYYY-MM-DD. */
  published: string;
  dateline: string;
  /** Original address of the article, or null when unknown. */
  url: string | null;
  text: string;
}

/**
 * How the matcher treats one alias.
 * - strong: distinctive enough to match on its own ("Churkin").
 * - weak: counts only after a strong alias or the full name of the same entity
 *   appeared earlier in the same document ("Power", "Ban", "Assad").
 * - caseSensitive: match only with this exact capitalisation (after normalising
 *   diacritics, apostrophes and dashes); otherwise any case.
 */
export interface Alias {
  text: string;
  strength: 'strong' | 'weak';
  caseSensitive: boolean;
  /**
   * Weak aliases only: another entity whose strong mention earlier in the document also lets
   * this alias count ("Moscow", the Russian government, counts after "Russia").
   */
  anchor?: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: Alias[];
  /**
   * The description as a source states it, e.g. "Russian Ambassador to the UN": the role
   * pinned in the registry, else the newest of `roles`.
   */
  description: Citation | null;
  /** Every role the sources state for the entity, each cited; newest source first. */
  roles: Citation[];
  /** Further verbatim spans describing the entity (roles, affiliations). */
  citations: Citation[];
}

/** Offsets of a stretch of the quote's own source. */
export interface LocalSpan {
  start: number;
  end: number;
}

/**
 * How a quote's speaker was found: named in the sentence; a reference phrase ("the foreign
 * minister") resolved to someone the same article introduced with that role; a pronoun
 * ("he said") resolved to the previous sentence's subject; "the statement/group said"
 * resolved to an organisation named just before; the speaker of the clause before
 * (", adding …"); the continuation of the quote before; a quoted subheading that repeats
 * words of a quote below it (echo); a hand override; or none.
 */
export type QuoteRule = 'named' | 'reference' | 'pronoun' | 'org-anaphor' | 'inherit' | 'continuation' | 'echo' | 'override' | 'none';

export interface Quote {
  id: string;
  /** Entity id of the speaker, or null when the source names no speaker we can tell. */
  speaker: string | null;
  text: string;
  source: string;
  start: number;
  end: number;
  /** The sentence(s) the quote stands in. */
  context: LocalSpan;
  rule: QuoteRule;
  /** The words that name the speaker ("he", "the country's foreign minister"), when any. */
  cue: LocalSpan | null;
  /** Entities the quote talks about (named in its words), speaker excluded. */
  about: string[];
  /** Ids of the same remark as reported by other sources (same speaker, same words give or take a few). */
  sameAs: string[];
}

export interface Statement {
  id: string;
  entity: string;
  text: string;
  source: string;
  start: number;
  end: number;
  /** Entities the statement talks about (named in it), its subject excluded. */
  about: string[];
}

export interface Mention {
  entity: string;
  source: string;
  start: number;
  end: number;
}

export interface Dataset {
  version: 1;
  sources: Source[];
  entities: Entity[];
  quotes: Quote[];
  statements: Statement[];
  mentions: Mention[];
}
