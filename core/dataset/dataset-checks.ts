// Invariants of a compiled dataset, checked on every build and usable on any dataset file:
// unique ids, no dangling references, every card-visible text verbatim at its offsets.

import type { Dataset } from '../dataset-types';

export function checkDataset(d: Dataset, file: string): string[] {
  const errors: string[] = [];
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const entities = new Set(d.entities.map((e) => e.id));
  const unique = (kind: string, ids: string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push(`${file}: ${kind}[${i}].id: duplicate id "${id}"`);
      seen.add(id);
    });
  };
  unique('sources', d.sources.map((s) => s.id));
  unique('entities', d.entities.map((e) => e.id));
  unique('quotes', d.quotes.map((q) => q.id));
  unique('statements', d.statements.map((s) => s.id));

  const verbatim = (field: string, span: { source: string; start: number; end: number; text?: string }): void => {
    const src = sources.get(span.source);
    if (!src) {
      errors.push(`${file}: ${field}.source: unknown source "${span.source}"`);
      return;
    }
    if (!(span.start >= 0 && span.start < span.end && span.end <= src.text.length)) {
      errors.push(`${file}: ${field}: offsets [${span.start}, ${span.end}) are outside ${span.source} (length ${src.text.length})`);
      return;
    }
    if (span.text !== undefined && src.text.slice(span.start, span.end) !== span.text) {
      errors.push(
        `${file}: ${field}.text: not verbatim at ${span.source}[${span.start}, ${span.end}): ` +
          `expected ${JSON.stringify(src.text.slice(span.start, span.end))}, got ${JSON.stringify(span.text)}`,
      );
    }
  };

  d.entities.forEach((e, i) => {
    if (e.description) verbatim(`entities[${i}].description`, e.description);
    e.citations.forEach((c, j) => verbatim(`entities[${i}].citations[${j}]`, c));
  });
  d.quotes.forEach((q, i) => {
    if (q.speaker !== null && !entities.has(q.speaker)) {
      errors.push(`${file}: quotes[${i}].speaker: "${q.speaker}" is not an entity in the registry`);
    }
    verbatim(`quotes[${i}]`, q);
  });
  d.statements.forEach((s, i) => {
    if (!entities.has(s.entity)) errors.push(`${file}: statements[${i}].entity: "${s.entity}" is not an entity in the registry`);
    verbatim(`statements[${i}]`, s);
  });
  d.mentions.forEach((m, i) => {
    if (!entities.has(m.entity)) errors.push(`${file}: mentions[${i}].entity: "${m.entity}" is not an entity in the registry`);
    verbatim(`mentions[${i}]`, m);
  });
  return errors;
}
