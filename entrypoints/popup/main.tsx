import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from '../../data/dataset.json';
import type { Dataset } from '../../core/dataset-types';
import { datasetStats } from '../../core/dataset-stats';
import type { PageSummary } from '../../core/protocol';
import { isSiteDisabled, siteOf, type Settings } from '../../core/settings';
import { PopupSummary, type FoundEntity, type PopupState, type Toggles } from '../../components/PopupSummary';
import { sendToTab } from '../../platform/messaging';
import { loadSettings, saveSettings, watchSettings } from '../../platform/settings';

const data = dataset as Dataset;
const byId = new Map(data.entities.map((e) => [e.id, e]));
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
    if (e) entities.push({ id: e.id, name: e.name, type: e.type, count, role: e.description?.text ?? null });
  }
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { kind: 'ready', entities, scanning: summary.status === 'scanning' };
}

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

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
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
