// What a card shows, assembled from the dataset alone: nothing here is invented, every
// line carries the span it came from.

import type { Citation, Dataset, Entity, EntityType, Quote, Source, Span } from './dataset-types';
import { originalLink } from './links';

export interface CitedLine extends Span {
  text: string;
  /** Outlet and date of the source, for the attribution line. */
  outlet: string;
  published: string;
  /** The original article at this span (text-fragment link), when the source has an address. */
  original: string | null;
  /** The line comes from an article in the reader's library, not the bundled dataset. */
  library?: true;
}

export interface CardQuote extends CitedLine {
  id: string;
  speaker: string;
  speakerName: string;
}

export interface RelatedEntity {
  id: string;
  name: string;
  type: EntityType;
}

export interface CardModel {
  id: string;
  name: string;
  type: EntityType;
  description: CitedLine | null;
  quotes: CardQuote[];
  statements: CitedLine[];
  related: RelatedEntity[];
  sourceCount: number;
}

/** Look-ups over a dataset, built once. */
export class DatasetIndex {
  readonly entities = new Map<string, Entity>();
  readonly sources = new Map<string, Source>();
  private readonly quotesBySpeaker = new Map<string, Quote[]>();
  private readonly sourcesByEntity = new Map<string, Set<string>>();

  constructor(
    readonly dataset: Dataset,
    /** Sources from the reader's library: their lines are marked on cards. */
    readonly librarySources: ReadonlySet<string> = new Set(),
  ) {
    for (const e of dataset.entities) this.entities.set(e.id, e);
    for (const s of dataset.sources) this.sources.set(s.id, s);
    for (const q of dataset.quotes) {
      if (q.speaker === null) continue;
      push(this.quotesBySpeaker, q.speaker, q);
    }
    for (const m of dataset.mentions) {
      let set = this.sourcesByEntity.get(m.entity);
      if (!set) this.sourcesByEntity.set(m.entity, (set = new Set()));
      set.add(m.source);
    }
  }

  entitySources(id: string): ReadonlySet<string> {
    return this.sourcesByEntity.get(id) ?? new Set();
  }

  quotesOf(id: string): readonly Quote[] {
    return this.quotesBySpeaker.get(id) ?? [];
  }

  /** Every cited span that concerns an entity, in source order: what the viewer steps through. */
  citationsOf(id: string, source: string): Span[] {
    const entity = this.entities.get(id);
    if (!entity) return [];
    const spans: Span[] = [];
    if (entity.description) spans.push(entity.description);
    spans.push(...entity.citations);
    spans.push(...this.quotesOf(id));
    spans.push(...this.dataset.statements.filter((s) => s.entity === id));
    const seen = new Set<string>();
    return spans
      .filter((s) => s.source === source)
      .filter((s) => {
        const key = `${s.start}-${s.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(({ source: src, start, end }) => ({ source: src, start, end }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }

  card(id: string): CardModel | null {
    const entity = this.entities.get(id);
    if (!entity) return null;
    const cite = (c: Span & { text: string }): CitedLine | null => {
      const src = this.sources.get(c.source);
      if (!src) return null;
      const { source, start, end, text } = c;
      const line: CitedLine = { source, start, end, text, outlet: src.outlet, published: src.published, original: originalLink(src.url, src.text, c) };
      return this.librarySources.has(source) ? { ...line, library: true } : line;
    };
    const quotes: CardQuote[] = [];
    for (const q of [...this.quotesOf(id)].sort(byRelevance(this.sources))) {
      const line = cite(q);
      if (line && q.speaker) quotes.push({ ...line, id: q.id, speaker: q.speaker, speakerName: entity.name });
    }
    const statements: CitedLine[] = [];
    // A statement that carries one of the card's quotes would say it twice: the quote stays.
    const inQuote = (st: Span) => quotes.some((q) => q.source === st.source && q.start >= st.start && q.end <= st.end);
    for (const s of this.dataset.statements.filter((st) => st.entity === id && !inQuote(st)).sort(byRelevance(this.sources))) {
      const line = cite(s);
      if (line) statements.push(line);
    }
    const sources = this.entitySources(id);
    return {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description: entity.description ? cite(entity.description as Citation) : null,
      quotes,
      statements,
      related: this.related(id, sources),
      sourceCount: sources.size,
    };
  }

  /** Entities mentioned in the same sources, most shared sources first, then by name. */
  private related(id: string, sources: ReadonlySet<string>): RelatedEntity[] {
    const shared = new Map<string, number>();
    for (const [other, set] of this.sourcesByEntity) {
      if (other === id) continue;
      let n = 0;
      for (const s of set) if (sources.has(s)) n++;
      if (n > 0) shared.set(other, n);
    }
    return [...shared]
      .map(([other, n]) => ({ e: this.entities.get(other), n }))
      .filter((x): x is { e: Entity; n: number } => x.e !== undefined)
      .sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name))
      .map(({ e }) => ({ id: e.id, name: e.name, type: e.type }));
  }
}

/** Newest source first, then longer (more substantive) lines, then article order. */
function byRelevance(sources: Map<string, Source>) {
  return (a: Span & { text: string }, b: Span & { text: string }): number => {
    const da = sources.get(a.source)?.published ?? '';
    const db = sources.get(b.source)?.published ?? '';
    if (da !== db) return da < db ? 1 : -1;
    const la = a.end - a.start;
    const lb = b.end - b.start;
    if ((la >= 40) !== (lb >= 40)) return la >= 40 ? -1 : 1;
    return a.start - b.start;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
