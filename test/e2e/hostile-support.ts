// What the hostile-page and security specs need beyond the harness: a log of errors from the
// extension's contexts (and the page's), a digest of a page's DOM for "identical with and
// without Factcard", and the marked texts of a page or of one of its same-origin frames.
//
// Errors, per browser:
// - Chromium: a CDP session per page with Runtime enabled. V8 replays what it stored when a
//   session enables Runtime, so attaching right after the page opens misses nothing. Every
//   execution context is seen, the content script's isolated world included
//   (auxData.type 'isolated', origin chrome-extension://…): its uncaught exceptions and
//   console calls are attributed to it.
// - Firefox: WebDriver BiDi log.entryAdded for every context. Console calls from the content
//   script's sandbox arrive (the canary test proves it); BiDi exposes no sandbox realm, so an
//   uncaught sandbox exception is attributed by its moz-extension:// stack frames.
// The content script reports every error it catches with console.debug('[factcard]', …), so
// "no entry mentioning [factcard] and no exception from an extension frame" is the assertion.

import type { CDPSession, Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser } from 'puppeteer-core';
import type { Driver, TestPage } from './harness';

export interface LogEntry {
  /** 'extension': from a Factcard context or naming [factcard]; 'page': the page's own. */
  from: 'extension' | 'page';
  kind: 'exception' | 'console';
  level: string;
  text: string;
}

export interface ErrorLog {
  /** Starts listening on a page (Chromium); a no-op in Firefox, which listens browser-wide. */
  attach(page: TestPage): Promise<void>;
  entries(): LogEntry[];
  /** Errors: every exception, every console error, every [factcard] report. */
  problems(): LogEntry[];
  clear(): void;
  /** Chromium only: throws asynchronously inside the content script's isolated world. */
  throwInContentScript?(page: TestPage, message: string): Promise<boolean>;
}

const mentionsUs = (s: string) => s.includes('[factcard]');

/** The browser's own favicon request, refused by a page's strict CSP, is not the page's error nor ours. */
const browserNoise = (e: LogEntry) => e.from === 'page' && /\/favicon\.ico\b/.test(e.text);

function problemsOf(list: LogEntry[]): LogEntry[] {
  return list.filter((e) => !browserNoise(e) && (e.kind === 'exception' || e.level === 'error' || mentionsUs(e.text)));
}

interface CdpContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

function chromiumLog(): ErrorLog {
  const list: LogEntry[] = [];
  const sessions = new Map<TestPage, { cdp: CDPSession; ext: Set<number> }>();
  return {
    async attach(page) {
      const pw = (page as unknown as { page: PwPage }).page;
      const cdp = await pw.context().newCDPSession(pw);
      const ext = new Set<number>();
      cdp.on('Runtime.executionContextCreated', (e: { context: CdpContext }) => {
        if (e.context.origin.startsWith('chrome-extension://')) ext.add(e.context.id);
      });
      cdp.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
        const text = e.args.map((a) => (typeof a.value === 'string' ? a.value : (a.description ?? JSON.stringify(a.value)))).join(' ');
        list.push({ from: ext.has(e.executionContextId) || mentionsUs(text) ? 'extension' : 'page', kind: 'console', level: e.type, text });
      });
      cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text: string; executionContextId?: number; url?: string; exception?: { description?: string } } }) => {
        const d = e.exceptionDetails;
        const text = `${d.text} ${d.exception?.description ?? ''}`;
        const fromExt = (d.executionContextId !== undefined && ext.has(d.executionContextId)) || (d.url ?? '').startsWith('chrome-extension://') || text.includes('chrome-extension://');
        list.push({ from: fromExt ? 'extension' : 'page', kind: 'exception', level: 'error', text });
      });
      await cdp.send('Runtime.enable');
      sessions.set(page, { cdp, ext });
    },
    entries: () => [...list],
    problems: () => problemsOf(list),
    clear: () => void (list.length = 0),
    async throwInContentScript(page, message) {
      const s = sessions.get(page);
      const id = s ? [...s.ext][0] : undefined;
      if (!s || id === undefined) return false;
      await s.cdp.send('Runtime.evaluate', { contextId: id, expression: `setTimeout(() => { throw new Error(${JSON.stringify(message)}); }); true` });
      return true;
    },
  };
}

