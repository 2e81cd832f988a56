// The hold-to-show key's events: trusted key-down and key-up on the window in the capture
// phase (a page's handlers cannot hide them), and the window losing focus or the tab being
// hidden, after which a key-up may never come (core/hold-key.ts counts that as let go).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoldKey } from '../../core/hold-key';

export function watchHoldKey(ctx: ContentScriptContext, doc: Document, hold: HoldKey): void {
  ctx.addEventListener(window, 'keydown', (e) => {
    if (e.isTrusted) hold.keyDown(e.key);
  }, { capture: true });
  ctx.addEventListener(window, 'keyup', (e) => {
    // Alt let go after it showed a card: Firefox (Linux, Windows) would open its menu bar.
    if (e.isTrusted && hold.keyUp(e.key)) e.preventDefault();
  }, { capture: true });
  ctx.addEventListener(window, 'blur', () => hold.blur());
  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.hidden) hold.blur();
  });
}
