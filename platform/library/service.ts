// The library as the background sees it: the store, the merged bundled + library dataset
// (rebuilt once per change) and the compiled matcher index it publishes to every tab.
// Plain class over injected dependencies; unit tests drive it with fake IndexedDB.

import { DatasetIndex } from '../../core/card-model';
import { extractArticle, type ArticleExtraction } from '../../core/dataset/article';
import type { Dataset } from '../../core/dataset-types';
import { draftProblems, libraryId, LibraryInputError, metaOf, normaliseText, parseLibraryFile } from '../../core/library/draft';
import { mergeLibrary } from '../../core/library/merge';
import {
  EXTRACTOR_VERSION,
  type ArticleDraft,
  type ArticlePreview,
  type LibraryCounts,
  type LibraryEntry,
  type LibraryFile,
  type LibraryListItem,
  type ImportResult,
  type PreviewResult,
  type SaveResult,
  type ViewerData,
  type PublishedIndex,
} from '../../core/library/types';
import { aliasEntriesFromDataset, compileIndex, type CompiledIndex } from '../../core/matcher';
import { sha256Hex } from './hash';

export type { PublishedIndex };
import { LibraryStoreError, storeError, type LibraryStore } from './store';


export interface LibraryServiceDeps {
  bundled: Dataset;
  store: () => Promise<LibraryStore>;
  publish: (p: PublishedIndex) => Promise<void>;
  now?: () => Date;
  extract?: typeof extractArticle;
}


export class LibraryService {
  private entries: LibraryEntry[] | null = null;
  private merged: { index: DatasetIndex; compiled: CompiledIndex | null } | null = null;
  private loading: Promise<LibraryEntry[]> | null = null;
  private readonly bundledIndex: DatasetIndex;
  private readonly extract: typeof extractArticle;
  private readonly now: () => Date;

  constructor(private readonly deps: LibraryServiceDeps) {
    this.bundledIndex = new DatasetIndex(deps.bundled);
    this.extract = deps.extract ?? extractArticle;
    this.now = deps.now ?? (() => new Date());
  }

