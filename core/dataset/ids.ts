// Stable ids and deterministic JSON.

/** Quote id: source id + start offset (the source text never changes, so neither does this). */
export function quoteId(source: string, start: number): string {
  return `${source}:q${start}`;
}

export function statementId(source: string, start: number, entity: string): string {
  return `${source}:s${start}:${entity}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Sorted keys, 2-space indent, trailing newline: same value → same bytes. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
