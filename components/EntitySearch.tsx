// The popup's "Look a name up": a labelled search field and its results.
//
// The results are a plain list of buttons rather than an ARIA combobox/listbox: a button in a
// list is read the same way by every screen reader ("Vitaly Churkin, Person, button, 1 of 3"),
// Enter and Space work natively, and nothing depends on aria-activedescendant support. Arrow
// keys still move through it like a listbox: Down from the field to the first result, Up/Down,
// Home/End in the list, Up from the first (or Escape) back to the field; Enter in the field
// opens the best match. The count goes to a polite live region as the reader types.

import type { RefObject } from 'preact';
import type { SearchHit, SearchResult } from '../core/search';
import { plural, TYPE_LABEL } from './format';

export const RESULTS_ID = 'fc-search-results';

export interface SearchFieldProps {
  query: string;
  /** null while the query is empty (the page summary shows). */
  result: SearchResult | null;
  onQuery: (q: string) => void;
  /** Enter in the field: open the best match. */
  onOpen: (id: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** What the live region says: the count, in words. */
export function resultCount(result: SearchResult | null): string {
  if (!result) return '';
  if (result.total === 0) return 'No results';
  if (result.total > result.hits.length) return `${result.hits.length} of ${plural(result.total, 'result')} shown`;
  return plural(result.total, 'result');
}

export function SearchField({ query, result, onQuery, onOpen, inputRef }: SearchFieldProps) {
  return (
    <div class="search" role="search">
      <label for="fc-search" class="sr">
        Look a name up
      </label>
      <input
        id="fc-search"
        ref={inputRef}
        type="search"
        data-fc="search"
        placeholder="Look a name up"
        aria-describedby="fc-search-hint"
        aria-controls={result ? RESULTS_ID : undefined}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            const first = document.getElementById(RESULTS_ID)?.querySelector<HTMLButtonElement>('button');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          } else if (e.key === 'Enter') {
            const best = result?.hits[0];
            if (best) {
              e.preventDefault();
              onOpen(best.id);
            }
          } else if (e.key === 'Escape' && query !== '') {
            // Clears the field; with nothing typed, Escape closes the popup as usual.
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      <span id="fc-search-hint" class="sr">
        People, organisations and places in the dataset and your library. Down arrow goes to the results.
      </span>
      <p role="status" class="sr" data-fc="search-status">
        {resultCount(result)}
      </p>
    </div>
  );
}

export interface SearchResultsProps {
  query: string;
  result: SearchResult;
  onOpen: (id: string) => void;
  /** Where focus goes back to (the field). */
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function SearchResults({ query, result, onOpen, inputRef }: SearchResultsProps) {
  if (result.total === 0) {
    return (
      <p class="state" data-fc="search-empty">
        No one in the dataset or your library matches “{query.length > 80 ? `${query.slice(0, 80)}…` : query}”.
      </p>
    );
  }
  const move = (e: KeyboardEvent) => {
    const list = e.currentTarget as HTMLElement;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button[data-fc="search-result"]')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = buttons[Math.min(i + 1, buttons.length - 1)];
    else if (e.key === 'ArrowUp') next = i <= 0 ? (inputRef?.current ?? undefined) : buttons[i - 1];
    else if (e.key === 'Home') next = buttons[0];
    else if (e.key === 'End') next = buttons[buttons.length - 1];
    else if (e.key === 'Escape') next = inputRef?.current ?? undefined;
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <section data-fc="search-results-section" aria-labelledby="fc-results-heading">
      <h2 id="fc-results-heading">
        <span aria-hidden="true">
          Matches <span class="n">{result.total}</span>
        </span>
        <span class="sr">Matches: {resultCount(result)}</span>
      </h2>
      <ul id={RESULTS_ID} role="list" data-fc="search-results" onKeyDown={move}>
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <ResultButton hit={hit} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultButton({ hit, onOpen }: { hit: SearchHit; onOpen: (id: string) => void }) {
  const descId = `fc-result-${hit.id}`;
  const written = hit.matched && hit.matched !== hit.name ? hit.matched : null;
  // The name is what the reader listens for first; the type, a spelling that matched and the
  // role come after it.
  const label = `${hit.name}, ${TYPE_LABEL[hit.type]}${written ? `, also written ${written}` : ''}`;
  return (
    <button
      type="button"
      class="entity result"
      data-fc="search-result"
      data-entity={hit.id}
      data-kind={hit.kind}
      aria-label={label}
      aria-describedby={hit.role ? descId : undefined}
      onClick={() => onOpen(hit.id)}
    >
      <span class="name" data-fc="result-name">
        {hit.name}
      </span>
      <span class="count">{TYPE_LABEL[hit.type]}</span>
      {written ? <span class="aka">also written “{written}”</span> : null}
      {hit.role ? (
        <span class="role" id={descId}>
          {hit.role}
        </span>
      ) : null}
    </button>
  );
}
