import { describe, expect, it } from 'vitest';
import { pageStatusFor, stateFor, statusOf } from '../../../../entrypoints/content/page-state';
import { DEFAULT_SETTINGS } from '../../../../core/settings';

describe('pageStatusFor', () => {
  it('is on for an ordinary news page', () => {
    expect(pageStatusFor(DEFAULT_SETTINGS, 'https://news.example/world/aleppo')).toBe('on');
  });
  it('pause wins over everything', () => {
    expect(pageStatusFor({ ...DEFAULT_SETTINGS, enabled: false }, 'https://news.example/')).toBe('paused');
  });
  it('a disabled site and a login or payment page are off', () => {
    expect(pageStatusFor({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }, 'https://www.news.example/a')).toBe('disabled-site');
    expect(pageStatusFor(DEFAULT_SETTINGS, 'https://shop.example/checkout')).toBe('disabled-site');
  });
});

describe('statusOf / stateFor', () => {
  const url = 'https://news.example/world';
  it('tells nothing but "scanning" until the settings are known', () => {
    expect(statusOf({ kind: 'unknown' })).toBe('scanning');
  });
  it('an on page is scanning until its scan settles, then ready, and stays settled across settings changes', () => {
    const first = stateFor(DEFAULT_SETTINGS, url, { kind: 'unknown' });
    expect(first).toEqual({ kind: 'on', settled: false });
    expect(statusOf(first)).toBe('scanning');
    const settled = { kind: 'on', settled: true } as const;
    expect(statusOf(settled)).toBe('ready');
    expect(stateFor({ ...DEFAULT_SETTINGS, hoverDelayMs: 0 }, url, settled)).toEqual(settled);
  });
  it('paused and disabled sites are off with their own status; turning back on starts unsettled', () => {
    const off = stateFor({ ...DEFAULT_SETTINGS, enabled: false }, url, { kind: 'on', settled: true });
    expect(statusOf(off)).toBe('paused');
    expect(statusOf(stateFor({ ...DEFAULT_SETTINGS, disabledSites: ['news.example'] }, url, off))).toBe('disabled-site');
    expect(stateFor(DEFAULT_SETTINGS, url, off)).toEqual({ kind: 'on', settled: false });
  });
});
