import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layersPlugin from './eslint-rules/layers.js';

const ROOT = dirname(fileURLToPath(import.meta.url));
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'util',
  'zlib',
  'worker_threads',
];
const restrict = (groups, message) => ({ group: groups, message });

/**
 * The layer table of docs/ARCHITECTURE.md, row for row: which folders (and, where the row lists them, which
 * packages) each part of src may import. A folder always imports its own files. `packages` is an allowlist
 * (`node:*` = Node's built-ins); a row without it is limited only by the package rules further down.
 * test/lint-boundaries.test.ts checks every arrow against a file that breaks it, and that the document's
 * table says exactly this.
 */
export const LAYERS = [
  { name: 'shared', path: 'src/shared', imports: [], packages: ['zod', 'i18next', 'canonicalize', 'papaparse'] },
  { name: 'db', path: 'src/main/db', imports: ['shared'] },
  { name: 'core', path: 'src/main/core', imports: ['shared', 'db'] },
  { name: 'http', path: 'src/main/http', imports: ['shared', 'core'] },
  { name: 'cli', path: 'src/main/cli', imports: ['shared', 'core'] },
  { name: 'electron', path: 'src/main/electron', imports: ['shared', 'core', 'api-types'] },
  { name: 'preload', path: 'src/preload', imports: ['api-types'], packages: ['electron'] },
  { name: 'api-types', path: 'src/preload/api-types', imports: [], packages: [] },
  { name: 'renderer', path: 'src/renderer', imports: ['shared', { layer: 'api-types', typeOnly: true }] },
];

/** Test runners and generators a test beside the code may use on top of its folder's packages. */
const TEST_PACKAGES = ['vitest', 'fast-check', 'zod-fast-check'];

/**
 * Layer boundaries are enforced here, not remembered:
 * - `layers/imports`: the arrows between folders (LAYERS above), resolved to files;
 * - only src/main/electron and the preload import electron;
 * - src/shared is pure (no Node, DOM or host globals); the renderer imports no Node, electron or database.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.native-electron/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', { root: ROOT, layers: LAYERS, testPackages: TEST_PACKAGES }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The preload is electron's bridge by definition: it alone may use contextBridge/ipcRenderer.
    ignores: ['src/main/electron/**', 'src/preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'Only src/main/electron may import electron.', allowTypeImports: false }] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(NODE_BUILTINS, 'The renderer runs sandboxed: no Node built-ins.'),
            restrict(['electron', 'electron/*', 'better-sqlite3'], 'The renderer talks to the host through the API client only.'),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
