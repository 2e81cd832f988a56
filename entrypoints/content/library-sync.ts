// The content script's side of the reader's library:
// - the merged bundled + library matcher index, published by the background in storage.local:
//   read at document_start (preloadLibraryIndex), then every change swaps the matcher and the
//   page is read again, without a reload;
// - the top frame answers the popup's "Add this article" with a snapshot of the page (read,
//   never changed: see dom/article-extract.ts).
// Nothing here throws into the page: a malformed stored index is reported and ignored.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PublishedIndex } from '../../core/library/types';
import { loadMatcher } from '../../core/matcher';
import type { Matcher } from '../../core/matcher-types';
import type { LibraryContentProtocol } from '../../core/protocol';
import { snapshotPage } from '../../dom/page-snapshot';
import { readPublishedIndex, watchPublishedIndex } from '../../platform/library/published-index-read';
import { listen } from '../../platform/messaging';

let preload: Promise<PublishedIndex | null> | null = null;
/** The preloaded value once it has arrived (undefined until then). */
let preloaded: PublishedIndex | null | undefined;

function matcherOf(p: PublishedIndex | null | undefined, onError: (e: unknown) => void): { revision: string; matcher: Matcher | null } {
  if (!p || typeof p !== 'object' || !p.index) return { revision: 'bundled', matcher: null };
  try {
    return { revision: String(p.revision), matcher: loadMatcher(p.index) };
  } catch (e) {
    onError(`storage.local libraryIndex: ${String(e)}; using the bundled index`);
    return { revision: 'bundled', matcher: null };
  }
}

/** Starts reading the published index (at document_start, beside the settings). */
export function preloadLibraryIndex(onError: (e: unknown) => void = () => {}): Promise<PublishedIndex | null> {
  preload ??= readPublishedIndex()
    .catch((e: unknown) => {
      onError(e);
      return null;
    })
    .then((p) => (preloaded = p));
  return preload;
}

let first: { revision: string; matcher: Matcher | null } | null = null;

/** The matcher to start with: the library's if it was read before the page was parsed, else null (bundled). */
export function libraryMatcherNow(onError: (e: unknown) => void = () => {}): Matcher | null {
  first = matcherOf(preloaded, onError);
  return first.matcher;
}

export interface LibrarySyncOptions {
  ctx: ContentScriptContext;
  isTop: boolean;
  onError: (e: unknown) => void;
  /** A new matcher (null: back to the bundled index); the caller rescans with it. */
  onMatcher: (matcher: Matcher | null) => void;
}

export function startLibrarySync({ ctx, isTop, onError, onMatcher }: LibrarySyncOptions): void {
  let revision = first?.revision ?? 'bundled';
  const apply = (p: PublishedIndex | null | undefined) => {
    if (ctx.signal.aborted) return;
    const next = matcherOf(p, onError);
    if (next.revision === revision) return;
    revision = next.revision;
    onMatcher(next.matcher);
  };
  // The stored index may arrive after the page was parsed (then the page is read again), and
  // every later change arrives through storage.onChanged.
  void preloadLibraryIndex(onError).then((p) => apply(p));
  const unwatch = watchPublishedIndex((p) => {
    try {
      apply(p);
    } catch (e) {
      onError(e);
    }
  });
  ctx.signal.addEventListener('abort', unwatch, { once: true });

  if (isTop) {
    listen<LibraryContentProtocol>(
      {
        async pageSnapshot() {
          return snapshotPage(document);
        },
      },
      { signal: ctx.signal },
    );
  }
}