interface BidiLogEntry {
  type: string;
  level: string;
  text: string | null;
  stackTrace?: { callFrames: { url: string }[] };
}

async function firefoxLog(driver: Driver): Promise<ErrorLog> {
  const list: LogEntry[] = [];
  // The harness keeps the puppeteer Browser on each page; any page reaches the connection.
  const probe = await driver.open('about:blank');
  const browser = (probe as unknown as { browser: PpBrowser }).browser;
  const conn = (browser as unknown as { connection: { on(ev: string, f: (e: BidiLogEntry) => void): void; send(m: string, p: object): Promise<unknown> } }).connection;
  conn.on('log.entryAdded', (e) => {
    const text = e.text ?? '';
    const fromExt = mentionsUs(text) || (e.stackTrace?.callFrames ?? []).some((f) => f.url.startsWith('moz-extension://'));
    list.push({ from: fromExt ? 'extension' : 'page', kind: e.type === 'javascript' ? 'exception' : 'console', level: e.level, text });
  });
  await conn.send('session.subscribe', { events: ['log.entryAdded'] });
  await probe.close();
  return {
    attach: async () => {},
    entries: () => [...list],
    problems: () => problemsOf(list),
    clear: () => void (list.length = 0),
  };
}

export function errorLog(driver: Driver): Promise<ErrorLog> {
  return driver.name === 'chromium' ? Promise.resolve(chromiumLog()) : firefoxLog(driver);
}

export interface Digest {
  length: number;
  sha256: string;
}

/**
 * SHA-256 of the document's serialisation without `factcard-host`, with the inner HTML of
 * every open shadow root and the documents of same-origin frames (recursively) appended.
 * Runs in the page; uses nothing a hostile page in the corpus replaces.
 */
export function domDigest(page: TestPage): Promise<Digest> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const add = (doc: Document) => {
      const root = doc.documentElement;
      if (!root) return;
      const clone = root.cloneNode(true) as Element;
      const hosts = clone.querySelectorAll('factcard-host');
      for (let i = 0; i < hosts.length; i++) hosts[i]?.remove();
      parts.push(clone.outerHTML);
      const all = doc.querySelectorAll('*');
      for (let i = 0; i < all.length; i++) {
        const el = all[i] as Element;
        if (el.localName !== 'factcard-host' && el.shadowRoot) parts.push(`#shadow:${el.shadowRoot.innerHTML}`);
      }
      const frames = doc.querySelectorAll('iframe');
      for (let i = 0; i < frames.length; i++) {
        let inner: Document | null = null;
        try {
          inner = (frames[i] as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (inner) add(inner);
        else parts.push('#frame:opaque');
      }
    };
    add(document);
    const text = parts.join('\u0000');
    const buf = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    let hex = '';
    for (let i = 0; i < buf.length; i++) hex += (buf[i] as number).toString(16).padStart(2, '0');
    return { length: text.length, sha256: hex };
  });
}

/** Sorted texts of every Factcard type highlight in the page, or in its n-th same-origin iframe. */
export function marksIn(page: TestPage, frame: number | null = null): Promise<string[] | null> {
  return page.evaluate((frame) => {
    let win: Window | null = window;
    if (frame !== null) {
      const f = document.querySelectorAll('iframe')[frame] as HTMLIFrameElement | undefined;
      try {
        win = f?.contentWindow ?? null;
        if (!win?.document) return null;
      } catch {
        return null;
      }
    }
    const reg = (win as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    if (!reg) return null;
    const out: string[] = [];
    // Highlights hold StaticRanges (no toString): the text through a live Range over the same span.
    const doc = win.document;
    reg.forEach((h, name) => {
      if (!String(name).startsWith('factcard-') || name === 'factcard-active' || name === 'factcard-flash') return;
      h.forEach((r) => {
        const live = doc.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push(live.toString());
      });
    });
    return out.sort();
  }, frame);
}
