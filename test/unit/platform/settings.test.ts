import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSensitiveUrl, isSiteDisabled, migrateSettings, parseSettings, siteOf } from '../../../core/settings';
import { loadSettings, saveSettings, settingsItem, watchSettings } from '../../../platform/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid fields and falls back field by field, naming the key', () => {
    const { settings, problems } = parseSettings({ hoverDelayMs: 800, highlightStyle: 'sparkles', highlightColor: 'red', disabledSites: ['Example.com'] });
    expect(settings.hoverDelayMs).toBe(800);
    expect(settings.highlightStyle).toBe(DEFAULT_SETTINGS.highlightStyle);
    expect(settings.highlightColor).toBe(DEFAULT_SETTINGS.highlightColor);
    expect(settings.disabledSites).toEqual(['example.com']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^settings\.highlightStyle: /);
    expect(problems[1]).toMatch(/^settings\.highlightColor: /);
  });

  it('rejects a hover delay outside 0–1500 ms', () => {
    expect(parseSettings({ hoverDelayMs: 1501 }).settings.hoverDelayMs).toBe(350);
    expect(parseSettings({ hoverDelayMs: -1 }).settings.hoverDelayMs).toBe(350);
    expect(parseSettings({ hoverDelayMs: 0 }).settings.hoverDelayMs).toBe(0);
  });

  it('a non-object is reported and replaced by the defaults', () => {
    expect(parseSettings([1, 2], 'storage.sync settings').problems[0]).toMatch(/^storage\.sync settings: expected an object/);
    expect(parseSettings('x').settings).toEqual(DEFAULT_SETTINGS);
  });

  it('never throws, and always returns a complete valid object (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { settings } = parseSettings(raw);
        expect(parseSettings(settings).problems).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

describe('migrations', () => {
  it('moves version 0 { paused, delay, sites } to version 1', () => {
    expect(parseSettings(migrateSettings({ paused: true, delay: 600, sites: ['news.example'] }, 0)).settings).toMatchObject({
      enabled: false,
      hoverDelayMs: 600,
      disabledSites: ['news.example'],
    });
  });
  it('leaves current data alone', () => {
    const cur = { enabled: false };
    expect(migrateSettings(cur, 1)).toBe(cur);
  });
});

describe('sites', () => {
  it('a disabled site covers its subdomains, "www." is dropped', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(siteOf('https://www.Example.com/a')).toBe('example.com');
    expect(isSiteDisabled(s, 'https://news.example.com/x')).toBe(true);
    expect(isSiteDisabled(s, 'https://notexample.com/')).toBe(false);
    expect(isSiteDisabled(s, 'about:blank')).toBe(false);
  });
  it('login and payment pages are off by default; news is not', () => {
    for (const u of ['https://example.com/login', 'https://accounts.example.com/', 'https://shop.example/checkout/step1', 'https://x.example/billing', 'https://x.example/signin?next=/']) {
      expect(isSensitiveUrl(u), u).toBe(true);
    }
    for (const u of ['https://news.example/world/2016/aleppo', 'https://example.com/blog/logins-are-hard', 'https://example.com/payment-systems-explained']) {
      expect(isSensitiveUrl(u), u).toBe(false);
    }
  });
});

describe('settings in storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through storage', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 900 });
    expect((await loadSettings()).hoverDelayMs).toBe(900);
  });

  it('a corrupted stored value falls back to the defaults and names the key', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 'slow', enabled: 'yes' } });
    const problems: string[] = [];
    const s = await loadSettings((p) => problems.push(p));
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(problems.join('\n')).toMatch(/storage\.sync settings\.hoverDelayMs/);
    expect(problems.join('\n')).toMatch(/storage\.sync settings\.enabled/);
  });

  it('migrates a version 0 value on read', async () => {
    await fakeBrowser.storage.sync.set({ settings: { paused: true, delay: 100 }, 'settings$': { v: 0 } });
    await settingsItem().migrate();
    const s = await loadSettings();
    expect(s.enabled).toBe(false);
    expect(s.hoverDelayMs).toBe(100);
  });

  it('reads an old version in memory, migrated, without writing it back', async () => {
    await fakeBrowser.storage.sync.set({ settings: { paused: true, delay: 100 }, 'settings$': { v: 0 } });
    const s = await loadSettings();
    expect([s.enabled, s.hoverDelayMs]).toEqual([false, 100]);
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ 'settings$': { v: 0 } });
  });

  it('the hold-key fields round-trip; a bad stored hold key is reported by key and the rest kept', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, holdKey: 'Shift', hideHighlightsUntilHeld: true });
    expect(await loadSettings()).toMatchObject({ holdKey: 'Shift', hideHighlightsUntilHeld: true });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 600, holdKey: 'Hyper', hideHighlightsUntilHeld: 'sometimes' } });
    const problems: string[] = [];
    const s = await loadSettings((p) => problems.push(p));
    expect(s).toMatchObject({ holdKey: 'off', hideHighlightsUntilHeld: false, hoverDelayMs: 600 });
    expect(problems.join('\n')).toMatch(/storage\.sync settings\.holdKey/);
    expect(problems.join('\n')).toMatch(/storage\.sync settings\.hideHighlightsUntilHeld/);
  });

  it('watch calls back with parsed settings on a change in storage.sync only, until unwatched', async () => {
    const seen: number[] = [];
    const unwatch = watchSettings((s) => seen.push(s.hoverDelayMs));
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 700 } });
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 800 } });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 'fast' } });
    unwatch();
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 900 } });
    expect(seen).toEqual([700, DEFAULT_SETTINGS.hoverDelayMs]);
  });
});
