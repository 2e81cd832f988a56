import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from '../../data/dataset.json';
import type { Dataset } from '../../core/dataset-types';
import { datasetStats } from '../../core/dataset-stats';
import type { PageSummary } from '../../core/protocol';
import { isSiteDisabled, siteOf, type Settings } from '../../core/settings';
import { PopupSummary, type FoundEntity, type PopupState, type Toggles } from '../../components/PopupSummary';
import { AddArticle, type AddState } from '../../components/AddArticle';
import type { ArticleDraft, LibraryCounts } from '../../core/library/types';
import { articleFromSnapshot } from '../../dom/article-extract';
import { sendLibraryToTab, sendToBackground, sendToLibrary, sendToTab } from '../../platform/messaging';
import { loadSettings, saveSettings, watchSettings } from '../../platform/settings';
import { useLookup } from './lookup';

const data = dataset as Dataset;
/** Names, types and roles of what a page mentions: the bundled dataset, plus library entities as cards tell. */
const byId = new Map<string, { id: string; name: string; type: Dataset['entities'][number]['type']; role: string | null }>(
  data.entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type, role: e.description?.text ?? null }]),
);
const asked = new Set<string>();
/** Library entities are not in the bundled dataset: ask the background for their cards once. */
async function learnEntities(ids: string[]): Promise<boolean> {
  const missing = ids.filter((id) => !byId.has(id) && !asked.has(id));
  if (missing.length === 0) return false;
  for (const id of missing) asked.add(id);
  const cards = await sendToBackground('getCards', { ids: missing }).catch(() => []);
  for (const c of cards) byId.set(c.id, { id: c.id, name: c.name, type: c.type, role: c.description?.text ?? null });
  return cards.length > 0;
}
const stats = datasetStats(data);
/** While the popup is open its counts follow the page. */
const POLL_MS = 700;
const explicitTab = new URLSearchParams(location.search).get('tab');

/** The tab this popup describes: `?tab=<id>` when opened for a given tab, else the active one. */
async function targetTab(): Promise<number | null> {
  if (explicitTab && /^\d+$/.test(explicitTab)) return Number(explicitTab);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function toState(summary: PageSummary): PopupState {
  if (summary.status === 'paused') return { kind: 'paused', why: 'everywhere' };
  if (summary.status === 'disabled-site') return { kind: 'paused', why: 'site' };
  const entities: FoundEntity[] = [];
  for (const { entity, count } of summary.entities) {
    const e = byId.get(entity);
    if (e) entities.push({ id: e.id, name: e.name, type: e.type, count, role: e.role });
  }
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { kind: 'ready', entities, scanning: summary.status === 'scanning' };
}

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [library, setLibrary] = useState<LibraryCounts | null>(null);
  const [add, setAdd] = useState<AddState>({ kind: 'idle' });
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const lookup = useLookup();

  const refreshCounts = () => void sendToLibrary('libraryCounts', {}).then(setLibrary, () => setLibrary(null));
  useEffect(refreshCounts, []);

  const addArticle = async () => {
    if (tabId === null) return;
    setAdd({ kind: 'reading' });
    try {
      const snap = await sendLibraryToTab(tabId, 'pageSnapshot', {});
      if ('error' in snap) return setAdd({ kind: 'refused', message: snap.error });
      const read = articleFromSnapshot(snap);
      if (!read.ok) return setAdd({ kind: 'refused', message: read.reason });
      const r = await sendToLibrary('libraryPreview', { article: read.draft });
      if (!r.ok) return setAdd({ kind: 'refused', message: r.error });
      setDraft(read.draft);
      setAdd({ kind: 'preview', preview: r.preview });
    } catch (e) {
      setAdd({ kind: 'refused', message: `Factcard could not read this page (${e instanceof Error ? e.message : String(e)}).` });
    }
  };
  const save = async () => {
    if (add.kind !== 'preview' || !draft) return;
    const preview = add.preview;
    setAdd({ kind: 'saving', preview });
    const r = await sendToLibrary('librarySave', { article: draft }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!r.ok) return setAdd({ kind: 'refused', message: `${r.error} Nothing was saved.` });
    setAdd({ kind: 'saved', preview, duplicate: r.duplicate, newPeople: r.newPeople });
    refreshCounts();
  };

  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    let answered = false;
    const poll = async (id: number) => {
      try {
        const summary = await sendToTab(id, 'getSummary', {});
        answered = true;
        await learnEntities(summary.entities.map((e) => e.entity));
        if (!stopped) {
          setUrl(summary.url);
          setState(toState(summary));
        }
      } catch {
        // No content script answers: a page extensions may not touch, or one still loading.
        if (!stopped && !answered) setState({ kind: 'unsupported' });
      }
      if (!stopped) timer = window.setTimeout(() => void poll(id), POLL_MS);
    };
    void targetTab().then((id) => {
      setTabId(id);
      if (id === null) setState({ kind: 'unsupported' });
      else void poll(id);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const site = url ? siteOf(url) : null;
  const toggles: Toggles | null =
    settings && state.kind !== 'unsupported' && state.kind !== 'loading'
      ? {
          site,
          siteOn: url ? !isSiteDisabled(settings, url) : true,
          everywhereOn: settings.enabled,
          onSite: (on) => {
            if (!site) return;
            const others = settings.disabledSites.filter((s) => s !== site);
            void saveSettings({ ...settings, disabledSites: on ? others : [...others, site].sort() });
          },
          onEverywhere: (on) => void saveSettings({ ...settings, enabled: on }),
        }
      : null;

  return (
    <PopupSummary
      state={state}
      toggles={toggles}
      stats={stats}
      library={library}
      search={lookup.field}
      lookup={lookup.view}
      onScrollTo={(entity) => tabId !== null && void sendToTab(tabId, 'scrollToEntity', { entity })}
      onOpenCard={(entity) => {
        if (tabId === null) return;
        void sendToTab(tabId, 'openCard', { entity }).then(() => {
          // The real popup closes so the card can take focus; opened as a tab it stays.
          if (!explicitTab) window.close();
        });
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onBrowse={() => void browser.tabs.create({ url: browser.runtime.getURL('/viewer.html') })}
    >
      {state.kind === 'ready' || state.kind === 'paused' ? (
        <AddArticle
          state={add}
          onAdd={() => void addArticle()}
          onSave={() => void save()}
          onCancel={() => setAdd({ kind: 'idle' })}
          onOpenLibrary={() => void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#library` })}
        />
      ) : null}
    </PopupSummary>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
