// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Why: the renderer is sandboxed; it must never reach Node, Electron or main-process code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'electron',
            'node:*',
            '**/main/**',
            'fs',
            'path',
            'worker_threads',
            '@tensorflow/tfjs-node',
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // Why: shared/ is used by both processes, so it stays free of platform and heavy libraries.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'electron',
            'node:*',
            'react',
            'react-dom',
            'three',
            '@tensorflow/*',
            '**/main/**',
            '**/renderer/**',
          ],
        },
      ],
    },
  },
);
