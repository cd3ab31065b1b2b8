import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'util', 'zlib', 'worker_threads'];
const restrict = (groups, message) => ({ group: groups, message });

/**
 * Layer boundaries are enforced here, not remembered:
 * - src/shared imports no node, no DOM, no electron, no React (it runs everywhere);
 * - only src/main/electron imports electron (type-only imports excepted, they vanish at build);
 * - the renderer imports neither node nor electron nor main-process code.
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
    // The preload is electron's bridge by definition: it alone may use contextBridge/ipcRenderer.
    ignores: ['src/main/electron/**', 'src/preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Only src/main/electron may import electron.', allowTypeImports: false }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(NODE_BUILTINS, 'src/shared must not import Node built-ins.'),
            restrict(['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3'], 'src/shared is pure: no electron, React or database.'),
            restrict(['**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared imports nothing from the hosts.'),
          ],
        },
      ],
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
            restrict(['**/main/**'], 'The renderer imports shared code, never main-process code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/db/**/*.ts', 'src/main/http/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'Only src/main/electron may import electron.' }, restrict(['**/renderer/**'], 'Main-process code does not import the renderer.')] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
