// Lint enforces the layer arrows of DESIGN.md: core and shared are pure, the renderer never
// reaches electron or Node, main never reaches React or Dexie, the preload only the contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { securityConfig } from './eslint.security.js';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test/e2e/artifacts/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    // Tests may read fixtures from disk; the modules themselves stay pure.
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        'electron',
        'react',
        'react-dom',
        'react/*',
        'dexie',
        'dexie-*',
        ...NODE_BUILTINS,
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
        '**/cli/**',
      ],
      'src/core and src/shared stay pure: no electron, react, dexie, Node or other layers.',
    ),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.flat.recommended.rules,
  },
  {
    files: ['src/renderer/**'],
    // Tests run in Node and may read their own folder.
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: restrict(
      ['electron', ...NODE_BUILTINS, '**/main/**', '**/preload/**', '**/cli/**'],
      'The renderer uses browser APIs only; reach the desktop through platform.',
    ),
  },
  {
    files: ['src/main/**'],
    rules: restrict(
      ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', '**/renderer/**', '**/cli/**'],
      'Main never imports React, Dexie or the renderer.',
    ),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      ['react', 'react-dom', 'dexie', ...NODE_BUILTINS, '**/main/**', '**/renderer/**', '**/core/**', '**/cli/**'],
      'The sandboxed preload may import only electron and the shared contract.',
    ),
  },
  {
    files: ['src/cli/**'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'dexie', 'dexie-*', '**/main/**', '**/renderer/**', '**/preload/**'],
      'The command line runs the core on Node only.',
    ),
  },
  // Electron security guards that must not silently go (eslint.security.js).
  ...securityConfig,
);
