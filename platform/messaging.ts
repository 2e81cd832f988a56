// The glue around core/protocol.ts: sending, and one listener per context that accepts
// messages only from this extension's own pages and content scripts.

import { browser, type Browser } from 'wxt/browser';
import {
  isMessage,
  type BackgroundProtocol,
  type ContentProtocol,
  type LibraryContentProtocol,
  type LibraryProtocol,
  type MessageOf,
  type ResponseOf,
} from '../core/protocol';

/** A protocol's handlers: each also gets the sender (the background needs the sender's tab). */
export type Handlers<P> = {
  [K in keyof P]: P[K] extends (req: infer Req) => infer Res ? (req: Req, sender: Browser.runtime.MessageSender) => Res : never;
};

export function sendToLibrary<K extends keyof LibraryProtocol>(type: K, req: Parameters<LibraryProtocol[K]>[0]): Promise<ResponseOf<LibraryProtocol, K>> {
  return browser.runtime.sendMessage({ type, req }) as Promise<ResponseOf<LibraryProtocol, K>>;
}

export function sendLibraryToTab<K extends keyof LibraryContentProtocol>(
  tabId: number,
  type: K,
  req: Parameters<LibraryContentProtocol[K]>[0],
): Promise<ResponseOf<LibraryContentProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { type, req }, { frameId: 0 }) as Promise<ResponseOf<LibraryContentProtocol, K>>;
}

export function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  req: Parameters<BackgroundProtocol[K]>[0],
): Promise<ResponseOf<BackgroundProtocol, K>> {
  return browser.runtime.sendMessage({ type, req }) as Promise<ResponseOf<BackgroundProtocol, K>>;
}

export function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  req: Parameters<ContentProtocol[K]>[0],
): Promise<ResponseOf<ContentProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { type, req }, { frameId: 0 }) as Promise<ResponseOf<ContentProtocol, K>>;
}

/** Only our own contexts: same extension id (pages and content scripts carry it). */
export function isOwnSender(sender: Browser.runtime.MessageSender, ownId = browser.runtime.id): boolean {
  return sender.id === ownId;
}

/**
 * Registers one object of handlers; the message names it accepts are the object's own keys,
 * so no list of names can drift from the protocol. Returns a function that removes the
 * listener. `accept` decides which senders are heard (default: this extension's own).
 */
export function listen<P>(
  handlers: Handlers<P>,
  opts: { signal?: AbortSignal; accept?: (sender: Browser.runtime.MessageSender) => boolean } = {},
): () => void {
  const names = Object.keys(handlers) as (keyof P)[];
  const accept = opts.accept ?? ((s: Browser.runtime.MessageSender) => isOwnSender(s));
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!accept(sender) || !isMessage<P>(msg, names)) return undefined;
    const { type, req } = msg as MessageOf<P> & { type: keyof P; req: unknown };
    const handler = handlers[type] as unknown as (req: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
    return handler(req, sender);
  };
  browser.runtime.onMessage.addListener(listener);
  const remove = () => browser.runtime.onMessage.removeListener(listener);
  opts.signal?.addEventListener('abort', remove, { once: true });
  return remove;
}
