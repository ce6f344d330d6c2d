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
    // config/ reads the environment once (`loadConfig`) and hands it down; the rest of the application receives its
    // configuration as parameters. Tests, the benchmark and build tooling set up environments of their own.
    files: ['**/*.ts'],
    ignores: ['config/**', 'test/**', 'bench/**', 'tools/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'read configuration through config/ (loadConfig)' },
      ],
    },
  },
  {
    // The worker and the API never load build tooling (tools/), the development launcher (dev/) or test helpers.
    files: [
      'api/**/*.ts',
      'worker/**/*.ts',
      'activities/**/*.ts',
      'calendar/**/*.ts',
      'codec/**/*.ts',
      'register/**/*.ts',
      'domain/**/*.ts',
      'documents/**/*.ts',
      'config/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tools/*', '**/dev/*', '**/test/*'],
              message: 'application code stays apart from tools/, dev/ and test/',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: the wall clock and I/O stay outside it.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/clock.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Date', message: 'read time through workflows/clock.ts' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'zod',
            '../calendar',
            '../calendar/*',
            '../api/*',
            '../register',
            '../register/*',
            '../tools/*',
            '../dev/*',
            'chinese-days',
          ],
        },
      ],
    },
  },
);
