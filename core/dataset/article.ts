// TEMPORARY implementation of the extraction contract for one article (issue 12's library).
// The extraction rewrite delivers its own core/dataset/article.ts with exactly this
// signature; at merge theirs replaces this file. Everything the library does goes through
// extractArticle, nothing else here.
//
// Today's pipeline only resolves speakers that the registry knows. So that a reader's own
// article can name new people, this stand-in finds person names next to a speech cue
// ("Jane Doe said", "said Jane Doe", "according to Jane Doe"), with a role where the
// sentence states one ("Foreign Minister Jane Doe", "Jane Doe, a lawyer in Lyon, said"), and
// adds them as entities before running analyseSource. Pure, sync, no schema compiler: runs
// in an extension page.

import type { Citation, Entity, Mention, Quote, Statement } from '../dataset-types';
import { analyseSource } from './attribution';
import { registryNames } from './classify-quote';
import { quoteId, statementId } from './ids';
import type { RegistryDoc, RegistryEntity, SourceMeta } from './inputs';
import { findAliasMentions, findExtractionRefs } from './mentions';

export interface ArticleInput {
  meta: SourceMeta;
  text: string;
}

export interface ArticleExtraction {
  /** Entities this article introduces (not among `known`), with the role it states. */
  entities: Entity[];
  quotes: Quote[];
  statements: Statement[];
  mentions: Mention[];
}

const CUE = '(?:said|says|told|added|explained|warned|argued|noted|insisted|stated|wrote|asked|replied|declared|stressed)';
const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'\u2019]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}'\u2019]+)*";
/** Up to five capitalised words (initials allowed) right before a cue. */
const BEFORE_CUE = new RegExp(`((?:${NAME_WORD}|\\p{Lu}\\.)(?:\\s+(?:${NAME_WORD}|\\p{Lu}\\.)){1,4})(,\\s+[^,.\u201C\u201D"]{3,120},)?\\s+${CUE}\\b`, 'gu');
const AFTER_CUE = new RegExp(`\\b(?:${CUE}|according to)\\s+((?:${NAME_WORD}|\\p{Lu}\\.)(?:\\s+(?:${NAME_WORD}|\\p{Lu}\\.)){1,4})(,\\s+(?:a|an|the)\\s+[^,.\u201C\u201D"]{3,120}[,.])?`, 'gu');

/** Words that open a capitalised run without being part of a name. */
const NOT_NAME = new Set(
  'The A An And But Or In On At Of For From To By With As When While After Before If It He She They We I This That These Those His Her Their Our Its Mr Mrs Ms Dr Prof Sir Dame Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);
/** Titles that may stand before a name and say who the person is ("Foreign Minister Jane Doe"). */
const TITLE = new Set(
  'President Prime Minister Foreign Defence Defense Interior Finance Health Secretary General Ambassador Senator Governor Mayor Director Professor Chief Executive Spokesman Spokeswoman Spokesperson Commander Colonel Captain Judge Justice Chancellor Deputy Vice Chairman Chairwoman Chair Lawyer Attorney Officer Inspector Minister Representative Rep Sen Gov Gen Col Capt Lt Sgt Doctor Dr Mr Mrs Ms Prof Sir Dame Lord Lady King Queen Prince Princess Pope Bishop Father Rabbi Imam Sheikh Coach Detective Constable Superintendent Head Leader Editor Reporter Analyst Economist Researcher Scientist'.split(
    ' ',
  ),
);

interface Found {
  name: string;
  start: number;
  end: number;
  role: { start: number; end: number } | null;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Splits a capitalised run into leading title words and the name (two or three words). */
function splitRun(run: string, at: number): { title: [number, number] | null; name: [number, number] } | null {
  const words = [...run.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: at + m.index, end: at + m.index + m[0].length }));
  let i = 0;
  let titleEnd = -1;
  while (i < words.length && (TITLE.has(words[i]!.text.replace(/\.$/, '')) || NOT_NAME.has(words[i]!.text.replace(/\.$/, '')))) {
    if (TITLE.has(words[i]!.text.replace(/\.$/, ''))) titleEnd = i;
    i++;
  }
  const rest = words.slice(i);
  if (rest.length < 2 || rest.length > 3) return null;
  if (rest.some((w) => NOT_NAME.has(w.text) || TITLE.has(w.text))) return null;
  const titleStart = words.findIndex((w) => TITLE.has(w.text.replace(/\.$/, '')));
  const title: [number, number] | null =
    titleEnd >= 0 && titleStart >= 0 && titleEnd - titleStart >= 0 && words[titleStart]!.text.length > 3 ? [words[titleStart]!.start, words[titleEnd]!.end] : null;
  return { title, name: [rest[0]!.start, rest[rest.length - 1]!.end] };
}

