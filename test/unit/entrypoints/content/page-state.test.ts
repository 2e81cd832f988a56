// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isEditable, pageStatusFor } from '../../../../entrypoints/content/page-state';
import { DEFAULT_SETTINGS } from '../../../../core/settings';

describe('pageStatusFor', () => {
  it('is on for an ordinary news page', () => {
    expect(pageStatusFor(DEFAULT_SETTINGS, 'https://news.example/world/aleppo')).toBe('on');
  });
  it('pause wins over everything', () => {
    expect(pageStatusFor({ ...DEFAULT_SETTINGS, enabled: false }, 'https://news.example/')).toBe('paused');
  });
  it('a disabled site and a login or payment page are off', () => {
    expect(pageStatusFor({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }, 'https://www.news.example/a')).toBe('disabled-site');
    expect(pageStatusFor(DEFAULT_SETTINGS, 'https://shop.example/checkout')).toBe('disabled-site');
  });
});

describe('isEditable', () => {
  const el = (html: string) => {
    const box = document.createElement('div');
    document.body.append(box);
    box.innerHTML = html;
    return box.querySelector('[data-t]');
  };
  it('text fields, editable regions and ARIA text roles are editable', () => {
    for (const html of [
      '<input data-t>',
      '<input type="search" data-t>',
      '<textarea data-t></textarea>',
      '<select data-t></select>',
      '<div role="textbox" data-t></div>',
      '<div role="combobox" data-t></div>',
      '<div contenteditable="true" data-t></div>',
    ]) {
      expect(isEditable(el(html)), html).toBe(true);
    }
  });
  it('buttons, checkboxes, links and plain text are not', () => {
    for (const html of ['<input type="checkbox" data-t>', '<button data-t>b</button>', '<a href="#" data-t>a</a>', '<p data-t>p</p>']) {
      expect(isEditable(el(html)), html).toBe(false);
    }
    expect(isEditable(null)).toBe(false);
  });
});
