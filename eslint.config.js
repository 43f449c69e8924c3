// ESLint (flat config): typescript-eslint's recommended rules, plus the layer rules of
// docs/CODE_STYLE.md. Syntax-only (no type information) so that `pnpm lint` stays quick.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'apps/api/src/generated/**',
      '.data/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { layers },
    rules: {
      // Noise for this codebase rather than defects: `catch {}` with a reason in a comment,
      // `_`-prefixed names for parameters a signature requires, and `any` at library seams.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // File names and stored text are cleaned of control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // TypeScript itself reports undefined names, with the right globals per project.
    files: ['**/*.{ts,tsx,mts}'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Journeys and benchmarks run callbacks inside the browser page (page.evaluate).
    files: ['e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'layers/spa-feature-boundaries': ['error', { root: here('./apps/web/src') }],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    rules: { 'layers/api-common-independent': ['error', { root: here('./apps/api/src') }] },
  },
);
