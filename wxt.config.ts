import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { aliasEntriesFromDataset, compileIndex } from './core/matcher';
import type { Dataset } from './core/dataset-types';

// Fixed add-on id: Firefox needs it for storage.sync and for signing; the e2e
// harness pins the moz-extension UUID against it.
export const GECKO_ID = 'factcard@factcard.dev';

const INDEX_ID = 'virtual:factcard-index';

/** The CSP of the popup, options and viewer pages (pinned by test/e2e/manifest.test.ts). */
export const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self'; img-src 'self' data:";

/**
 * Compiles the matcher index from data/dataset.json at build time, so the content script
 * only parses a ready index (one JSON.parse of a string literal, the fastest way V8 loads data).
 */
function factcardIndex(): Plugin {
  const datasetPath = resolve(import.meta.dirname, 'data/dataset.json');
  return {
    name: 'factcard-index',
    resolveId: (id) => (id === INDEX_ID ? `\0${INDEX_ID}` : undefined),
    load(id) {
      if (id !== `\0${INDEX_ID}`) return undefined;
      this.addWatchFile(datasetPath);
      const dataset = JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset;
      const index = compileIndex(aliasEntriesFromDataset(dataset));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}

/**
 * Marks the document_start content script for eager compilation (V8's explicit compile hint,
 * Chromium 136+; other engines read a comment). Measured with `npm run bench:trace` on the
 * 10 KB page: without it V8 compiled our functions lazily inside the DOMContentLoaded task, on
 * first call (~11 ms of V8.CompileCode there); with it the whole script is compiled once when
 * injected, and the content script's main-thread time on that page fell by ~6 ms in all.
 * Not the card UI's script (card.js, document_idle): eagerly compiled, it made an 18–28 ms task
 * right after a small page's first paint, lazily 7 ms, and the first card came 6 ms later at
 * most (median of 8 first hovers on fresh loads: 79 vs 73 ms after the dwell) — most pages are
 * never hovered.
 */
function eagerCompileHint(): Plugin {
  return {
    name: 'factcard-eager-compile',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && /(^|\/)content-scripts\/content\.js$/.test(chunk.fileName)) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

/** `npm run bench:profile` builds an unminified copy elsewhere, so a CPU profile names functions. */
const PROFILE_BUILD = process.env.FACTCARD_PROFILE_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(PROFILE_BUILD ? { outDir: '.output-profile' } : {}),
  vite: () => ({
    plugins: [preact(), factcardIndex(), eagerCompileHint()],
    build: { target: 'es2022', ...(PROFILE_BUILD ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: 'Factcard',
    description:
      'Hover a name in the news to see who it is, what they said, and the exact source quote. Works offline; collects nothing.',
    permissions: ['storage'],
    // Extension pages run only our own bundled scripts: no inline or remote code, no plugins,
    // no <base> tricks, no form posts, and nothing fetched from anywhere but the extension.
    content_security_policy:
      browser === 'firefox'
        ? EXTENSION_PAGES_CSP
        : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Factcard' },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next mention on the page and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous mention on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (desktop) and 142 (Android) are the first versions that read
            // data_collection_permissions; older ones would ignore our "collects nothing".
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
