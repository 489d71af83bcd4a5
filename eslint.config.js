// ESLint, run by `npm run lint` inside `npm test`: typescript-eslint with type information, the React hooks rules,
// and the direction of imports between the layers (shared ← client, shared ← server ← scripts/test).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './scripts/lint/layers.js';

export default tseslint.config(
  // shared/platform.d.ts belongs to the shared project alone (it declares what both runtimes have); tsc checks it.
  { ignores: ['build/', 'dist/', 'node_modules/', 'data/', 'test/artifacts/', 'var/', 'shared/platform.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, layers },
    rules: {
      'layers/import-direction': ['error', { root: import.meta.dirname }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A synchronous implementation of an async interface (the SQLite store, Hono handlers, test doubles) is
      // written `async` so that its throws reach the caller as rejections, like the PostgreSQL store's do.
      '@typescript-eslint/require-await': 'off',
      // React ignores what an event handler returns; the async handlers (forms, buttons) catch and show their
      // own errors. Promises passed anywhere else are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // The stores' read and write objects are literals of methods that close over their store as `self`.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      // `_name` marks a value left out on purpose (a rest-destructuring that drops fields, an unused parameter
      // an interface requires).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read untyped values (JSON bodies, rows from SQL, values from the browser's page) and assert on them:
    // an `any` there fails an assertion, not the product. Mocks hand methods around unbound.
    files: ['**/*.test.{ts,tsx}', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The JavaScript files (this config, the lint rule) are outside the TypeScript projects.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
