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
/**
 * Screens read and write the workbook through src/renderer/db (queries, repositories, mutate()), never
 * its tables: a read there is narrow and indexed, a write goes through the one logged write path.
 * Flags `db.responses`, `db.table(…)`, `db.tables`, `db.transaction(…)`, `db.backendDB()` on the
 * workbook database (a variable named db, or one that holds useWorkbook(), openWorkbook(), new
 * WorkbookDb() or is typed WorkbookDb), and importing Dexie itself.
 */
const WORKBOOK_TABLES = [
  'meta',
  'settings',
  'organization',
  'sites',
  'people',
  'assessments',
  'responses',
  'evidence',
  'blobs',
  'links',
  'actions',
  'audit',
  'overlays',
];
const TABLE_ACCESS = new Set([...WORKBOOK_TABLES, 'table', 'tables', 'transaction', 'backendDB']);
const WORKBOOK_SOURCES = new Set(['useWorkbook', 'openWorkbook', 'freshDb']);
const DATA_LAYER_MESSAGE =
  'Screens do not touch the workbook database directly: read through a query in src/renderer/db/queries (or a repository in src/renderer/db/repo) and write through a repository, which goes through mutate() and the change log.';

function holdsWorkbook(expression) {
  let e = expression;
  while (e && (e.type === 'AwaitExpression' || e.type === 'TSAsExpression' || e.type === 'TSNonNullExpression'))
    e = e.argument ?? e.expression;
  if (!e) return false;
  if (e.type === 'CallExpression' && e.callee.type === 'Identifier') return WORKBOOK_SOURCES.has(e.callee.name);
  if (e.type === 'NewExpression' && e.callee.type === 'Identifier') return e.callee.name === 'WorkbookDb';
  return false;
}

function isWorkbookIdentifier(context, node) {
  if (node.name === 'db') return true;
  for (let scope = context.sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (!variable) continue;
    return variable.defs.some((def) => {
      if (def.type === 'Variable') return holdsWorkbook(def.node.init);
      const annotation = def.name.typeAnnotation?.typeAnnotation;
      return def.type === 'Parameter' && annotation?.type === 'TSTypeReference' && annotation.typeName.name === 'WorkbookDb';
    });
  }
  return false;
}

const noTableAccess = {
  meta: {
    type: 'problem',
    docs: { description: 'Outside src/renderer/db, no table access on the workbook database and no Dexie import' },
    schema: [],
  },
  create(context) {
    return {
      MemberExpression(node) {
        const name = node.computed ? (node.property.type === 'Literal' ? node.property.value : undefined) : node.property.name;
        if (!TABLE_ACCESS.has(name)) return;
        const object = node.object;
        const workbook =
          (object.type === 'Identifier' && isWorkbookIdentifier(context, object)) ||
          (object.type === 'CallExpression' && holdsWorkbook(object));
        if (workbook) context.report({ node, message: `\`${context.sourceCode.getText(node)}\`: ${DATA_LAYER_MESSAGE}` });
      },
      ImportDeclaration(node) {
        if (node.source.value === 'dexie' && node.importKind !== 'type') {
          context.report({ node, message: `Dexie is used in src/renderer/db only. ${DATA_LAYER_MESSAGE}` });
        }
      },
    };
  },
};

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
    // Tests too: they read files through the bundler (import.meta.glob, JSON imports), as renderer code would.
    files: ['src/renderer/**'],
    rules: restrict(
      ['electron', ...NODE_BUILTINS, '**/main/**', '**/preload/**', '**/cli/**'],
      'The renderer uses browser APIs only; reach the desktop through platform.',
    ),
  },
  {
    files: ['src/renderer/**'],
    // Tests inspect what landed in the tables to check the data layer (the queries under test cannot
    // be their own witness); their writes are refused by the write guard, and tampering uses testDb's tamper().
    ignores: ['src/renderer/db/**', '**/*.test.ts', '**/*.test.tsx'],
    plugins: { 'workbook-data': { rules: { 'no-table-access': noTableAccess } } },
    rules: { 'workbook-data/no-table-access': 'error' },
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
