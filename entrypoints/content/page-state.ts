// Whether Factcard works on this page, from the settings and the address.

import type { PageStatus } from '../../core/protocol';
import { isSensitiveUrl, isSiteDisabled, type Settings } from '../../core/settings';

export function pageStatusFor(settings: Settings, url: string): PageStatus | 'on' {
  if (!settings.enabled) return 'paused';
  if (isSiteDisabled(settings, url) || isSensitiveUrl(url)) return 'disabled-site';
  return 'on';
}

/** Typing somewhere: keys there are the user's, never ours. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  if ((el as HTMLElement).isContentEditable) return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'searchbox' || role === 'combobox';
}
