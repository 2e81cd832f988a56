// Shared test plumbing for the DOM tier: a stable alias table (independent of the evolving
// dataset), fake schedulers and clock, fake highlight registry, and page loading.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { AliasEntry, Matcher } from '../../core/matcher-types';
import { compileIndex, loadMatcher } from '../../core/matcher';
import { PageScanner, type PageMention, type PageScannerOptions } from '../../dom/page-scanner';
import type { HighlightLike } from '../../dom/highlighter';

const s = (entity: string, type: AliasEntry['type'], text: string, caseSensitive = false): AliasEntry =>
  ({ entity, type, text, strength: 'strong', caseSensitive });
const w = (entity: string, type: AliasEntry['type'], text: string): AliasEntry =>
  ({ entity, type, text, strength: 'weak', caseSensitive: true });

/** The seed articles' entities, as the fixture pages' expected mentions assume them. */
export const TEST_ALIASES: AliasEntry[] = [
  s('samantha-power', 'person', 'Samantha Power'), w('samantha-power', 'person', 'Power'),
  s('matthew-rycroft', 'person', 'Matthew Rycroft'), s('matthew-rycroft', 'person', 'Rycroft'),
  s('vitaly-churkin', 'person', 'Vitaly Churkin'), s('vitaly-churkin', 'person', 'Churkin'),
  s('ban-ki-moon', 'person', 'Ban Ki-moon'), w('ban-ki-moon', 'person', 'Ban'),
  s('francois-delattre', 'person', 'Francois Delattre'), s('francois-delattre', 'person', 'Delattre'),
  s('bashar-al-assad', 'person', 'Bashar al-Assad'), w('bashar-al-assad', 'person', 'Assad'),
  s('walid-mouallem', 'person', 'Walid Mouallem'), s('walid-mouallem', 'person', 'Mouallem'),
  s('rami-abdel-rahman', 'person', 'Rami Abdel Rahman'), w('rami-abdel-rahman', 'person', 'Rahman'),
  s('un-security-council', 'organization', 'UN Security Council'),
  s('un-security-council', 'organization', 'U.N. Security Council'),
  s('unicef', 'organization', 'UNICEF', true),
  s('syrian-observatory', 'organization', 'Syrian Observatory for Human Rights'),
  s('syrian-observatory', 'organization', 'Syrian Observatory'),
  s('save-our-syria', 'organization', 'Save Our Syria'),
  s('white-helmets', 'group', 'White Helmets'),
  s('al-nusra-front', 'group', 'al-Nusra Front'),
  s('islamic-state', 'group', 'Islamic State'),
  s('aleppo', 'place', 'Aleppo'),
];

export function testMatcher(entries: AliasEntry[] = TEST_ALIASES): Matcher {
  return loadMatcher(compileIndex(entries));
}

/** Manual task/frame queues: nothing runs until the test says so. */
export class FakeScheduler {
  tasks: (() => void)[] = [];
  frames: (() => void)[] = [];
  readonly yieldTask = (cb: () => void): void => void this.tasks.push(cb);
  readonly requestFrame = (cb: () => void): void => void this.frames.push(cb);

  runTasks(max = 10_000): number {
    let n = 0;
    while (this.tasks.length > 0 && n < max) {
      this.tasks.shift()!();
      n++;
    }
    return n;
  }

  runFrames(): void {
    const fs = this.frames;
    this.frames = [];
    for (const f of fs) f();
  }

  /** Deliver pending MutationObserver records (microtasks), run frames and tasks until quiet. */
  async settle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (this.frames.length === 0 && this.tasks.length === 0) return;
      this.runFrames();
      this.runTasks();
    }
    throw new Error('scheduler did not settle');
  }
}

/** A clock that advances by `step` ms on every read. */
export function steppingClock(step: number): { now: () => number; reads: () => number } {
  let t = 0;
  let reads = 0;
  return {
    now: () => {
      reads++;
      t += step;
      return t;
    },
    reads: () => reads,
  };
}

export class FakeHighlight extends Set<AbstractRange> implements HighlightLike {
  priority = 0;
}

export function fakeRegistry(): { registry: Map<string, HighlightLike>; createHighlight: () => HighlightLike } {
  return { registry: new Map(), createHighlight: () => new FakeHighlight() };
}

/** A fresh document (scripts never run) holding `html`. */
export function loadPage(html: string, url = 'https://news.example/article'): Document {
  const win = new Window({
    url,
    width: 1024,
    height: 768,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(html);
  return doc;
}

export function fixturePath(name: string): string {
  // Tests run from the repository root (vitest's root).
  return resolve(process.cwd(), 'test/fixtures/pages', name);
}

export function loadFixture(name: string): Document {
  return loadPage(readFileSync(fixturePath(name), 'utf8'));
}

export interface ScanHarness {
  scanner: PageScanner;
  sched: FakeScheduler;
  changes: (readonly PageMention[])[];
  errors: unknown[];
  abort: AbortController;
}

/** A started scanner on fake schedulers; `await h.sched.settle()` finishes the scan. */
export function startScanner(doc: Document, opts: Partial<PageScannerOptions> = {}): ScanHarness {
  const sched = new FakeScheduler();
  const abort = new AbortController();
  const changes: (readonly PageMention[])[] = [];
  const errors: unknown[] = [];
  const scanner = new PageScanner({
    doc,
    matcher: testMatcher(),
    signal: abort.signal,
    yieldTask: sched.yieldTask,
    requestFrame: sched.requestFrame,
    onChange: (m) => changes.push(m),
    onError: (e) => errors.push(e),
    ...opts,
  });
  scanner.start();
  return { scanner, sched, changes, errors, abort };
}

/** Whitespace-collapsed text, as runs are (see dom/text-runs.ts). */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/[\u00ad\u200b\ufeff]/g, '').trim();
}

export function summary(ms: readonly PageMention[]): { entity: string; text: string }[] {
  return ms.map((m) => ({ entity: m.entity, text: m.text }));
}

/**
 * The text a Range covers as a reader sees it: its text nodes' characters plus a line break
 * for each <br>/<img> inside it (Range.toString() drops those), whitespace collapsed.
 * An independent re-implementation to check the collector's offset map against.
 */
export function rangeReadingText(r: Range): string {
  const doc = r.startContainer.ownerDocument!;
  const root = r.commonAncestorContainer;
  let out = '';
  const visit = (n: Node): void => {
    if (!r.intersectsNode(n)) return;
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      const from = n === r.startContainer ? r.startOffset : 0;
      const to = n === r.endContainer ? r.endOffset : data.length;
      out += data.slice(from, to);
      return;
    }
    if (n.nodeType === 1) {
      const name = (n as Element).localName;
      if (name === 'br' || name === 'img') {
        out += '\n';
        return;
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  void doc;
  visit(root);
  return collapse(out);
}
