// Runs once before the e2e tier: a missing build or browser is one clear error, not a
// failure in every test.
import { accessSync, constants } from 'node:fs';
import { assertBuilt } from './paths';

export default function setup(): void {
  assertBuilt();
  const browsers = [
    ['CHROMIUM_PATH', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium'],
    ['FIREFOX_PATH', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr'],
  ] as const;
  const missing = browsers.filter(([, path]) => {
    try {
      accessSync(path, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    const what = missing.map(([env, path, pkg]) => `${pkg} (${path}; set ${env} to use another)`).join(' and ');
    throw new Error(`The end-to-end tests need ${what}: \`npm test\` installs Debian's packages when run as root, or run \`sudo apt-get install ${missing.map(([, , p]) => p).join(' ')}\`.`);
  }
}
