// @vitest-environment happy-dom
// The options page's "Hold a key to show cards" section.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsForm } from '../../../components/OptionsForm';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

let root: HTMLElement;
beforeAll(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => render(null, root));

function mount(settings: Settings) {
  const onChange = vi.fn<(s: Settings) => void>();
  act(() => render(<OptionsForm settings={settings} shortcuts={[]} shortcutHelp="" onChange={onChange} saved={false} />, root));
  const one = (fc: string) => root.querySelector<HTMLInputElement>(`[data-fc="${fc}"]`);
  return { onChange, one };
}

describe('options: hold a key to show cards', () => {
  it('explains the option in plain words, with "no key" chosen by default and the highlight choice disabled', () => {
    const { one } = mount(DEFAULT_SETTINGS);
    const section = one('hold-key');
    expect(section?.querySelector('legend')?.textContent).toBe('Hold a key to show cards');
    expect(section?.textContent).toMatch(/cards then open only while you hold it down/);
    expect(one('hold-off')?.checked).toBe(true);
    expect(one('hold-hide-highlights')?.disabled).toBe(true);
    expect(one('hold-alt-note')).toBeNull();
  });

  it('choosing a key and hiding the highlights changes only those settings', () => {
    const { one, onChange } = mount(DEFAULT_SETTINGS);
    act(() => one('hold-Control')?.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, holdKey: 'Control' });
    const withKey = mount({ ...DEFAULT_SETTINGS, holdKey: 'Alt' });
    expect(withKey.one('hold-hide-highlights')?.disabled).toBe(false);
    expect(withKey.one('hold-alt-note')?.textContent).toMatch(/menu bar/);
    act(() => withKey.one('hold-hide-highlights')?.click());
    expect(withKey.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, holdKey: 'Alt', hideHighlightsUntilHeld: true });
  });
});
