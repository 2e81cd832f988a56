// Writes the settings the content scripts read (storage.sync), from an extension page: the
// test's way of being a reader who changed them in the options page.

import type { Driver } from './driver';

/** Stores `value` as the settings (null: removes them, back to the defaults). */
export async function setSettings(driver: Driver, value: object | null): Promise<void> {
  const probe = await driver.open(driver.extensionUrl('/popup.html?tab=0'));
  try {
    await probe.evaluate(async (value) => {
      type Sync = { storage: { sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Sync; chrome?: Sync };
      const api = (g.browser ?? g.chrome) as Sync;
      if (value) await api.storage.sync.set({ settings: value });
      else await api.storage.sync.remove('settings');
    }, value);
  } finally {
    await probe.close();
  }
}
