// "Look a name up" in the popup: the search over every entity Factcard knows and the card
// opened in the popup itself. Needs no page: it asks the background, never the tab.

import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import dataset from '../../data/dataset.json';
import { DatasetIndex, type CardModel } from '../../core/card-model';
import type { Dataset } from '../../core/dataset-types';
import { viewerHash, type ViewerTarget } from '../../core/links';
import { EntitySearch, searchEntries } from '../../core/search';
import { SearchField, SearchResults } from '../../components/EntitySearch';
import { PopupCard, type PopupCardState } from '../../components/PopupCard';
import { sendToBackground } from '../../platform/messaging';
import { sendToSearch } from '../../platform/search';

const bundled = dataset as Dataset;
let bundledIndex: DatasetIndex | null = null;

/** A card from the background (merged with the library); the bundled one if the background is unreachable. */
async function fetchCard(id: string): Promise<CardModel | null> {
  try {
    const [card] = await sendToBackground('getCards', { ids: [id] });
    if (card) return card;
  } catch {
    // fall through to the bundled dataset
  }
  bundledIndex ??= new DatasetIndex(bundled);
  return bundledIndex.card(id);
}

const viewerHref = (t: ViewerTarget) => browser.runtime.getURL('/viewer.html') + viewerHash(t);

export interface Lookup {
  field: ComponentChildren;
  /** What replaces the page summary: results or a card; null while the query is empty and no card is open. */
  view: ComponentChildren | null;
}

export function useLookup(): Lookup {
  // The bundled entities are searchable at once; the background's directory (with the
  // library) replaces them when it answers.
  const [search, setSearch] = useState(() => new EntitySearch(searchEntries(bundled)));
  const [query, setQuery] = useState('');
  /** Cards opened, the current last (a related name opens on top; back pops). */
  const [stack, setStack] = useState<string[]>([]);
  const [cards, setCards] = useState<ReadonlyMap<string, CardModel | null>>(new Map());
  const input = useRef<HTMLInputElement>(null);
  /** Where focus returns when the last card closes. */
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    void sendToSearch('searchDirectory', {}).then(
      (entries) => setSearch(new EntitySearch(entries)),
      () => undefined, // the bundled directory stays
    );
    input.current?.focus();
  }, []);

  const result = useMemo(() => (query.trim() === '' ? null : search.search(query)), [search, query]);

  const open = (id: string) => {
    if (stack.length === 0) returnTo.current = id;
    setStack((s) => (s[s.length - 1] === id ? s : [...s, id]));
    if (cards.has(id)) return;
    void fetchCard(id).then((card) => setCards((m) => new Map(m).set(id, card)));
  };
  const back = () => {
    setStack((s) => s.slice(0, -1));
    if (stack.length > 1) return;
    // Focus goes back where the reader was: the result they opened, or the field.
    const id = returnTo.current;
    requestAnimationFrame(() => {
      const btn = id ? document.querySelector<HTMLElement>(`[data-fc="search-result"][data-entity="${CSS.escape(id)}"]`) : null;
      (btn ?? input.current)?.focus();
    });
  };

  const current = stack[stack.length - 1];
  let view: ComponentChildren | null = null;
  if (current !== undefined) {
    const card = cards.get(current);
    const state: PopupCardState = card === undefined ? { kind: 'loading', id: current } : card === null ? { kind: 'missing', id: current } : { kind: 'ready', card };
    view = (
      <PopupCard
        state={state}
        backLabel={stack.length > 1 ? 'Back' : result ? 'Back to results' : 'Back to the page summary'}
        onBack={back}
        viewerHref={viewerHref}
        onOpenSource={(t) => void browser.tabs.create({ url: viewerHref(t) })}
        onSelectEntity={open}
      />
    );
  } else if (result) {
    view = <SearchResults query={query} result={result} onOpen={open} inputRef={input} />;
  }

  return {
    field: (
      <SearchField
        query={query}
        result={result}
        inputRef={input}
        onOpen={open}
        onQuery={(q) => {
          setQuery(q);
          setStack([]);
        }}
      />
    ),
    view,
  };
}
