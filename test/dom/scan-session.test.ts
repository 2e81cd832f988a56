import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import type { PageStatus } from '../../core/protocol';
import { HighlightWindow } from '../../dom/highlight-window';
import { ScanSession } from '../../entrypoints/content/scan-session';
import { FakeScheduler, loadPage, steppingClock, testMatcher } from './helpers';

const stops: AbortController[] = [];
afterEach(() => stops.splice(0).forEach((a) => a.abort()));

function session(html: string, sched: FakeScheduler) {
  const doc = loadPage(html);
  const abort = new AbortController();
  stops.push(abort);
  let now = 1_000;
  let clockReads = 0;
  const reports: PageStatus[] = [];
  const draws: number[] = [];
  const ctx = { signal: abort.signal, setTimeout: (f: () => void, ms: number) => setTimeout(f, ms) } as unknown as ContentScriptContext;
  const drawn = new HighlightWindow({ doc, signal: abort.signal, draw: (list) => draws.push(list.length), watchNear: () => null });
  const prepared: number[] = [];
  const prepare = drawn.prepare.bind(drawn);
  drawn.prepare = (list) => {
    prepared.push(list.length);
    prepare(list);
  };
  const s = new ScanSession({
    ctx, doc, url: () => 'https://news.example/a', matcher: testMatcher(), drawn,
    styled: () => true, isOwnNode: () => false, onMentions: () => {},
    onReport: (_e, status) => reports.push(status),
    onError: (e) => { throw e; },
    clock: () => (clockReads++, now),
    // Tasks and frames run when the test says; the scanner's clock runs 5 ms per read, so a
    // page takes several tasks.
    scannerSeams: { yieldTask: sched.yieldTask, requestFrame: sched.requestFrame, now: steppingClock(5).now },
  });
  return { s, reports, draws, prepared, setNow: (t: number) => void (now = t), clockReads: () => clockReads };
}

const PAGE = '<p>Vitaly Churkin met Matthew Rycroft in Aleppo.</p><p>Churkin spoke first.</p>';

describe('ScanSession: when the page counts as read', () => {
  it('says ready, with the time the scan went idle, only once the settings are known', async () => {
    const sched = new FakeScheduler();
    const { s, setNow } = session(PAGE, sched);
    s.start();
    // The scan runs to its end before the settings arrive, but nothing is told yet.
    await sched.settle();
    expect(s.summary()).toEqual({ status: 'scanning', url: 'https://news.example/a', entities: [] });
    setNow(2_000);
    s.apply(DEFAULT_SETTINGS);
    setNow(3_000);
    const summary = s.summary();
    expect(summary.status).toBe('ready');
    // The time the page was read (the settings came last), not the time it was asked.
    expect(summary.settledAt).toBe(2_000);
    expect(summary.entities).toEqual([
      { entity: 'vitaly-churkin', count: 2 },
      { entity: 'matthew-rycroft', count: 1 },
      { entity: 'aleppo', count: 1 },
    ]);
  });

  it('notes when the scan finishes after the settings, and forgets it when the page is off', async () => {
    const sched = new FakeScheduler();
    const { s, setNow, reports, clockReads } = session(PAGE.repeat(50), sched);
    s.start();
    s.apply(DEFAULT_SETTINGS);
    expect(s.summary().status).toBe('scanning');
    expect(s.summary().settledAt).toBeUndefined();
    setNow(1_500);
    // The session notes the time itself when the scanner goes idle (nobody asks meanwhile).
    await sched.settle();
    expect(clockReads()).toBe(1);
    setNow(9_000);
    expect(s.summary()).toMatchObject({ status: 'ready', settledAt: 1_500 });
    const off: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    s.apply(off);
    expect(s.summary()).toEqual({ status: 'disabled-site', url: 'https://news.example/a', entities: [] });
    expect(reports.at(-1)).toBe('disabled-site');
  });

  it('the first settings draw what the scan found once; a narrower type filter re-filters it', async () => {
    const sched = new FakeScheduler();
    const { s, draws, prepared } = session(PAGE, sched);
    s.start();
    await sched.settle();
    // Nothing drawn before the settings (the empty list of the scanner's start only), but
    // what drawing the list found will need is made while they are read.
    expect(draws.filter((n) => n > 0)).toEqual([]);
    expect(prepared).toEqual([4]);
    const before = draws.length;
    s.apply(DEFAULT_SETTINGS);
    // Every type enabled: the list found is the list shown, drawn once.
    expect(draws.slice(before)).toEqual([4]);
    expect(s.mentions()).toHaveLength(4);
    // Settings that change no type publish and draw nothing new.
    s.apply({ ...DEFAULT_SETTINGS, hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs + 100 });
    expect(draws.slice(before)).toEqual([4]);
    // Places off: re-filtered (Aleppo goes), drawn once.
    s.apply({ ...DEFAULT_SETTINGS, entityTypes: { ...DEFAULT_SETTINGS.entityTypes, place: false } });
    expect(draws.slice(before)).toEqual([4, 3]);
    expect(s.mentions().map((m) => m.entity)).not.toContain('aleppo');
    // Once the settings are known, lists are drawn, not prepared.
    expect(prepared).toEqual([4]);
  });

  it('first settings with a narrower filter than the scan used show the filtered list, drawn once', async () => {
    const sched = new FakeScheduler();
    const { s, draws } = session(PAGE, sched);
    s.start();
    await sched.settle();
    const before = draws.length;
    s.apply({ ...DEFAULT_SETTINGS, entityTypes: { ...DEFAULT_SETTINGS.entityTypes, person: false } });
    expect(draws.slice(before)).toEqual([1]);
    expect(s.mentions().map((m) => m.entity)).toEqual(['aleppo']);
  });
});
