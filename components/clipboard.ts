// Putting a citation on the clipboard, as text/plain and text/html, from a click on the card
// (a content script in the page, inside a closed shadow root) or in the source viewer.
//
// What works where (MDN, "Interact with the clipboard"; checked by test/e2e/copy.test.ts):
// - navigator.clipboard.write with a ClipboardItem of both types: Chromium, and Firefox 127+,
//   in a secure context (https, localhost, extension pages) during the click's user
//   activation. On an http: page navigator.clipboard is missing, also for content scripts.
// - document.execCommand('copy') with a `copy` listener that sets both types: deprecated but
//   still in both browsers, in any context, during a user activation. The fallback.
// - navigator.clipboard.writeText: plain text only; the last resort.
// The first call starts synchronously in the click handler, so the activation is current.

export interface ClipboardPayload {
  text: string;
  html: string;
}

export type CopyResult = { ok: true; via: 'clipboard-write' | 'exec-command' | 'write-text' } | { ok: false; message: string };

export type CopyFn = (payload: ClipboardPayload) => Promise<CopyResult>;

/** What the copy needs from its surroundings (tests pass stubs). */
export interface ClipboardEnv {
  clipboard?: Pick<Clipboard, 'write' | 'writeText'> | undefined;
  ClipboardItem?: (new (items: Record<string, Blob>) => ClipboardItem) | undefined;
  document: Document;
}

export const REFUSED_MESSAGE = 'Could not copy: the browser refused clipboard access. Select the text and copy it instead.';

function defaultEnv(): ClipboardEnv {
  const g = globalThis as { navigator?: Navigator; ClipboardItem?: ClipboardEnv['ClipboardItem'] };
  return { clipboard: g.navigator?.clipboard, ClipboardItem: g.ClipboardItem, document };
}

/**
 * Copies both forms. Never throws: a refusal comes back as `{ ok: false, message }`, which
 * the card shows (silence would leave the reader pasting the wrong thing).
 */
export async function copyCitation(payload: ClipboardPayload, env: ClipboardEnv = defaultEnv()): Promise<CopyResult> {
  const { clipboard, ClipboardItem: Item, document: doc } = env;
  if (clipboard && typeof clipboard.write === 'function' && Item) {
    try {
      await clipboard.write([
        new Item({
          'text/plain': new Blob([payload.text], { type: 'text/plain' }),
          'text/html': new Blob([payload.html], { type: 'text/html' }),
        }),
      ]);
      return { ok: true, via: 'clipboard-write' };
    } catch {
      // Refused (permission, focus) or the type is unsupported: the older paths may still work.
    }
  }
  if (execCommandCopy(doc, payload)) return { ok: true, via: 'exec-command' };
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(payload.text);
      return { ok: true, via: 'write-text' };
    } catch {
      // fall through to the message
    }
  }
  return { ok: false, message: REFUSED_MESSAGE };
}

/** The copy command with our data in the `copy` event; true only if the data was set and the command ran. */
function execCommandCopy(doc: Document, payload: ClipboardPayload): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  let set = false;
  const onCopy = (e: Event) => {
    const data = (e as ClipboardEvent).clipboardData;
    if (!data) return;
    data.setData('text/plain', payload.text);
    data.setData('text/html', payload.html);
    e.preventDefault();
    // The event is ours: the page's own copy handlers need not see it.
    e.stopImmediatePropagation();
    set = true;
  };
  const win = doc.defaultView;
  const target: EventTarget = win ?? doc;
  target.addEventListener('copy', onCopy, true);
  try {
    return doc.execCommand('copy') && set;
  } catch {
    return false;
  } finally {
    target.removeEventListener('copy', onCopy, true);
  }
}
