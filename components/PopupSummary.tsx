import { ENTITY_TYPES, type EntityType } from '../core/dataset-types';
import type { ComponentChildren } from 'preact';
import type { DatasetStats } from '../core/dataset-stats';
import type { LibraryCounts } from '../core/library/types';
import { formatDate, plural, TYPE_LABEL, TYPE_PLURAL } from './format';

export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
  role: string | null;
}

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'unsupported' }
  | { kind: 'paused'; why: 'everywhere' | 'site' }
  | { kind: 'ready'; entities: FoundEntity[]; scanning: boolean };

export interface Toggles {
  /** The tab's site, or null where a site switch makes no sense. */
  site: string | null;
  siteOn: boolean;
  everywhereOn: boolean;
  onSite: (on: boolean) => void;
  onEverywhere: (on: boolean) => void;
}

export interface PopupSummaryProps {
  state: PopupState;
  toggles: Toggles | null;
  stats: DatasetStats;
  /** The reader's library, counted apart from the bundled dataset (null while unknown). */
  library?: LibraryCounts | null;
  /** Shown under the list (the popup's "Add this article"). */
  children?: ComponentChildren;
  /** The search field, at the top under the title ("Look a name up"). */
  search?: ComponentChildren;
  /** While the reader looks a name up: shown instead of the page's list, toggles and children. */
  lookup?: ComponentChildren | null;
  onScrollTo: (id: string) => void;
  onOpenCard: (id: string) => void;
  onOpenOptions: () => void;
  onBrowse: () => void;
}

const GROUP_ORDER: readonly EntityType[] = ENTITY_TYPES;

export function PopupSummary({ state, toggles, stats, library, children, search, lookup, onScrollTo, onOpenCard, onOpenOptions, onBrowse }: PopupSummaryProps) {
  return (
    <div class="popup">
      <header class="top">
        <h1>Factcard</h1>
        {state.kind === 'ready' ? (
          <span class="summary" data-fc="summary">
            {state.entities.length === 0 ? 'Nothing found' : `${plural(state.entities.length, 'entity', 'entities')} on this page`}
          </span>
        ) : null}
      </header>
      {search}
      {lookup ? (
        <main>{lookup}</main>
      ) : (
        <>
          {toggles ? <ToggleBar {...toggles} /> : null}
          <main aria-label="On this page">{body(state, onScrollTo, onOpenCard)}</main>
          {children}
        </>
      )}
      <footer class="foot" data-fc="dataset-stats">
        <span>
          Dataset: {plural(stats.entities, 'entity', 'entities')}, {plural(stats.quotes, 'quote')}, {plural(stats.sources, 'bundled source')}
          {stats.from ? ` · ${formatDate(stats.from)}${stats.to && stats.to !== stats.from ? ` – ${formatDate(stats.to)}` : ''}` : ''}
        </span>
        {library ? (
          <span data-fc="library-stats">
            Your library: {plural(library.sources, 'source')}, {plural(library.entities, 'person', 'people')} found, {plural(library.quotes, 'quote')}
          </span>
        ) : null}
        <span class="foot-links">
          <button type="button" class="link" data-fc="browse" onClick={onBrowse}>
            Browse the dataset
          </button>
          <button type="button" class="link" data-fc="options" onClick={onOpenOptions}>
            Options
          </button>
        </span>
      </footer>
    </div>
  );
}

function body(state: PopupState, onScrollTo: (id: string) => void, onOpenCard: (id: string) => void) {
  switch (state.kind) {
    case 'loading':
      return <p class="state" data-fc="state-loading">Reading the page…</p>;
    case 'unsupported':
      return (
        <p class="state" data-fc="state-unsupported">
          Factcard can’t run on this page. Browser pages, extension stores and built-in viewers are closed to extensions.
        </p>
      );
    case 'paused':
      return (
        <p class="state" data-fc="state-paused">
          {state.why === 'everywhere' ? 'Factcard is paused everywhere.' : 'Factcard is off on this site.'} Nothing on this page is marked.
        </p>
      );
    case 'ready':
      if (state.entities.length === 0) {
        return (
          <p class="state" data-fc="state-empty">
            {state.scanning ? 'Still reading the page…' : 'No one from the dataset is mentioned on this page.'}
          </p>
        );
      }
      return GROUP_ORDER.map((type) => {
        const group = state.entities.filter((e) => e.type === type);
        if (group.length === 0) return null;
        return (
          <section key={type} data-fc="group" data-type={type}>
            <h2>
              {/* Read as "People: 3 found"; shown as "PEOPLE 3" (the capitals are CSS, which Chromium would read out). */}
              <span aria-hidden="true">
                {TYPE_PLURAL[type]} <span class="n">{group.length}</span>
              </span>
              <span class="sr">
                {TYPE_PLURAL[type]}: {group.length} found
              </span>
            </h2>
            <ul role="list">
              {group.map((e) => (
                <li key={e.id} data-fc="entity" data-entity={e.id}>
                  <button
                    type="button"
                    class="entity"
                    title="Scroll to the next mention"
                    aria-label={`${e.name}, ${plural(e.count, 'mention')}, ${e.role ?? TYPE_LABEL[e.type]}`}
                    onClick={() => onScrollTo(e.id)}
                  >
                    <span class="name" data-fc="entity-name">
                      {e.name}
                    </span>
                    <span class="count" data-fc="entity-count" aria-hidden="true">
                      {e.count}
                    </span>
                    {e.role ? <span class="role">{e.role}</span> : <span class="role">{TYPE_LABEL[e.type]}</span>}
                  </button>
                  <button type="button" class="card-btn" data-fc="open-card" aria-label={`Open ${e.name}'s card`} title="Open the card" onClick={() => onOpenCard(e.id)}>
                    ▸
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      });
  }
}

function ToggleBar({ site, siteOn, everywhereOn, onSite, onEverywhere }: Toggles) {
  return (
    <div class="toggles">
      {site ? (
        <label class="switch" title={`Mark names on ${site}`}>
          <input type="checkbox" role="switch" checked={siteOn} disabled={!everywhereOn} data-fc="toggle-site" onChange={(e) => onSite((e.target as HTMLInputElement).checked)} />
          <span>
            On <strong>{site}</strong>
          </span>
        </label>
      ) : null}
      <label class="switch" title="Pause or resume Factcard on every site">
        <input type="checkbox" role="switch" checked={everywhereOn} data-fc="toggle-everywhere" onChange={(e) => onEverywhere((e.target as HTMLInputElement).checked)} />
        <span>Everywhere</span>
      </label>
    </div>
  );
}
