// Settings in storage.sync, versioned, read through the schema in core/settings.ts.

import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, migrateSettings, parseSettings, SETTINGS_VERSION, type Settings } from '../core/settings';

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 1: (old: unknown) => migrateSettings(old, 0) as Settings },
});

export async function loadSettings(onProblem: (msg: string) => void = () => {}): Promise<Settings> {
  try {
    const { settings, problems } = parseSettings(await settingsItem.getValue(), 'storage.sync settings');
    for (const p of problems) onProblem(p);
    return settings;
  } catch (e) {
    onProblem(`storage.sync settings: ${String(e)}; using defaults`);
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem.setValue(parseSettings(s).settings);
}

/** Calls back with parsed settings whenever they change (in any context). */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(parseSettings(value).settings));
}
