// What a card shows, assembled from the dataset alone: nothing here is invented, every
// line carries the span it came from.

import type { Citation, Dataset, Entity, EntityType, Quote, Source, Span, Statement } from './dataset-types';
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
  /** How the speaker was found, in words ("named in the sentence: “…”"). */
  reason: string;
  /** The sentence the quote stands in (for a tooltip). */
  context: string;
  /** The same remark in other sources, each cited. */
  alsoIn: CitedLine[];
  /** true when another source words the remark differently. */
  wordingDiffers: boolean;
}

/** A line that talks about the entity: someone's quote or statement naming it. */
export interface AboutLine extends CitedLine {
  id: string;
  kind: 'quote' | 'statement';
  /** Who says it (entity name), or null when the source names no one. */
  speakerName: string | null;
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
  /** Every role the sources state, newest first (the first is `description` unless a role is pinned). */
  roles: CitedLine[];
  quotes: CardQuote[];
  statements: CitedLine[];
  /** Quotes and statements of others that name the entity. */
  saidAbout: AboutLine[];
  /** When nothing else is known: the sentence of its first mention, so every card has a cited line. */
  mentioned: CitedLine | null;
  related: RelatedEntity[];
  sourceCount: number;
}

/** Look-ups over a dataset, built once. */
export class DatasetIndex {
  readonly entities = new Map<string, Entity>();
  readonly sources = new Map<string, Source>();
  private readonly quotesBySpeaker = new Map<string, Quote[]>();
  private readonly quotesById = new Map<string, Quote>();
  private readonly about = new Map<string, Array<Quote | Statement>>();
  private readonly sourcesByEntity = new Map<string, Set<string>>();

  constructor(
    readonly dataset: Dataset,
    /** Sources from the reader's library: their lines are marked on cards. */
    readonly librarySources: ReadonlySet<string> = new Set(),
  ) {
    for (const e of dataset.entities) this.entities.set(e.id, e);
    for (const s of dataset.sources) this.sources.set(s.id, s);
    for (const q of dataset.quotes) {
      this.quotesById.set(q.id, q);
      for (const id of q.about ?? []) push(this.about, id, q);
      if (q.speaker === null) continue;
      push(this.quotesBySpeaker, q.speaker, q);
    }
    for (const st of dataset.statements) for (const id of st.about ?? []) push(this.about, id, st);
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
    spans.push(...(entity.roles ?? []));
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
    const shown = new Set<string>();
    for (const q of [...this.quotesOf(id)].sort(byRelevance(this.sources))) {
      // The same remark in several outlets shows once (the newest), with its other sources.
      if (shown.has(q.id)) continue;
      const others = (q.sameAs ?? []).map((x) => this.quotesById.get(x)).filter((x): x is Quote => x !== undefined);
      for (const o of others) shown.add(o.id);
      const line = cite(q);
      if (!line || !q.speaker) continue;
      const src = this.sources.get(q.source);
      quotes.push({
        ...line,
        id: q.id,
        speaker: q.speaker,
        speakerName: entity.name,
        reason: reasonOf(q, entity.name, src?.text ?? ''),
        context: q.context && src ? src.text.slice(q.context.start, q.context.end) : '',
        alsoIn: others.map(cite).filter((x): x is CitedLine => x !== null),
        wordingDiffers: others.some((o) => o.text !== q.text),
      });
    }
    const statements: CitedLine[] = [];
    // A statement that carries one of the card's quotes would say it twice: the quote stays.
    const inQuote = (st: Span) => quotes.some((q) => q.source === st.source && q.start >= st.start && q.end <= st.end);
    for (const s of this.dataset.statements.filter((st) => st.entity === id && !inQuote(st)).sort(byRelevance(this.sources))) {
      const line = cite(s);
      if (line) statements.push(line);
    }
    const saidAbout: AboutLine[] = [];
    const aboutAll = this.about.get(id) ?? [];
    // A statement that carries a quote already listed says it twice: the quote stays.
    const carriesQuote = (x: Quote | Statement): boolean =>
      !('speaker' in x) && aboutAll.some((o) => 'speaker' in o && o.source === x.source && o.start >= x.start && o.end <= x.end);
    for (const x of [...aboutAll].sort(byRelevance(this.sources))) {
      if (carriesQuote(x)) continue;
      const line = cite(x);
      if (!line) continue;
      const who = 'speaker' in x ? x.speaker : x.entity;
      saidAbout.push({ ...line, id: x.id, kind: 'speaker' in x ? 'quote' : 'statement', speakerName: who ? (this.entities.get(who)?.name ?? null) : null });
    }
    const roles = (entity.roles ?? []).map(cite).filter((x): x is CitedLine => x !== null);
    const sources = this.entitySources(id);
    const description = entity.description ? cite(entity.description as Citation) : null;
    const empty = !description && roles.length === 0 && quotes.length === 0 && statements.length === 0 && saidAbout.length === 0 && entity.citations.length === 0;
    return {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description,
      roles,
      quotes,
      statements,
      saidAbout,
      mentioned: empty ? this.firstMention(id, cite) : null,
      related: this.related(id, sources),
      sourceCount: sources.size,
    };
  }

  /** The sentence around the entity's first mention in its newest source, verbatim. */
  private firstMention(id: string, cite: (c: Span & { text: string }) => CitedLine | null): CitedLine | null {
    const ms = this.dataset.mentions.filter((m) => m.entity === id);
    const newest = [...ms].sort((a, b) => {
      const da = this.sources.get(a.source)?.published ?? '';
      const db = this.sources.get(b.source)?.published ?? '';
      return da !== db ? (da < db ? 1 : -1) : a.start - b.start;
    })[0];
    const src = newest ? this.sources.get(newest.source) : undefined;
    if (!newest || !src) return null;
    const [start, end] = sentenceAround(src.text, newest.start, newest.end);
    return cite({ source: src.id, start, end, text: src.text.slice(start, end) });
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

/** The sentence (or line) around [start, end): from the previous sentence end to the next, within the line. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  let s = lineStart;
  const before = text.slice(lineStart, start);
  const re = /[.!?]["\u201D\u2019']?\s+(?=["\u201C\u2018']?\p{Lu})/gu;
  for (const m of before.matchAll(re)) s = lineStart + m.index + m[0].length;
  let e = lineEnd;
  const after = text.slice(end, lineEnd);
  const m = /[.!?]["\u201D\u2019']?(?=\s+["\u201C\u2018']?\p{Lu}|\s*$)/u.exec(after);
  if (m) e = end + m.index + m[0].length;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** How a quote's speaker was found, in words for the card's quiet line. */
export function reasonOf(q: Quote, speakerName: string, text: string): string {
  const cue = q.cue ? text.slice(q.cue.start, q.cue.end) : null;
  switch (q.rule) {
    case 'named':
      return cue ? `Speaker named in the sentence: “${cue}”` : 'Speaker named in the sentence';
    case 'reference':
      return `“${cue ?? 'a reference'}” refers to ${speakerName}, introduced with that role in the same article`;
    case 'pronoun':
      return `“${cue ?? 'he/she'}” refers back to ${speakerName}, the subject of the sentence before`;
    case 'org-anaphor':
      return `“${cue ?? 'the statement'}” refers back to ${speakerName}, named just before`;
    case 'inherit':
      return 'Same speaker as the clause before';
    case 'continuation':
      return 'Continues the quote before';
    case 'echo':
      return `Subheading repeating ${speakerName}'s words in the quote below it`;
    case 'override':
      return 'Speaker set by hand (quote overrides)';
    default:
      return '';
  }
}
