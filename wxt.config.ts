import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Fixed add-on id: Firefox needs it for storage.sync and for signing; the e2e
// harness pins the moz-extension UUID against it.
export const GECKO_ID = 'factcard@factcard.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Factcard',
    description:
      'Hover a name in the news to see who it is, what they said, and the exact source quote. Works offline; collects nothing.',
    permissions: ['storage', 'activeTab'],
    action: { default_title: 'Factcard' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
