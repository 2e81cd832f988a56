// The shapes of the human-edited inputs (after YAML parsing and schema validation).

import type { EntityType, Source } from '../dataset-types';

/** A source's metadata file: everything of a `Source` but its text. */
export type SourceMeta = Omit<Source, 'text'>;

export interface SourceInput {
  /** Repository-relative path of the text file, for error messages. */
  textFile: string;
  /** Repository-relative path of the metadata file, for error messages. */
  metaFile: string;
  /** Parsed metadata, not yet validated. */
  meta: unknown;
  text: string;
}

export interface RegistryAlias {
  text: string;
  strength?: 'strong' | 'weak';
  caseSensitive?: boolean;
  shared?: boolean;
  /** Weak aliases: an entity whose strong mention also lets this alias count. */
  anchor?: string;
}

export interface RegistryCitation {
  source: string;
  text: string;
  occurrence?: number;
}

export interface RegistryEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: Array<string | RegistryAlias>;
  /** Spelling variants to add to, or block from, the generated ones (core/names). */
  variants?: { add?: Array<string | RegistryAlias>; block?: string[] };
  references?: string[];
  /** Curation: this name is not an entity; extraction never makes one of it. */
  suppress?: boolean;
  description?: RegistryCitation | null;
  citations?: RegistryCitation[];
}

export interface RegistryDoc {
  entities: RegistryEntity[];
}

export interface RegistryInput {
  file: string;
  /** Parsed registry, not yet validated. */
  doc: unknown;
  /** The line (1-based) each entities[i] entry starts on, when read from a file. */
  lines?: number[];
}

/** An alias with defaults applied. */
export interface ResolvedAlias {
  text: string;
  strength: 'strong' | 'weak';
  caseSensitive: boolean;
  shared: boolean;
  anchor?: string;
}

export function resolveAlias(alias: string | RegistryAlias): ResolvedAlias {
  if (typeof alias === 'string') return { text: alias, strength: 'strong', caseSensitive: true, shared: false };
  return {
    text: alias.text,
    strength: alias.strength ?? 'strong',
    caseSensitive: alias.caseSensitive ?? true,
    shared: alias.shared ?? false,
    ...(alias.anchor !== undefined ? { anchor: alias.anchor } : {}),
  };
}
