// Lint for the rules we care about; formatting is Prettier's job.
//
// Fences between the layers (docs/ARCHITECTURE.md), in both directions: each folder lists the
// folders it may import, and everything else is refused — so a folder's list of importers
// follows too (nothing but entrypoints/ imports platform/, nothing imports entrypoints/).
//
//   core/        → core/                               plain TypeScript, runs anywhere
//   dom/         → core/, dom/                         the page, never the extension API
//   components/  → core/, components/                  Preact, fed by props
//   platform/    → core/, platform/                    the extension API glue
//   entrypoints/ → everything                          wiring
//   scripts/     → core/, dom/                         Node tools
//   bench/       → core/, dom/, platform/ (the library service, in Node)
import tseslint from 'typescript-eslint';

const LAYERS = ['core', 'dom', 'components', 'platform', 'entrypoints'];

const noExtensionApi = {
  name: 'wxt/browser',
  message: 'Only entrypoints/ and platform/ may use the extension API.',
};

/** Refuses imports of every layer not in `allowed`, and of the extension API unless allowed. */
function fence(files, allowed, { extensionApi = false, ui = true, globals = [] } = {}) {
  const refused = LAYERS.filter((l) => !allowed.includes(l));
  const paths = [];
  if (!extensionApi) paths.push(noExtensionApi, { name: 'wxt/utils/content-script-context', message: noExtensionApi.message });
  if (!ui) paths.push({ name: 'preact', message: 'No UI in this layer.' });
  return {
    files,
    rules: {
      ...(globals.length ? { 'no-restricted-globals': ['error', ...globals] } : {}),
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: refused.map((l) => ({ group: [`**/${l}/**`, `**/${l}`], message: `${files[0].split('/')[0]}/ may import only ${allowed.join('/, ')}/ (see docs/ARCHITECTURE.md).` })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['.output/**', '.output-profile/**', '.wxt/**', 'node_modules/**', 'bench/vendor/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No innerHTML sinks: build nodes or use Preact.' },
        { property: 'outerHTML', message: 'No outerHTML sinks.' },
        { property: 'insertAdjacentHTML', message: 'No HTML string sinks.' },
      ],
    },
  },
  fence(['core/**/*.ts'], ['core'], { ui: false, globals: ['document', 'window', 'browser', 'chrome', 'navigator'] }),
  fence(['dom/**/*.ts'], ['core', 'dom'], { ui: false, globals: ['browser', 'chrome'] }),
  fence(['components/**/*.ts', 'components/**/*.tsx'], ['core', 'components'], { globals: ['browser', 'chrome'] }),
  fence(['platform/**/*.ts'], ['core', 'platform'], { extensionApi: true, ui: false }),
  fence(['scripts/**/*.ts'], ['core', 'dom'], { ui: false }),
  // The library's benchmark times its storage service in Node (fake IndexedDB).
  fence(['bench/**/*.ts'], ['core', 'dom', 'platform'], { ui: false, extensionApi: true }),
  {
    // Tests and scripts may poke at page-like HTML to build fixtures.
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
