// Attributed quotes for use outside the browser (JSON Lines or CSV).

import type { Dataset } from '../dataset-types';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportRow {
  id: string;
  speaker: string | null;
  speakerName: string | null;
  text: string;
  source: string;
  sourceTitle: string;
  outlet: string;
  published: string;
  url: string | null;
  start: number;
  end: number;
}

const COLUMNS: Array<keyof ExportRow> = ['id', 'speaker', 'speakerName', 'text', 'source', 'sourceTitle', 'outlet', 'published', 'url', 'start', 'end'];

export function exportRows(d: Dataset, includeUnattributed = false): ExportRow[] {
  const names = new Map(d.entities.map((e) => [e.id, e.name]));
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  return d.quotes
    .filter((q) => includeUnattributed || q.speaker !== null)
    .map((q) => {
      const s = sources.get(q.source);
      return {
        id: q.id,
        speaker: q.speaker,
        speakerName: q.speaker ? (names.get(q.speaker) ?? null) : null,
        text: q.text,
        source: q.source,
        sourceTitle: s?.title ?? '',
        outlet: s?.outlet ?? '',
        published: s?.published ?? '',
        url: s?.url ?? null,
        start: q.start,
        end: q.end,
      };
    });
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatQuotes(d: Dataset, format: ExportFormat, includeUnattributed = false): string {
  const rows = exportRows(d, includeUnattributed);
  if (format === 'jsonl') return rows.map((r) => `${JSON.stringify(r, COLUMNS)}\n`).join('');
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
