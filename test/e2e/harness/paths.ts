import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The built extension, as `npm run build` leaves it. */
export const EXT_DIRS = {
  chrome: resolve(ROOT, '.output/chrome-mv3'),
  firefox: resolve(ROOT, '.output/firefox-mv2'),
};

export const ARTIFACTS = resolve(ROOT, 'test/e2e/.artifacts');

export function assertBuilt(): void {
  for (const dir of Object.values(EXT_DIRS)) {
    if (!existsSync(resolve(dir, 'manifest.json'))) {
      throw new Error(`${dir} has no manifest.json: run \`npm run build\` before the e2e tests (npm test does).`);
    }
  }
}
