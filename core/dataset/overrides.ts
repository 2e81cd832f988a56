// Editorial corrections to extracted quotes (data/registry/quote-overrides.yaml).

import type { QuoteFinding } from './attribution';

export interface QuoteOverride {
  source: string;
  quote: string;
  speaker?: string | null;
  exclude?: 'name' | 'scare' | 'term' | 'not-a-quote';
  note: string;
}

export interface OverridesDoc {
  overrides: QuoteOverride[];
}

/** Applies overrides in place; returns error lines (file + field) for any that do not fit. */
export function applyOverrides(
  file: string,
  doc: OverridesDoc,
  findings: Map<string, QuoteFinding[]>,
  texts: Map<string, string>,
  entityIds: Set<string>,
): string[] {
  const errors: string[] = [];
  doc.overrides.forEach((o, i) => {
    const field = `${file}: overrides[${i}]`;
    const text = texts.get(o.source);
    const list = findings.get(o.source);
    if (text === undefined || !list) {
      errors.push(`${field}.source: unknown source "${o.source}"`);
      return;
    }
    if (o.speaker !== undefined && o.speaker !== null && !entityIds.has(o.speaker)) {
      errors.push(`${field}.speaker: "${o.speaker}" is not an entity in the registry`);
      return;
    }
    const hits = list.filter((f) => text.slice(f.start, f.end).startsWith(o.quote));
    if (hits.length !== 1) {
      errors.push(`${field}.quote: "${o.quote}" matches ${hits.length} quotes in ${o.source}; it must match exactly one`);
      return;
    }
    const hit = hits[0]!;
    if (o.exclude) {
      hit.excluded = o.exclude === 'not-a-quote' ? 'term' : o.exclude;
      hit.speaker = null;
    } else {
      hit.excluded = null;
      hit.speaker = o.speaker ?? null;
    }
    hit.rule = 'override';
  });
  return errors;
}
