// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import atlas from './scripts/eslint/no-raw-ui-text.js';

/**
 * The renderer folders whose every user-facing string comes from the message catalogs (issue 14):
 * raw JSX text there is an error. A folder joins once its strings have moved to shared/i18n.
 */
const TRANSLATED = [
  'renderer/App.tsx',
  'renderer/app/**/*.tsx',
  'renderer/learn/**/*.tsx',
  'renderer/i18n/**/*.tsx',
  'renderer/explore/**/*.tsx',
  'renderer/latent-map/**/*.tsx',
  'renderer/preview/**/*.tsx',
  'renderer/files/**/*.tsx',
  'renderer/walk/**/*.tsx',
  'renderer/training/**/*.tsx',
  'renderer/manifold-3d/**/*.tsx',
  'renderer/generate/**/*.tsx',
  'renderer/toy/**/*.tsx',
  'renderer/compare/**/*.tsx',
];

/** What no renderer file may import: it is sandboxed (no Node, Electron or main-process code). */
const RENDERER_SANDBOX = [
  'electron',
  'node:*',
  '**/main/**',
  'fs',
  'path',
  'worker_threads',
  '@tensorflow/tfjs-node',
];

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
          patterns: RENDERER_SANDBOX,
        },
      ],
    },
  },
  {
    files: TRANSLATED,
    ignores: ['**/*.test.tsx'],
    plugins: { atlas },
    rules: { 'atlas/no-raw-ui-text': 'error' },
  },
  {
    files: ['renderer/state/**/*.{ts,tsx}'],
    rules: {
      // Why: state/ feeds the panels, so it must not depend on one (that made state↔panel cycles).
      // This block replaces the renderer's rule for these files, so it repeats the sandbox's list.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: RENDERER_SANDBOX,
              message: 'The renderer is sandboxed: no Node, Electron or main-process code.',
            },
            {
              regex: '^\\.\\./(app|explore|files|latent-map|manifold-3d|preview|training|App)(/|$)',
              message: 'renderer/state/ imports no panel: only shared/, renderer/lib/ and itself.',
            },
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
  // Fences for main/, one folder per role (see README "Architecture"): each block lists what a
  // folder may not import, so the layout holds itself.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      // Why: only the Electron shell may need Electron; everything else runs under plain Node too.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/|$)', message: 'Only main/electron/ imports Electron.' },
            { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/engine/**/*.ts'],
    rules: {
      // Why: the engine runs in a worker thread and is used by the service, the CLIs and the tests
      // alike; it depends on shared/, its own folder and the node helpers only.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/|$)', message: 'Only main/electron/ imports Electron.' },
            {
              regex: '^\\.\\./(?!node(/|$)|\\.\\./shared(/|$))',
              message: 'main/engine/ imports only shared/, main/node/ and its own folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/service/**/*.ts', 'main/node/**/*.ts', 'main/web/**/*.ts'],
    rules: {
      // Why: the service is one implementation under two transports; it must not know either of
      // them, nor the launchers. node/ and web/ are helpers below all of them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/|$)', message: 'Only main/electron/ imports Electron.' },
            {
              group: ['**/electron/**', '**/host/**', '**/cli/**', '**/renderer/**'],
              message: 'main/service/, main/node/ and main/web/ import neither a transport nor a launcher.',
            },
          ],
        },
      ],
    },
  },
);