/** Person names next to speech cues, with a stated role where there is one. */
export function findSpeakers(text: string): Found[] {
  const out: Found[] = [];
  const add = (runStart: number, run: string, appositive: { start: number; end: number } | null) => {
    const split = splitRun(run, runStart);
    if (!split) return;
    const name = text.slice(split.name[0], split.name[1]);
    const role = split.title ? { start: split.title[0], end: split.title[1] } : appositive;
    out.push({ name, start: split.name[0], end: split.name[1], role });
  };
  const appositiveSpan = (m: RegExpMatchArray, group: number): { start: number; end: number } | null => {
    const raw = m[group];
    if (!raw || m.index === undefined) return null;
    const at = m.index + m[0].indexOf(raw);
    // ", a lawyer in Lyon," → "a lawyer in Lyon"
    const inner = raw.replace(/^,\s+/, '').replace(/[,.]$/, '');
    const start = at + raw.indexOf(inner);
    return inner.trim().split(/\s+/).length >= 2 ? { start, end: start + inner.length } : null;
  };
  for (const m of text.matchAll(BEFORE_CUE)) add(m.index, m[1] ?? '', appositiveSpan(m, 2));
  for (const m of text.matchAll(AFTER_CUE)) {
    const run = m[1] ?? '';
    add(m.index + m[0].indexOf(run), run, appositiveSpan(m, 2));
  }
  return out;
}

function toRegistry(e: Entity): RegistryEntity {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases.map((a) => ({ text: a.text, strength: a.strength, caseSensitive: a.caseSensitive })) };
}

export function extractArticle(article: ArticleInput, known: readonly Entity[], registry?: RegistryDoc): ArticleExtraction {
  const { text } = article;
  const id = article.meta.id;
  const base: RegistryEntity[] = registry ? registry.entities : known.map(toRegistry);
  const knownRefs = findAliasMentions(text, base);
  const covered = (s: number, e: number) => knownRefs.some((r) => r.start < e && s < r.end);
  const knownAliases = new Set(base.flatMap((e) => e.aliases.map((a) => (typeof a === 'string' ? a : a.text))));
  const knownIds = new Set(base.map((e) => e.id));

  const fresh = new Map<string, Entity>();
  for (const f of findSpeakers(text)) {
    if (covered(f.start, f.end) || knownAliases.has(f.name)) continue;
    const entityId = `lib-${slug(f.name)}`;
    if (!entityId || entityId === 'lib-' || knownIds.has(entityId)) continue;
    let entity = fresh.get(entityId);
    if (!entity) {
      const surname = f.name.split(/\s+/).pop() ?? '';
      const aliases: Entity['aliases'] = [{ text: f.name, strength: 'strong', caseSensitive: true }];
      if (surname && surname !== f.name && !knownAliases.has(surname)) aliases.push({ text: surname, strength: 'weak', caseSensitive: true });
      entity = { id: entityId, name: f.name, type: 'person', aliases, description: null, citations: [] };
      fresh.set(entityId, entity);
    }
    if (f.role && f.role.end > f.role.start) {
      const cite: Citation = { source: id, start: f.role.start, end: f.role.end, text: text.slice(f.role.start, f.role.end) };
      if (!entity.description) entity.description = cite;
      else if (!entity.citations.some((c) => c.start === cite.start) && entity.description.start !== cite.start) entity.citations.push(cite);
    }
  }
  // A new surname may be some other new person's surname too: keep it for neither.
  const surnames = new Map<string, number>();
  for (const e of fresh.values()) for (const a of e.aliases.slice(1)) surnames.set(a.text, (surnames.get(a.text) ?? 0) + 1);
  for (const e of fresh.values()) e.aliases = e.aliases.filter((a, i) => i === 0 || surnames.get(a.text) === 1);

  const all: RegistryEntity[] = [...base, ...[...fresh.values()].map(toRegistry)];
  const analysis = analyseSource(text, findExtractionRefs(text, all), registryNames(all));
  const quotes: Quote[] = [];
  for (const q of analysis.quotes) {
    if (q.excluded || q.end <= q.start) continue;
    quotes.push({ id: quoteId(id, q.start), speaker: q.speaker, text: text.slice(q.start, q.end), source: id, start: q.start, end: q.end });
  }
  const statements: Statement[] = [];
  const seen = new Set<string>();
  for (const st of analysis.statements) {
    const sid = statementId(id, st.start, st.entity);
    if (seen.has(sid)) continue;
    seen.add(sid);
    statements.push({ id: sid, entity: st.entity, text: text.slice(st.start, st.end), source: id, start: st.start, end: st.end });
  }
  const mentions: Mention[] = findAliasMentions(text, all).map((m) => ({ entity: m.entity, source: id, start: m.start, end: m.end }));
  // Entities the article introduces are kept only if it mentions them (it always does) — and
  // sorted by id, so the same text gives the same result.
  const entities = [...fresh.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { entities, quotes, statements, mentions };
}