  private async load(): Promise<LibraryEntry[]> {
    if (this.entries) return this.entries;
    this.loading ??= this.deps
      .store()
      .then((s) => s.all())
      .then((list) => (this.entries = list))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** The merged index behind cards and the viewer. */
  async index(): Promise<DatasetIndex> {
    const entries = await this.load();
    if (entries.length === 0) return this.bundledIndex;
    return this.build(entries).index;
  }

  private build(entries: LibraryEntry[]): { index: DatasetIndex; compiled: CompiledIndex | null } {
    if (this.merged) return this.merged;
    const { dataset, librarySources } = mergeLibrary(this.deps.bundled, entries);
    const compiled = entries.length ? compileIndex(aliasEntriesFromDataset(dataset)) : null;
    this.merged = { index: new DatasetIndex(dataset, librarySources), compiled };
    return this.merged;
  }

  /**
   * Rebuilds after a change and tells every tab (one index per change, not per page). `next` is
   * the library after the change when the caller knows it (saves the store's full read).
   */
  private async changed(update?: (list: LibraryEntry[]) => LibraryEntry[]): Promise<void> {
    this.merged = null;
    this.entries = update && this.entries ? update(this.entries) : null;
    const entries = await this.load();
    const { compiled } = this.build(entries);
    await this.deps.publish({ revision: revisionOf(compiled), index: compiled });
  }

  /** At background start: publish what the library holds now (the bundled dataset may be new). */
  async republish(): Promise<void> {
    await this.changed();
  }

  private async prepare(draft: ArticleDraft): Promise<{ hash: string; id: string; text: string; draft: ArticleDraft }> {
    const text = normaliseText(typeof draft.text === 'string' ? draft.text : '');
    const clean: ArticleDraft = { ...draft, text };
    const problems = draftProblems(clean);
    if (problems.length) throw new LibraryInputError(problems.join('\n'));
    const hash = await sha256Hex(text);
    return { hash, id: libraryId(hash), text, draft: clean };
  }

  private run(id: string, draft: ArticleDraft, text: string): ArticleExtraction {
    return this.extract({ meta: metaOf(id, draft), text }, this.deps.bundled.entities);
  }

  async preview(draft: ArticleDraft): Promise<PreviewResult> {
    try {
      const { id, hash, text, draft: d } = await this.prepare(draft);
      const extraction = this.run(id, d, text);
      const store = await this.deps.store();
      const duplicate = (await store.byHash(hash)) !== undefined;
      const index = await this.index();
      return { ok: true, preview: previewOf(id, metaOf(id, d), extraction, index, duplicate) };
    } catch (e) {
      return { ok: false, error: messageOf(e) };
    }
  }

  async save(draft: ArticleDraft): Promise<SaveResult> {
    try {
      const { id, hash, text, draft: d } = await this.prepare(draft);
      const store = await this.deps.store();
      const existing = await store.byHash(hash);
      if (existing) return { ok: true, id: existing.id, duplicate: true, newPeople: 0 };
      const extraction = this.run(id, d, text);
      const before = await this.index();
      const newPeople = extraction.entities.filter((e) => !before.entities.has(e.id)).length;
      const entry: LibraryEntry = { id, hash, meta: metaOf(id, d), author: d.author.trim(), text, addedAt: this.now().toISOString(), extractor: EXTRACTOR_VERSION, extraction };
      await store.add(entry);
      await this.changed((list) => [...list, entry]);
      return { ok: true, id, duplicate: false, newPeople };
    } catch (e) {
      return { ok: false, error: messageOf(e) };
    }
  }

  async list(): Promise<LibraryListItem[]> {
    const entries = await this.load();
    const index = await this.index();
    return entries
      .map((e) => ({
        id: e.id,
        title: e.meta.title,
        outlet: e.meta.outlet,
        published: e.meta.published,
        url: e.meta.url,
        author: e.author,
        addedAt: e.addedAt,
        people: peopleOf(e.extraction, index),
        quotes: e.extraction.quotes.filter((q) => q.speaker !== null).length,
        chars: e.text.length,
        stale: e.extractor !== EXTRACTOR_VERSION,
      }))
      .sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0));
  }

  async counts(): Promise<LibraryCounts> {
    const entries = await this.load();
    const people = new Set(entries.flatMap((e) => e.extraction.entities.map((x) => x.id)));
    return { sources: entries.length, entities: people.size, quotes: entries.reduce((n, e) => n + e.extraction.quotes.filter((q) => q.speaker !== null).length, 0) };
  }

  /** Removes an entry; returns it so the page can offer undo. */
  async remove(id: string): Promise<LibraryEntry | null> {
    const store = await this.deps.store();
    const entry = await store.delete(id);
    await this.changed((list) => list.filter((e) => e.id !== id));
    return entry ?? null;
  }

  /** Undo of a delete: the entry as it was (its text checked against its hash). */
  async restore(entry: LibraryEntry): Promise<SaveResult> {
    try {
      if ((await sha256Hex(entry.text)) !== entry.hash || libraryId(entry.hash) !== entry.id) throw new LibraryInputError('The entry to restore does not match its hash.');
      const store = await this.deps.store();
      await store.add(entry);
      await this.changed();
      return { ok: true, id: entry.id, duplicate: false, newPeople: 0 };
    } catch (e) {
      return { ok: false, error: messageOf(e) };
    }
  }

  /** Re-runs extraction on one entry or all (after an update changed the extractor). */
  async reextract(id?: string): Promise<number> {
    const store = await this.deps.store();
    const entries = id ? [await store.get(id)].filter((e): e is LibraryEntry => e !== undefined) : await store.all();
    for (const e of entries) {
      await store.replace({ ...e, extractor: EXTRACTOR_VERSION, extraction: this.extract({ meta: e.meta, text: e.text }, this.deps.bundled.entities) });
    }
    await this.changed();
    return entries.length;
  }

  async exportFile(): Promise<LibraryFile> {
    const entries = await this.load();
    return {
      format: 'factcard-library',
      version: 1,
      exportedAt: this.now().toISOString(),
      entries: [...entries]
        .sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1))
        .map((e) => ({
          id: e.id,
          hash: e.hash,
          title: e.meta.title,
          titleDerived: e.meta.titleDerived,
          outlet: e.meta.outlet,
          author: e.author,
          published: e.meta.published,
          dateline: e.meta.dateline,
          url: e.meta.url,
          addedAt: e.addedAt,
          text: e.text,
        })),
    };
  }

  /**
   * Imports an export file, all-or-nothing: any bad entry refuses the whole file and the library
   * is unchanged. Articles already in the library (same text) are skipped. Extraction is run
   * again on import, so every line shown is recomputed from the text, never taken from the file.
   */
  async importFile(raw: string, file: string): Promise<ImportResult> {
    try {
      const parsed = parseLibraryFile(raw, file);
      const errors: string[] = [];
      for (const [i, e] of parsed.entries.entries()) {
        if ((await sha256Hex(e.text)) !== e.hash) errors.push(`${file}: entries[${i}].hash: does not match the entry's text`);
      }
      if (errors.length) throw new LibraryInputError(`${errors.slice(0, 10).join('\n')}\nNothing was imported: the library is unchanged.`);
      const store = await this.deps.store();
      const fresh: LibraryEntry[] = [];
      for (const e of parsed.entries) {
        if (await store.byHash(e.hash)) continue;
        const meta = { id: e.id, title: e.title, titleDerived: e.titleDerived, outlet: e.outlet, published: e.published, dateline: e.dateline, url: e.url };
        fresh.push({ id: e.id, hash: e.hash, meta, author: e.author, text: e.text, addedAt: e.addedAt, extractor: EXTRACTOR_VERSION, extraction: this.extract({ meta, text: e.text }, this.deps.bundled.entities) });
      }
      await store.addAll(fresh);
      if (fresh.length) await this.changed();
      return { ok: true, added: fresh.length, skipped: parsed.entries.length - fresh.length };
    } catch (e) {
      return { ok: false, error: messageOf(e) };
    }
  }

  /** What the viewer needs to show a source at a span: bundled or library, one answer. */
  async viewerData(source: string, entity?: string): Promise<ViewerData | null> {
    const index = await this.index();
    const src = index.sources.get(source);
    if (!src) return null;
    const e = entity ? index.entities.get(entity) : undefined;
    return { source: src, library: index.librarySources.has(source), entity: e ? { id: e.id, name: e.name } : null, citations: e ? index.citationsOf(e.id, source) : [] };
  }
}

