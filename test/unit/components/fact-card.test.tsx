// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatasetIndex, type CardModel } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';
import { parseViewerHash, viewerHash } from '../../../core/links';
import { FactCard } from '../../../components/FactCard';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
const index = new DatasetIndex(dataset);
let root: HTMLElement;

beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

function mount(card: CardModel, extra: Partial<Parameters<typeof FactCard>[0]> = {}) {
  const calls = { open: vi.fn(), select: vi.fn(), close: vi.fn() };
  act(() => {
    render(
      <FactCard
        card={card}
        viewerHref={(t) => `ext://viewer.html${viewerHash(t)}`}
        onOpenSource={calls.open}
        onSelectEntity={calls.select}
        onClose={calls.close}
        {...extra}
      />,
      root,
    );
  });
  const q = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  return { calls, q };
}

const churkin = () => {
  const c = index.card('vitaly-churkin');
  if (!c) throw new Error('no Churkin in the dataset');
  return c;
};

describe('FactCard', () => {
  it('is a labelled non-modal dialog named after the entity', () => {
    const { q } = mount(churkin());
    const dialog = q('[role="dialog"]')[0];
    expect(dialog?.getAttribute('aria-modal')).toBe('false');
    const label = document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '');
    expect(label?.textContent).toBe('Vitaly Churkin');
  });

  it('shows the description and every line with a link to exactly its span', () => {
    const card = churkin();
    const { q } = mount(card);
    expect(q('[data-fc="description"]')[0]?.textContent).toContain(card.description?.text);
    const links = q('a.src');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const t = parseViewerHash(new URL(a.getAttribute('href') ?? '').hash);
      const src = dataset.sources.find((s) => s.id === t?.source);
      expect(src, a.getAttribute('href') ?? '').toBeDefined();
      // The link's span holds text the card shows next to it.
      const shown = a.closest('[data-fc="quote"], [data-fc="statement"], [data-fc="description"]')?.textContent ?? '';
      expect(shown).toContain(src?.text.slice(t?.start, t?.end));
    }
  });

  it('a source link asks the extension to open the viewer instead of navigating', () => {
    const { q, calls } = mount(churkin());
    const link = q('[data-fc="quote-link"]')[0];
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(calls.open).toHaveBeenCalledWith(expect.objectContaining({ entity: 'vitaly-churkin' }));
  });

  it('original links open in a new tab without opener or referrer', () => {
    const { q } = mount(churkin());
    for (const a of q('[data-fc="original-link"]')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/#:~:text=/);
    }
  });

  it('shows a few quotes and puts the rest behind "more"', () => {
    const base = churkin();
    const q0 = base.quotes[0];
    if (!q0) throw new Error('Churkin has no quote');
    const many: CardModel = { ...base, quotes: Array.from({ length: 5 }, (_, i) => ({ ...q0, id: `q${i}` })) };
    const { q } = mount(many, { initialCount: 2 });
    expect(q('[data-fc="quote"]')).toHaveLength(2);
    const more = q('[data-fc="more-quotes"]')[0];
    expect(more?.textContent).toBe('3 more quotes');
    act(() => more?.click());
    expect(q('[data-fc="quote"]')).toHaveLength(5);
    expect(q('[data-fc="more-quotes"]')).toHaveLength(0);
  });

  it('related entities switch the card; "appears in N sources" counts sources', () => {
    const card = churkin();
    const { q, calls } = mount(card);
    const chip = q('[data-fc="related"]')[0];
    expect(chip).toBeDefined();
    act(() => chip?.click());
    expect(calls.select).toHaveBeenCalledWith(chip?.getAttribute('data-entity'));
    expect(q('[data-fc="source-count"]')[0]?.textContent).toContain(`Appears in ${card.sourceCount} source`);
  });

  it('renders page-like text as text, never as markup', () => {
    const evil: CardModel = { ...churkin(), name: '<img src=x onerror=alert(1)>' };
    const { q } = mount(evil);
    expect(q('img')).toHaveLength(0);
    expect(q('[data-fc="name"]')[0]?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('card model', () => {
  it('every quote and statement on every card is verbatim in its source', () => {
    for (const e of dataset.entities) {
      const card = index.card(e.id);
      for (const line of [...(card?.quotes ?? []), ...(card?.statements ?? []), ...(card?.description ? [card.description] : [])]) {
        const src = dataset.sources.find((s) => s.id === line.source);
        expect(src?.text.slice(line.start, line.end)).toBe(line.text);
      }
    }
  });
  it('a statement that repeats one of the card\'s quotes is left out', () => {
    for (const e of dataset.entities) {
      const card = index.card(e.id);
      for (const st of card?.statements ?? []) {
        expect(card?.quotes.some((q) => q.source === st.source && q.start >= st.start && q.end <= st.end)).toBe(false);
      }
    }
  });
  it('unknown entities have no card', () => {
    expect(index.card('nobody')).toBeNull();
  });
});
