import { describe, expect, it } from 'vitest';
import { editableByAttributes, isEditable } from '../../dom/editable';

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

describe('editableByAttributes', () => {
  it('contenteditable other than "false", and text-widget roles, make an element editable', () => {
    for (const ce of ['', 'true', 'plaintext-only', 'TRUE']) expect(editableByAttributes(ce, null), ce).toBe(true);
    expect(editableByAttributes('false', null)).toBe(false);
    expect(editableByAttributes(null, ' Textbox ')).toBe(true);
    expect(editableByAttributes(null, 'button')).toBe(false);
    expect(editableByAttributes(null, null)).toBe(false);
  });
});
