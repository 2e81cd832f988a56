// @vitest-environment happy-dom
// The popup's search field and results: the count in words for the live region, markup shown
// as text, arrow keys between the field and the results, Enter opening the best match.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { createRef } from 'preact';
import { act } from 'preact/test-utils';
import { resultCount, SearchField, SearchResults } from '../../../components/EntitySearch';
import { EntitySearch, type SearchEntry } from '../../../core/search';

const entries: SearchEntry[] = [
  { id: 'churkin', name: 'Vitaly Churkin', type: 'person', aliases: ['Churkin', 'Tschurkin'], weight: 3, role: 'Russian Ambassador to the UN' },
  { id: 'syria', name: 'Syria', type: 'place', aliases: [], weight: 9, role: null },
  { id: 'army', name: 'Syrian Arab Army', type: 'organization', aliases: [], weight: 2, role: null },
];
const search = new EntitySearch(entries);
let root: HTMLElement;

beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

function mount(query: string) {
  const result = query ? search.search(query) : null;
  const calls = { open: vi.fn(), query: vi.fn() };
  const input = createRef<HTMLInputElement>();
  act(() => {
    render(
      <div>
        <SearchField query={query} result={result} onQuery={calls.query} onOpen={calls.open} inputRef={input} />
        {result ? <SearchResults query={query} result={result} onOpen={calls.open} inputRef={input} /> : null}
      </div>,
      root,
    );
  });
  const q = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
  return { calls, q, key, input };
}

describe('resultCount', () => {
  it('says the count in words', () => {
    expect(resultCount(null)).toBe('');
    expect(resultCount({ hits: [], total: 0 })).toBe('No results');
    expect(resultCount(search.search('vitaly'))).toBe('1 result');
    expect(resultCount(search.search('syria'))).toBe('2 results');
    expect(resultCount(search.search('syria', 1))).toBe('1 of 2 results shown'); // Syria and Syrian Arab Army, one shown
  });
});

describe('SearchField and SearchResults', () => {
  it('labels the field and puts the count in a polite status region', () => {
    const { q } = mount('syria');
    const input = q('input[type="search"]')[0]!;
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Look a name up');
    const status = q('[role="status"]')[0]!;
    expect(status.textContent).toBe('2 results');
  });

  it('names each result by name and type, with a spelling that matched and the role as its description', () => {
    const { q } = mount('tschurkin');
    const [btn] = q('[data-fc="search-result"]');
    expect(btn?.getAttribute('aria-label')).toBe('Vitaly Churkin, Person, also written Tschurkin');
    const desc = btn?.getAttribute('aria-describedby');
    expect(desc && root.querySelector(`#${desc}`)?.textContent).toBe('Russian Ambassador to the UN');
  });

  it('shows a query with markup as text', () => {
    const { q } = mount('<img src=x onerror=alert(1)>');
    expect(q('[data-fc="search-empty"]')[0]?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(q('img')).toHaveLength(0);
  });

  it('Enter in the field opens the best match; Down goes to the results, Up back to the field', () => {
    const { q, key, calls, input } = mount('syria');
    key(input.current!, 'Enter');
    expect(calls.open).toHaveBeenCalledWith('syria');
    input.current!.focus();
    key(input.current!, 'ArrowDown');
    const [first, second] = q('[data-fc="search-result"]');
    expect(document.activeElement).toBe(first);
    key(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    key(second!, 'End');
    expect(document.activeElement).toBe(second);
    key(second!, 'ArrowUp');
    key(first!, 'ArrowUp');
    expect(document.activeElement).toBe(input.current);
  });

  it('Escape in a non-empty field clears it', () => {
    const { key, calls, input } = mount('syria');
    key(input.current!, 'Escape');
    expect(calls.query).toHaveBeenCalledWith('');
  });
});
