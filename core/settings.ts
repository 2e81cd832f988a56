// User settings: their schema, defaults and migrations. Stored values we do not control go
// through `parseSettings`: a missing or invalid field falls back to its default, and the
// problem is reported by key (never thrown at the page).

import * as v from 'valibot';
import { ENTITY_TYPES, type EntityType } from './dataset-types';
import { HOLD_KEYS, type HoldKeySetting } from './hold-key';

export const SETTINGS_VERSION = 1;

export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 1500;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** The highlight colour until the user picks one (and where a stored colour is unusable). */
export const DEFAULT_HIGHLIGHT_COLOR = '#3b6ea5';

export interface Settings {
  /** false = paused everywhere. */
  enabled: boolean;
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** #rrggbb */
  highlightColor: string;
  entityTypes: Record<EntityType, boolean>;
  /** Host names where Factcard is off ("example.com" also covers its subdomains). */
  disabledSites: string[];
  /** 'off': cards open on hover. A modifier: cards open only while it is held. */
  holdKey: HoldKeySetting;
  /** With a hold key: the highlights show only while it is held (false: always). */
  hideHighlightsUntilHeld: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hoverDelayMs: 350,
  highlightStyle: 'underline',
  highlightColor: DEFAULT_HIGHLIGHT_COLOR,
  entityTypes: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
  disabledSites: [],
  holdKey: 'off',
  hideHighlightsUntilHeld: false,
};

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const FIELDS = {
  enabled: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN), v.maxValue(HOVER_DELAY_MAX)),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  highlightColor: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)),
  entityTypes: v.object(Object.fromEntries(ENTITY_TYPES.map((t) => [t, v.boolean()])) as Record<EntityType, v.BooleanSchema<undefined>>),
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.toLowerCase(), v.regex(HOST))), v.maxLength(5000)),
  holdKey: v.picklist(['off', ...HOLD_KEYS]),
  hideHighlightsUntilHeld: v.boolean(),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

export interface ParsedSettings {
  settings: Settings;
  /** One line per field that fell back to its default, naming the key. */
  problems: string[];
}

/** Never throws: anything unusable falls back to the default, field by field. */
export function parseSettings(raw: unknown, key = 'settings'): ParsedSettings {
  const problems: string[] = [];
  const settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`${key}: expected an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}; using defaults`] };
  }
  const obj = raw as Record<string, unknown>;
  for (const name of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(name in obj)) continue;
    const result = v.safeParse(FIELDS[name], obj[name]);
    if (result.success) (settings as unknown as Record<string, unknown>)[name] = result.output;
    else problems.push(`${key}.${name}: ${result.issues[0]?.message ?? 'invalid'}; using the default`);
  }
  return { settings, problems };
}

/**
 * Stored shapes of earlier versions, migrated to the current one. Version 0 was the
 * pre-release layout: `{ paused, delay, sites }`.
 */
export function migrateSettings(raw: unknown, fromVersion: number): unknown {
  if (fromVersion >= SETTINGS_VERSION || typeof raw !== 'object' || raw === null) return raw;
  const old = raw as { paused?: unknown; delay?: unknown; sites?: unknown };
  return {
    ...(typeof old.paused === 'boolean' ? { enabled: !old.paused } : {}),
    ...(old.delay !== undefined ? { hoverDelayMs: old.delay } : {}),
    ...(old.sites !== undefined ? { disabledSites: old.sites } : {}),
  };
}

/** The host a site toggle applies to ("www." dropped), or null for pages without one. */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

export function isSiteDisabled(settings: Settings, url: string): boolean {
  const host = siteOf(url);
  if (!host) return false;
  return settings.disabledSites.some((s) => host === s || host.endsWith(`.${s}`));
}

/**
 * Login and payment pages are off by default: a conservative rule on the address only
 * (Factcard never reads forms to decide). A host label or a path segment that names signing
 * in, authentication, checkout or payment is enough.
 */
const SENSITIVE_HOST = /^(login|signin|auth|accounts?|sso|id|secure|checkout|pay|payments?|billing|wallet)\./;
const SENSITIVE_PATH = /\/(login|log-in|signin|sign-in|signup|sign-up|auth|oauth2?|sso|password|checkout|payment|payments|pay|billing|cart|wallet)(\/|$|\.|\?)/i;

export function isSensitiveUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return SENSITIVE_HOST.test(u.hostname) || SENSITIVE_PATH.test(u.pathname);
  } catch {
    return false;
  }
}