/** A fingerprint of the index (FNV-1a over its JSON): equal indexes, equal revisions. */
export function revisionOf(index: CompiledIndex | null): string {
  if (!index) return 'bundled';
  const s = JSON.stringify(index);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16)}-${s.length}`;
}

/** A reader-facing message: ours as they are, the browser's storage errors (quota…) explained. */
function messageOf(e: unknown): string {
  if (e instanceof LibraryInputError || e instanceof LibraryStoreError) return e.message;
  return storeError(e, 'Not done').message;
}

function peopleOf(x: ArticleExtraction, index: DatasetIndex): string[] {
  const ids = new Set<string>();
  for (const q of x.quotes) if (q.speaker) ids.add(q.speaker);
  for (const e of x.entities) ids.add(e.id);
  for (const m of x.mentions) if (index.entities.get(m.entity)?.type === 'person') ids.add(m.entity);
  return [...ids].map((id) => index.entities.get(id)?.name ?? x.entities.find((e) => e.id === id)?.name ?? id).sort((a, b) => a.localeCompare(b));
}

export function previewOf(id: string, meta: { title: string; outlet: string; published: string }, x: ArticleExtraction, index: DatasetIndex, duplicate: boolean): ArticlePreview {
  const fresh = new Map(x.entities.map((e) => [e.id, e]));
  const nameOf = (eid: string) => fresh.get(eid)?.name ?? index.entities.get(eid)?.name ?? null;
  const ids = new Set<string>();
  for (const e of x.entities) ids.add(e.id);
  for (const q of x.quotes) if (q.speaker) ids.add(q.speaker);
  for (const m of x.mentions) {
    const t = fresh.get(m.entity)?.type ?? index.entities.get(m.entity)?.type;
    if (t === 'person') ids.add(m.entity);
  }
  const people = [...ids]
    .map((eid) => {
      const e = fresh.get(eid) ?? index.entities.get(eid);
      return {
        id: eid,
        name: e?.name ?? eid,
        role: e?.description?.text ?? null,
        isNew: fresh.has(eid) && !index.entities.has(eid),
        quotes: x.quotes.filter((q) => q.speaker === eid).length,
      };
    })
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return {
    id,
    title: meta.title,
    outlet: meta.outlet,
    published: meta.published,
    people,
    quotes: x.quotes.map((q) => ({ speakerName: q.speaker ? nameOf(q.speaker) : null, text: q.text })),
    statements: x.statements.length,
    duplicate,
  };
}
