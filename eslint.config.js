// ESLint, run by `npm run lint` inside `npm test`: typescript-eslint with type information, the React hooks rules,
// and the direction of imports between the layers (shared ← client, shared ← server ← scripts/test).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './scripts/lint/layers.js';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'data/', 'test/artifacts/', 'var/'] },
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
    },
  },
  {
    files: ['*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
