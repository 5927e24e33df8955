// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { boundariesConfig } from './eslint/boundaries.mjs';

/**
 * Which process a file runs in is visible from its path, and these rules keep it true: which
 * layer may import which is the allow-list in eslint/layers.mjs (enforced by eslint/boundaries.mjs);
 * below, what no layer map can say: shared/ is pure (no Node, no DOM, no Electron), the renderer
 * and the preload have no Node modules, and only electron/main and electron/preload may import
 * Electron itself, so the engine, the workers and the headless server run under plain Node.
 */
const builtinNames = [
  'fs',
  'path',
  'os',
  'child_process',
  'net',
  'dgram',
  'crypto',
  'http',
  'https',
  'worker_threads',
  'url',
  'util',
  'events',
  'stream',
  'dns',
  'zlib',
];
/** Exact names, so that a local './events' is not mistaken for Node's 'events'. */
const nodeBuiltinPaths = (message) => builtinNames.map((name) => ({ name, message }));
const nodeBuiltins = ['node:*'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'electron/engine/store/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths('shared/ is pure: no Node modules.'),
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules.' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'Buffer',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths('The renderer runs in a sandbox: no Node modules.'),
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer reaches the engine only through VigiaClient.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: [
      'electron/engine/**/*.ts',
      'electron/engine-proxy/**/*.ts',
      'electron/workers/**/*.ts',
      'electron/server/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Engine, workers and server run under plain Node; Electron lives in electron/main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinPaths('A sandboxed preload has no Node modules.'),
          patterns: [{ group: nodeBuiltins, message: 'A sandboxed preload has no Node modules.' }],
        },
      ],
    },
  },
  ...boundariesConfig,
  prettier,
);
