import type { Dataset } from './dataset-types';

export interface DatasetStats {
  entities: number;
  quotes: number;
  sources: number;
  /** Earliest and latest publication date, or null for an empty dataset. */
  from: string | null;
  to: string | null;
}

export function datasetStats(d: Dataset): DatasetStats {
  const dates = d.sources.map((s) => s.published).sort();
  return {
    entities: d.entities.length,
    quotes: d.quotes.filter((q) => q.speaker !== null).length,
    sources: d.sources.length,
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
  };
}
