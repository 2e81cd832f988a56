import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import dataset from '../../data/dataset.json';
import type { Dataset } from '../../core/dataset-types';
import { datasetStats } from '../../core/dataset-stats';
import type { PageSummary } from '../../core/protocol';
import { PopupSummary, type FoundEntity, type PopupState } from '../../components/PopupSummary';
import { sendToTab } from '../../platform/messaging';

const data = dataset as Dataset;
const byId = new Map(data.entities.map((e) => [e.id, e]));
const POLL_MS = 1000;

/** The tab this popup describes: `?tab=<id>` when opened for a given tab, else the active one. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function toState(summary: PageSummary): PopupState {
  if (summary.status === 'paused' || summary.status === 'disabled-site') return { kind: 'paused' };
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

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const poll = async (id: number) => {
      try {
        const summary = await sendToTab(id, 'getSummary', {});
        if (!stopped) setState(toState(summary));
      } catch {
        // No content script answers: a page extensions may not touch, or one still loading.
        if (!stopped) setState((s) => (s.kind === 'loading' || s.kind === 'unsupported' ? { kind: 'unsupported' } : s));
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

  return (
    <PopupSummary
      state={state}
      stats={datasetStats(data)}
      onScrollTo={(entity) => tabId !== null && void sendToTab(tabId, 'scrollToEntity', { entity })}
      onOpenCard={(entity) => {
        if (tabId === null) return;
        void sendToTab(tabId, 'openCard', { entity }).then(() => {
          // A real popup closes itself when the page gets focus; opened as a tab it stays.
          if (!new URLSearchParams(location.search).has('tab')) window.close();
        });
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onBrowse={() => void browser.tabs.create({ url: browser.runtime.getURL('/viewer.html') })}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
