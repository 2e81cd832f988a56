// Editorial corrections to extracted quotes (data/registry/quote-overrides.yaml).

import type { QuoteFinding } from './attribution';

export interface QuoteOverride {
  source: string;
  quote: string;
  speaker?: string | null;
  exclude?: 'name' | 'scare' | 'term' | 'not-a-quote';
  /** Which of several quotes starting with these words (1 = the first). */
  occurrence?: number;
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
  onlySource?: string,
): string[] {
  const errors: string[] = [];
  doc.overrides.forEach((o, i) => {
    if (onlySource !== undefined && o.source !== onlySource) return;
    const field = `${file}: overrides[${i}]`;
    const text = texts.get(o.source);
    const list = findings.get(o.source);
    if (text === undefined || !list) {
      errors.push(`${field}.source: unknown source "${o.source}"`);
      return;
    }
    if (o.speaker !== undefined && o.speaker !== null && !entityIds.has(o.speaker)) {
      errors.push(`${field}.speaker: "${o.speaker}" is not an entity of the registry or of the sources`);
      return;
    }
    const hits = list.filter((f) => text.slice(f.start, f.end).startsWith(o.quote));
    if (o.occurrence !== undefined ? hits.length < o.occurrence : hits.length !== 1) {
      const need = o.occurrence !== undefined ? `at least ${o.occurrence} (occurrence: ${o.occurrence})` : 'exactly one (or give occurrence: n)';
      errors.push(`${field}.quote: "${o.quote}" matches ${hits.length} quotes in ${o.source}; it must match ${need}`);
      return;
    }
    const hit = hits[(o.occurrence ?? 1) - 1]!;
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
