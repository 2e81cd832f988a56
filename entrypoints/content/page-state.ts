// What the content script tells about a page, as pure functions of the settings, the
// address and the scan: tested in Node, used by the scan session.

import type { PageStatus } from '../../core/protocol';
import { isSensitiveUrl, isSiteDisabled, type Settings } from '../../core/settings';

/** Whether Factcard works on this page, from the settings and the address. */
export function pageStatusFor(settings: Settings, url: string): 'paused' | 'disabled-site' | 'on' {
  if (!settings.enabled) return 'paused';
  if (isSiteDisabled(settings, url) || isSensitiveUrl(url)) return 'disabled-site';
  return 'on';
}

/**
 * The page as the scan session sees it:
 * - `unknown`: the settings are being read. The page is scanned (they are usually here
 *   before the first chunk is done) but nothing is drawn or told: the site may be off. What
 *   drawing will need is made meanwhile (HighlightWindow.prepare), out of the page.
 * - `off`: paused everywhere, or off on this site (or a sensitive address): nothing scanned.
 * - `on`: scanning; `settled` once the whole page was read and matched.
 */
export type PageState =
  | { kind: 'unknown' }
  | { kind: 'off'; status: 'paused' | 'disabled-site' }
  | { kind: 'on'; settled: boolean };

/** The status the popup and the badge are told. */
export function statusOf(state: PageState): PageStatus {
  switch (state.kind) {
    case 'unknown':
      return 'scanning';
    case 'off':
      return state.status;
    case 'on':
      return state.settled ? 'ready' : 'scanning';
  }
}

/** The state the settings put a page in (a scan that had settled stays settled). */
export function stateFor(settings: Settings, url: string, previous: PageState): PageState {
  const s = pageStatusFor(settings, url);
  if (s !== 'on') return { kind: 'off', status: s };
  return { kind: 'on', settled: previous.kind === 'on' && previous.settled };
}
