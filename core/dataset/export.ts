// Quotes, statements and entities for use outside the browser (JSON Lines or CSV). Every
// row keeps its source and offsets, so each line can be checked against the article.

import type { Dataset, Source } from '../dataset-types';

export type ExportFormat = 'jsonl' | 'csv';
export type ExportKind = 'quotes' | 'statements' | 'entities';

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
  /** How the speaker was found (see QuoteRule in core/dataset-types.ts). */
  rule: string;
  /** The sentence the quote stands in, and its offsets. */
  context: string;
  contextStart: number;
  contextEnd: number;
  /** The words that named the speaker, when any. */
  cue: string | null;
  /** Ids of the same remark in other sources. */
  sameAs: string[];
}

export interface StatementRow {
  id: string;
  entity: string;
  entityName: string;
  text: string;
  source: string;
  sourceTitle: string;
  outlet: string;
  published: string;
  url: string | null;
  start: number;
  end: number;
  about: string[];
}

export interface EntityRow {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  description: string | null;
  /** Every cited role: text, source, offsets (newest source first). */
  roles: Array<{ text: string; source: string; start: number; end: number }>;
  mentions: number;
  sources: number;
}

const QUOTE_COLUMNS: Array<keyof ExportRow> = [
  'id', 'speaker', 'speakerName', 'text', 'source', 'sourceTitle', 'outlet', 'published', 'url', 'start', 'end',
  'rule', 'context', 'contextStart', 'contextEnd', 'cue', 'sameAs',
];
const STATEMENT_COLUMNS: Array<keyof StatementRow> = ['id', 'entity', 'entityName', 'text', 'source', 'sourceTitle', 'outlet', 'published', 'url', 'start', 'end', 'about'];
const ENTITY_COLUMNS: Array<keyof EntityRow> = ['id', 'name', 'type', 'aliases', 'description', 'roles', 'mentions', 'sources'];

function sourceFields(s: Source | undefined) {
  return { sourceTitle: s?.title ?? '', outlet: s?.outlet ?? '', published: s?.published ?? '', url: s?.url ?? null };
}

export function exportRows(d: Dataset, includeUnattributed = false): ExportRow[] {
  const names = new Map(d.entities.map((e) => [e.id, e.name]));
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  return d.quotes
    .filter((q) => includeUnattributed || q.speaker !== null)
    .map((q) => {
      const s = sources.get(q.source);
      const text = s?.text ?? '';
      return {
        id: q.id,
        speaker: q.speaker,
        speakerName: q.speaker ? (names.get(q.speaker) ?? null) : null,
        text: q.text,
        source: q.source,
        ...sourceFields(s),
        start: q.start,
        end: q.end,
        rule: q.rule,
        context: text.slice(q.context.start, q.context.end),
        contextStart: q.context.start,
        contextEnd: q.context.end,
        cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
        sameAs: q.sameAs,
      };
    });
}

export function statementRows(d: Dataset): StatementRow[] {
  const names = new Map(d.entities.map((e) => [e.id, e.name]));
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  return d.statements.map((st) => ({
    id: st.id,
    entity: st.entity,
    entityName: names.get(st.entity) ?? '',
    text: st.text,
    source: st.source,
    ...sourceFields(sources.get(st.source)),
    start: st.start,
    end: st.end,
    about: st.about,
  }));
}

export function entityRows(d: Dataset): EntityRow[] {
  const mentions = new Map<string, number>();
  const inSources = new Map<string, Set<string>>();
  for (const m of d.mentions) {
    mentions.set(m.entity, (mentions.get(m.entity) ?? 0) + 1);
    const set = inSources.get(m.entity) ?? new Set<string>();
    set.add(m.source);
    inSources.set(m.entity, set);
  }
  return d.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => a.text),
    description: e.description?.text ?? null,
    roles: e.roles.map((r) => ({ text: r.text, source: r.source, start: r.start, end: r.end })),
    mentions: mentions.get(e.id) ?? 0,
    sources: inSources.get(e.id)?.size ?? 0,
  }));
}

type Cell = string | number | null | string[] | EntityRow['roles'];

function csvCell(v: Cell): string {
  let s: string;
  if (v === null) s = '';
  else if (Array.isArray(v)) s = v.map((x) => (typeof x === 'string' ? x : `${x.text} [${x.source}:${x.start}-${x.end}]`)).join('; ');
  else s = String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function format<T extends object>(rows: T[], columns: Array<keyof T & string>, fmt: ExportFormat): string {
  // Keys in column order (a replacer array would also filter the keys of nested roles).
  if (fmt === 'jsonl') return rows.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c]])))}\n`).join('');
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] as Cell)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function formatQuotes(d: Dataset, fmt: ExportFormat, includeUnattributed = false): string {
  return format(exportRows(d, includeUnattributed), QUOTE_COLUMNS, fmt);
}

export function formatExport(d: Dataset, kind: ExportKind, fmt: ExportFormat, includeUnattributed = false): string {
  if (kind === 'quotes') return formatQuotes(d, fmt, includeUnattributed);
  if (kind === 'statements') return format(statementRows(d), STATEMENT_COLUMNS, fmt);
  return format(entityRows(d), ENTITY_COLUMNS, fmt);
}
