// Settings in storage.sync, versioned, read through the schema in core/settings.ts.
//
// Reading is one storage round trip (`loadSettings`): the value and its version key together,
// migrated in memory when old. Every page's content script reads the settings before it may
// draw anything, so the read must be as short as the browser allows; @wxt-dev/storage's
// versioned item first runs its migration check (a read, maybe a write) and then reads
// again, which cost the content script 40–150 ms at document_start. Writes and the migration
// of the stored value go through the versioned item (`settingsItem()`), created on first use:
// by the background at start-up and by the popup and options when they save.

import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, migrateSettings, parseSettings, SETTINGS_VERSION, type Settings } from '../core/settings';
import { watchStorageKey } from './storage-watch';

const KEY = 'settings';
/** Where @wxt-dev/storage keeps the item's version ({ v: number }). */
const META_KEY = `${KEY}$`;

function defineSettingsItem() {
  return storage.defineItem<Settings>(`sync:${KEY}`, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 1: (old: unknown) => migrateSettings(old, 0) as Settings },
  });
}

let item: ReturnType<typeof defineSettingsItem> | null = null;

/** The versioned storage item (writes, and migrating the stored value: it starts on first use). */
export function settingsItem(): ReturnType<typeof defineSettingsItem> {
  item ??= defineSettingsItem();
  return item;
}

export async function loadSettings(onProblem: (msg: string) => void = () => {}): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get([KEY, META_KEY]);
    const meta = got[META_KEY] as { v?: unknown } | undefined;
    // A value without a version key is version 1 (the item's first version), as the item reads it.
    const version = typeof meta?.v === 'number' ? meta.v : 1;
    const raw = version < SETTINGS_VERSION ? migrateSettings(got[KEY], version) : got[KEY];
    const { settings, problems } = parseSettings(raw, 'storage.sync settings');
    for (const p of problems) onProblem(p);
    return settings;
  } catch (e) {
    onProblem(`storage.sync settings: ${String(e)}; using defaults`);
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem().setValue(parseSettings(s).settings);
}

/** Calls back with parsed settings whenever they change (in any context). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return watchStorageKey('sync', KEY, (value) => cb(parseSettings(value).settings));
}
