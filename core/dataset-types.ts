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
  /** The description as a source states it, e.g. "Russian Ambassador to the UN". */
  description: Citation | null;
  /** Further verbatim spans describing the entity (roles, affiliations). */
  citations: Citation[];
}

export interface Quote {
  id: string;
  /** Entity id of the speaker, or null when the source does not name one in the registry. */
  speaker: string | null;
  text: string;
  source: string;
  start: number;
  end: number;
}

export interface Statement {
  id: string;
  entity: string;
  text: string;
  source: string;
  start: number;
  end: number;
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
