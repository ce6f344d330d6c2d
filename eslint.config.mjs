import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The docs page's script runs in the browser.
    files: ['api/docs/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        localStorage: 'readonly',
        URL: 'readonly',
        Headers: 'readonly',
        console: 'readonly',
        sessionStorage: 'readonly',
        navigator: 'readonly',
        setTimeout: 'readonly',
        crypto: 'readonly',
        URLSearchParams: 'readonly',
        performance: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['api/docs/assets/**'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: the wall clock and I/O stay outside it.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/clock.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Date', message: 'read time through workflows/clock.ts' }],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'zod', '../calendar', '../calendar/*', '../api/*', 'chinese-days'] },
      ],
    },
  },
);
