// Quote marks that do not quote anyone: a quoted name ("Save Our Syria" organization), a
// scare quote (so-called "White Helmets"), or marks outside body text (captions, headings).

import type { RegistryEntity } from './inputs';
import { resolveAlias } from './inputs';
import { aliasKey } from './text';
import type { QuoteSpan } from './quote-marks';

export type Exclusion = 'caption' | 'heading' | 'header' | 'nested' | 'empty' | 'name' | 'scare' | 'term';

const NAME_NOUN_AFTER = /^["\u201D'\u2019]?\s+(?:organi[sz]ation|group|movement|campaign|operation|party|brigade|coalition|foundation|initiative|network|militia)\b/i;
const SCARE_BEFORE = /\b(?:so-called|so called|known as(?: the)?|dubbed|nicknamed|self-styled|self-proclaimed|termed|branded|calling itself|calls itself)\s*$/i;

export function registryNames(entities: RegistryEntity[]): Set<string> {
  const names = new Set<string>();
  for (const e of entities) {
    names.add(aliasKey(e.name));
    for (const a of e.aliases) names.add(aliasKey(resolveAlias(a).text));
  }
  return names;
}

/** Why a quote span is not a quote of anyone, or null when it is a real quote. */
export function exclusionOf(text: string, span: QuoteSpan, names: Set<string>): Exclusion | null {
  const inner = text.slice(span.innerStart, span.innerEnd).trim().replace(/[,.;:!?]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(inner)) return 'empty';
  if (names.has(aliasKey(inner))) return 'name';
  const closeEnd = span.closed ? span.end : span.innerEnd;
  if (NAME_NOUN_AFTER.test(text.slice(closeEnd - 1, closeEnd + 40))) return 'name';
  if (SCARE_BEFORE.test(text.slice(Math.max(0, span.open - 40), span.open))) return 'scare';
  return null;
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
