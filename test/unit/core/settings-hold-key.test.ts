// The "hold a key to show cards" settings: schema, defaults, and what old or bad stored
// values become.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, parseSettings } from '../../../core/settings';

describe('hold-key settings', () => {
  it('are off by default: cards open on hover and highlights always show, as before', () => {
    expect(DEFAULT_SETTINGS.holdKey).toBe('off');
    expect(DEFAULT_SETTINGS.hideHighlightsUntilHeld).toBe(false);
  });

  it('accept each modifier and the highlight choice', () => {
    for (const k of ['off', 'Alt', 'Control', 'Shift'] as const) {
      const { settings, problems } = parseSettings({ holdKey: k, hideHighlightsUntilHeld: true });
      expect(problems).toEqual([]);
      expect(settings.holdKey).toBe(k);
      expect(settings.hideHighlightsUntilHeld).toBe(true);
    }
  });

  it('a bad stored value falls back to the default and is reported by key, the other fields kept', () => {
    for (const bad of ['Meta', 'alt', 'CapsLock', '', 1, null, { key: 'Alt' }, ['Alt']]) {
      const { settings, problems } = parseSettings({ holdKey: bad, hoverDelayMs: 900 }, 'storage.sync settings');
      expect(settings.holdKey, String(bad)).toBe('off');
      expect(settings.hoverDelayMs).toBe(900);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^storage\.sync settings\.holdKey: .*; using the default$/);
    }
    for (const bad of ['yes', 1, 0, null, 'true']) {
      const { settings, problems } = parseSettings({ hideHighlightsUntilHeld: bad });
      expect(settings.hideHighlightsUntilHeld).toBe(false);
      expect(problems[0]).toMatch(/^settings\.hideHighlightsUntilHeld: /);
    }
  });

  it('values stored before these fields existed (version 1, and version 0 migrated) get the defaults', () => {
    const v1 = parseSettings({ enabled: true, hoverDelayMs: 200, highlightStyle: 'background', highlightColor: '#112233', disabledSites: [] });
    expect(v1.problems).toEqual([]);
    expect(v1.settings.holdKey).toBe('off');
    expect(v1.settings.hideHighlightsUntilHeld).toBe(false);
    const v0 = parseSettings(migrateSettings({ paused: false, delay: 500, sites: [] }, 0));
    expect(v0.problems).toEqual([]);
    expect(v0.settings).toMatchObject({ holdKey: 'off', hideHighlightsUntilHeld: false, hoverDelayMs: 500 });
  });
});
