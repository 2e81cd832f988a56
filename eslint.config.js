// Lint for the rules we care about; formatting is Prettier's job.
// The import restrictions keep the layers honest (../shared/CONVENTIONS.md):
// core/ is plain TypeScript, dom/ never touches the extension API, components/ are fed by props.
import tseslint from 'typescript-eslint';

const noExtensionApi = {
  name: 'wxt/browser',
  message: 'Only entrypoints/ and the messaging/storage glue may use the extension API.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/vendor/**', 'coverage/**'] },
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
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator'],
      'no-restricted-imports': [
        'error',
        {
          paths: [noExtensionApi, { name: 'preact', message: 'core/ is UI-free.' }],
          patterns: [{ group: ['**/dom/**', '**/components/**', '**/entrypoints/**'], message: 'core/ imports nothing above it.' }],
        },
      ],
    },
  },
  {
    files: ['dom/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome'],
      'no-restricted-imports': [
        'error',
        {
          paths: [noExtensionApi],
          patterns: [{ group: ['**/components/**', '**/entrypoints/**'], message: 'dom/ imports only core/.' }],
        },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome'],
      'no-restricted-imports': [
        'error',
        { paths: [noExtensionApi], patterns: [{ group: ['**/entrypoints/**'], message: 'Components are fed by props.' }] },
      ],
    },
  },
  {
    // Tests and scripts may poke at page-like HTML to build fixtures.
    files: ['test/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
