// One article in, its entities, quotes, statements and mentions out. The same code runs in
// `npm run data` (core/dataset/build.ts, once per source) and in an extension page (the
// in-browser library): pure, synchronous, deterministic; no fs, no Node API, no code
// compiled at run time.

import type { Citation, Entity, Mention, Quote, QuoteRule, Statement } from '../dataset-types';
import { analyseSource, type QuoteFinding } from './attribution';
import { firstAt } from './frame';
import { quoteId, statementId } from './ids';
import type { RegistryDoc } from './inputs';
import { baseOf, discover, roleReferences } from './known';
import { matcherFor, matcherMentions, withReferences, type Ref } from './mentions';
import { aliasKey } from './text';

export { discoverEntities, personKey } from './known';

export type { ArticleInput } from './article-input';
import type { ArticleInput } from './article-input';

export interface ArticleExtraction {
  entities: Entity[];
  quotes: Quote[];
  statements: Statement[];
  mentions: Mention[];
}

/** The extraction plus what tests and the build's overrides need: every quote-mark finding. */
export interface ArticleDetails extends ArticleExtraction {
  findings: QuoteFinding[];
}

function aboutOf(refs: readonly Ref[], start: number, end: number, self: string | null): string[] {
  const ids = new Set<string>();
  for (let i = firstAt(refs, start); i < refs.length && refs[i]!.start < end; i++) {
    const r = refs[i]!;
    if (r.end <= end && r.entity !== self) ids.add(r.entity);
  }
  return [...ids].sort();
}

function withRoles(e: Entity, added: Citation[]): Entity {
  const old = e.roles ?? [];
  const fresh = added.filter((r) => !old.some((o) => o.source === r.source && o.start === r.start && o.end === r.end));
  const roles = [...fresh, ...old];
  const derived = e.description === null || old.some((o) => o.source === e.description?.source && o.start === e.description.start);
  return { ...e, roles, description: derived ? (roles[0] ?? e.description) : e.description };
}

/**
 * Extracts one article. `known` = entities already known (e.g. the bundled dataset's), so a
 * person already known keeps its id and gains this article's cited roles; returned
 * `entities` = new entities plus known ones this article adds roles/citations to. Pure,
 * synchronous, deterministic; no fs, no Node APIs, no ajv/new Function (it must run in an
 * extension page under CSP).
 */
export function extractArticle(article: ArticleInput, known: readonly Entity[], registry?: RegistryDoc): ArticleExtraction {
  const { entities, quotes, statements, mentions } = extractArticleDetails(article, known, registry);
  return { entities, quotes, statements, mentions };
}

/** extractArticle plus every quote-mark finding; `adjust` may correct findings (the build's overrides) before quotes are made. */
export function extractArticleDetails(
  article: ArticleInput,
  known: readonly Entity[],
  registry?: RegistryDoc,
  adjust?: (findings: QuoteFinding[]) => void,
): ArticleDetails {
  const { text, meta } = article;
  const base = baseOf(known, registry);
  const { created, roles } = discover(article, base);
  const matchers = created.length > 0 ? [base.matcher(), matcherFor(created)] : [base.matcher()];
  const aliasRefs = matcherMentions(text, matchers);
  const refs = withReferences(text, aliasRefs, base.withReferences, roleReferences(text, aliasRefs, roles, base, created));
  const names = created.length > 0 ? new Set([...base.names, ...created.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map(aliasKey))]) : base.names;
  const analysis = analyseSource(text, refs, names);
  adjust?.(analysis.quotes);

  const quotes: Quote[] = [];
  for (const q of analysis.quotes) {
    if (q.excluded) continue;
    quotes.push({
      id: quoteId(meta.id, q.start),
      speaker: q.speaker,
      text: text.slice(q.start, q.end),
      source: meta.id,
      start: q.start,
      end: q.end,
      context: { start: q.context.start, end: q.context.end },
      rule: (q.speaker === null && q.rule !== 'override' ? 'none' : q.rule) as QuoteRule,
      cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
      about: aboutOf(refs, q.start, q.end, q.speaker),
      sameAs: [],
    });
  }
  const statements: Statement[] = [];
  const seen = new Set<string>();
  for (const st of analysis.statements) {
    const id = statementId(meta.id, st.start, st.entity);
    if (seen.has(id)) continue;
    seen.add(id);
    statements.push({ id, entity: st.entity, text: text.slice(st.start, st.end), source: meta.id, start: st.start, end: st.end, about: aboutOf(refs, st.start, st.end, st.entity) });
  }
  const mentions: Mention[] = aliasRefs.map((m) => ({ entity: m.entity, source: meta.id, start: m.start, end: m.end }));

  const entities: Entity[] = [];
  for (const e of created) entities.push(withRoles(e, roles.get(e.id) ?? []));
  for (const [id, list] of roles) {
    const e = base.byId.get(id);
    if (e) entities.push(withRoles(e, list));
  }
  return { entities, quotes, statements, mentions, findings: analysis.quotes };
}
