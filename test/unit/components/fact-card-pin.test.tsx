// @vitest-environment happy-dom
// The card's pin control, its P key, and what a screen reader is given (dialog, name,
// description, reading order).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatasetIndex, type CardModel } from '../../../core/card-model';
import type { Dataset } from '../../../core/dataset-types';
import { FactCard, type FactCardProps } from '../../../components/FactCard';

const dataset = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../data/dataset.json'), 'utf8')) as Dataset;
const index = new DatasetIndex(dataset);
let root: HTMLElement;

beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

const churkin = (): CardModel => {
  const c = index.card('vitaly-churkin');
  if (!c) throw new Error('no Churkin in the dataset');
  return c;
};

function mount(extra: Partial<FactCardProps> = {}) {
  act(() => {
    render(<FactCard card={churkin()} viewerHref={() => 'ext://viewer.html'} onOpenSource={() => {}} onSelectEntity={() => {}} onClose={() => {}} {...extra} />, root);
  });
  return (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
}

const key = (el: Element, init: KeyboardEventInit) => {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => void el.dispatchEvent(e));
  return e;
};

describe('the pin control', () => {
  it('is a real toggle button named "Pin card", next to close, pressed when pinned', () => {
    const onPin = vi.fn();
    let q = mount({ onPin });
    const pin = q('[data-fc="pin"]')[0];
    expect(pin?.tagName).toBe('BUTTON');
    expect(pin?.getAttribute('aria-label')).toBe('Pin card');
    expect(pin?.getAttribute('aria-pressed')).toBe('false');
    expect(pin?.nextElementSibling?.getAttribute('data-fc')).toBe('close');
    act(() => pin?.click());
    expect(onPin).toHaveBeenCalledTimes(1);
    q = mount({ onPin, pinned: true });
    expect(q('[data-fc="pin"]')[0]?.getAttribute('aria-pressed')).toBe('true');
    expect(q('[data-fc="card"]')[0]?.dataset.pinned).toBe('true');
  });

  it('is absent where the card cannot be pinned (no onPin)', () => {
    const q = mount();
    expect(q('[data-fc="pin"]')).toHaveLength(0);
  });

  it('P in the card pins it; not with Ctrl, Alt or Meta, not on auto-repeat', () => {
    const onPin = vi.fn();
    const q = mount({ onPin });
    const card = q('[data-fc="card"]')[0]!;
    const link = q('a')[0]!;
    for (const init of [{ key: 'p', ctrlKey: true }, { key: 'p', altKey: true }, { key: 'p', metaKey: true }, { key: 'p', repeat: true }, { key: 'o' }]) key(link, init);
    expect(onPin).not.toHaveBeenCalled();
    expect(key(link, { key: 'p' }).defaultPrevented).toBe(true);
    key(card, { key: 'P', shiftKey: true });
    expect(onPin).toHaveBeenCalledTimes(2);
  });
});

describe('what a screen reader is given', () => {
  it('a non-modal dialog labelled by the name and described by the description', () => {
    const q = mount({ onPin: () => {} });
    const dialog = q('[role="dialog"]')[0]!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Vitaly Churkin');
    const desc = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(desc?.getAttribute('data-fc')).toBe('description');
    expect(desc?.textContent).toContain(churkin().description?.text);
  });

  it('reads in order: name, what it is, the controls, the description, quotes with speakers, links', () => {
    const q = mount({ onPin: () => {} });
    const order = q('[data-fc="name"], [data-fc="type"], [data-fc="pin"], [data-fc="close"], [data-fc="description"], [data-fc="quote-text"], [data-fc="quote-speaker"], [data-fc="quote-link"]').map((e) => e.dataset.fc);
    const firsts = order.filter((x, i) => order.indexOf(x) === i);
    expect(firsts).toEqual(['name', 'type', 'pin', 'close', 'description', 'quote-text', 'quote-speaker', 'quote-link']);
  });
});
