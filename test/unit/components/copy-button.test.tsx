// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatasetIndex, type CardModel } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';
import { viewerHash } from '../../../core/links';
import { FactCard } from '../../../components/FactCard';
import { COPIED_MESSAGE } from '../../../components/CopyButton';
import { copyCitation, REFUSED_MESSAGE, type ClipboardEnv, type ClipboardPayload, type CopyFn } from '../../../components/clipboard';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
const index = new DatasetIndex(dataset);
let root: HTMLElement;

beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

function cardOf(id: string): CardModel {
  const c = index.card(id);
  if (!c) throw new Error(`no ${id} in the dataset`);
  return c;
}

function mount(card: CardModel, copy?: CopyFn) {
  act(() => {
    render(
      <FactCard card={card} viewerHref={(t) => `ext://viewer.html${viewerHash(t)}`} onOpenSource={vi.fn()} onSelectEntity={vi.fn()} onClose={vi.fn()} copy={copy} initialCount={50} />,
      root,
    );
  });
  return (sel: string, within: ParentNode = root) => [...within.querySelectorAll<HTMLElement>(sel)];
}

/** Lets the copy's promise settle and Preact re-render. */
async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the card’s copy controls', () => {
  it('every quote, statement and "said about" line has a real, named copy button', () => {
    const card = cardOf('vitaly-churkin');
    const q = mount(card);
    const rows = [...q('[data-fc="quote"]'), ...q('[data-fc="statement"]'), ...q('[data-fc="about"]')];
    expect(rows.length).toBe(card.quotes.length + card.statements.length + card.saidAbout.length);
    expect(card.quotes.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [btn, more] = q('[data-fc="copy"]', row);
      expect(more).toBeUndefined();
      expect(btn?.tagName).toBe('BUTTON');
      expect(btn?.getAttribute('type')).toBe('button');
      expect(btn?.getAttribute('aria-label')).toMatch(/^Copy (quote|statement) with citation$/);
      // Reachable by Tab: a button, not taken out of the order.
      expect(btn?.getAttribute('tabindex')).toBeNull();
    }
  });

  it('a quote’s button copies its words, speaker, outlet, date and original address, as text and HTML', async () => {
    const card = cardOf('matthew-rycroft');
    const quote = card.quotes[0];
    if (!quote) throw new Error('Rycroft has no quote');
    const src = dataset.sources.find((s) => s.id === quote.source);
    const copy = vi.fn<CopyFn>(async () => ({ ok: true, via: 'clipboard-write' }));
    const q = mount(card, copy);
    act(() => q('[data-fc="quote"] [data-fc="copy"]')[0]?.click());
    expect(copy).toHaveBeenCalledTimes(1);
    const payload = copy.mock.calls[0]?.[0] as ClipboardPayload;
    expect(payload.text).toContain(src?.text.slice(quote.start, quote.end).replace(/\s+/g, ' '));
    expect(payload.text).toContain('Matthew Rycroft');
    expect(payload.text).toContain(src?.outlet);
    if (src?.url) {
      expect(payload.text).toContain(quote.original);
      expect(quote.original?.startsWith(src.url.split('#')[0] ?? '')).toBe(true);
      expect(payload.html).toContain(`<a href="${quote.original?.replace(/&/g, '&amp;')}">`);
    }
    await settle();
    const status = q('[data-fc="quote"] [data-fc="copy-status"]')[0];
    expect(status?.textContent).toBe(COPIED_MESSAGE);
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
  });

  it('a statement’s button copies it as reported about the card’s entity', () => {
    const card = cardOf('vitaly-churkin');
    const st = card.statements[0];
    if (!st) throw new Error('Churkin has no statement');
    const copy = vi.fn<CopyFn>(async () => ({ ok: true, via: 'exec-command' }));
    const q = mount(card, copy);
    act(() => q('[data-fc="statement"] [data-fc="copy"]')[0]?.click());
    const payload = copy.mock.calls[0]?.[0] as ClipboardPayload;
    expect(payload.text).toContain(st.text.replace(/\s+/g, ' ').trim().replace(/["“”]/g, '').slice(0, 30));
    expect(payload.text).toContain(`Vitaly Churkin, as reported by ${st.outlet}`);
  });

  it('a refusal shows a clear message on the card, in the live region, instead of silence', async () => {
    const q = mount(cardOf('matthew-rycroft'), async () => ({ ok: false, message: REFUSED_MESSAGE }));
    const status = () => q('[data-fc="quote"] [data-fc="copy-status"]')[0];
    expect(status()?.textContent).toBe('');
    act(() => q('[data-fc="quote"] [data-fc="copy"]')[0]?.click());
    await settle();
    expect(status()?.textContent).toBe(REFUSED_MESSAGE);
    expect(status()?.getAttribute('aria-live')).toBe('polite');
    expect(status()?.getAttribute('data-state')).toBe('failed');
  });

  it('with the real copy and a clipboard that rejects, the card says so', async () => {
    const denied = Object.assign(new Error('Write permission denied.'), { name: 'NotAllowedError' });
    const env: ClipboardEnv = {
      clipboard: { write: () => Promise.reject(denied), writeText: () => Promise.reject(denied) },
      ClipboardItem: class {
        constructor(readonly items: Record<string, Blob>) {}
      } as unknown as ClipboardEnv['ClipboardItem'],
      document: { defaultView: new EventTarget(), execCommand: () => false } as unknown as Document,
    };
    const q = mount(cardOf('matthew-rycroft'), (p) => copyCitation(p, env));
    act(() => q('[data-fc="quote"] [data-fc="copy"]')[0]?.click());
    await settle();
    expect(q('[data-fc="quote"] [data-fc="copy-status"]')[0]?.textContent).toBe(REFUSED_MESSAGE);
  });
});

describe('copyCitation: which path puts the citation on the clipboard', () => {
  const payload: ClipboardPayload = { text: '“Words” — A, quoted by B', html: '<p>“Words”</p>' };
  class FakeItem {
    constructor(readonly items: Record<string, Blob>) {}
  }
  const Item = FakeItem as unknown as ClipboardEnv['ClipboardItem'];

  /** A document whose copy command fires a copy event carrying a fake DataTransfer. */
  function execDoc(works: boolean) {
    const win = new EventTarget();
    const data = new Map<string, string>();
    const doc = {
      defaultView: win,
      execCommand(cmd: string) {
        if (cmd !== 'copy' || !works) return false;
        const ev = new Event('copy', { cancelable: true });
        Object.defineProperty(ev, 'clipboardData', { value: { setData: (t: string, v: string) => data.set(t, v) } });
        win.dispatchEvent(ev);
        return true;
      },
    } as unknown as Document;
    return { doc, data, win };
  }

  it('the async clipboard first, with both types', async () => {
    const written: FakeItem[][] = [];
    const env: ClipboardEnv = { clipboard: { write: async (items) => void written.push(items as unknown as FakeItem[]), writeText: vi.fn() }, ClipboardItem: Item, document: execDoc(true).doc };
    expect(await copyCitation(payload, env)).toEqual({ ok: true, via: 'clipboard-write' });
    const item = written[0]?.[0];
    expect(Object.keys(item?.items ?? {}).sort()).toEqual(['text/html', 'text/plain']);
    expect(await item?.items['text/plain']?.text()).toBe(payload.text);
    expect(await item?.items['text/html']?.text()).toBe(payload.html);
  });

  it('refused (or missing, as on http: pages): the copy command, with both types set in its event', async () => {
    const { doc, data, win } = execDoc(true);
    const pageSaw = vi.fn();
    const env: ClipboardEnv = { clipboard: { write: () => Promise.reject(new Error('NotAllowedError')), writeText: vi.fn() }, ClipboardItem: Item, document: doc };
    expect(await copyCitation(payload, env)).toEqual({ ok: true, via: 'exec-command' });
    expect(data.get('text/plain')).toBe(payload.text);
    expect(data.get('text/html')).toBe(payload.html);
    // Our listener is gone afterwards: a later copy by the reader is the page's own.
    win.addEventListener('copy', pageSaw);
    win.dispatchEvent(new Event('copy'));
    expect(pageSaw).toHaveBeenCalledTimes(1);
    const missing = execDoc(true);
    expect(await copyCitation(payload, { clipboard: undefined, ClipboardItem: undefined, document: missing.doc })).toEqual({ ok: true, via: 'exec-command' });
    expect(missing.data.get('text/html')).toBe(payload.html);
  });

  it('then plain text; and when everything refuses, a message rather than silence', async () => {
    const writeText = vi.fn(async () => undefined);
    const env: ClipboardEnv = { clipboard: { write: () => Promise.reject(new Error('no')), writeText }, ClipboardItem: Item, document: execDoc(false).doc };
    expect(await copyCitation(payload, env)).toEqual({ ok: true, via: 'write-text' });
    expect(writeText).toHaveBeenCalledWith(payload.text);
    const none: ClipboardEnv = { clipboard: { write: () => Promise.reject(new Error('no')), writeText: () => Promise.reject(new Error('no')) }, ClipboardItem: Item, document: execDoc(false).doc };
    expect(await copyCitation(payload, none)).toEqual({ ok: false, message: REFUSED_MESSAGE });
    expect(await copyCitation(payload, { clipboard: undefined, ClipboardItem: undefined, document: execDoc(false).doc })).toEqual({ ok: false, message: REFUSED_MESSAGE });
  });

  it('a copy command that throws counts as refused, never as an exception on the page', async () => {
    const doc = { defaultView: new EventTarget(), execCommand: () => { throw new Error('SecurityError'); } } as unknown as Document;
    await expect(copyCitation(payload, { clipboard: undefined, ClipboardItem: undefined, document: doc })).resolves.toEqual({ ok: false, message: REFUSED_MESSAGE });
  });
});
