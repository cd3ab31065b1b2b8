import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { withMetaContentSecurityPolicy } from './src/shared/security/headers';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('src/main/electron/main.ts') }, external: ['better-sqlite3', 'electron'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be a single CommonJS file.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    // The page's <meta> policy comes from the same constant as the hosts' Content-Security-Policy header.
    plugins: [react(), { name: 'content-security-policy-meta', transformIndexHtml: withMetaContentSecurityPolicy }],
    // The CSV import's Web Worker (new Worker(new URL(...), { type: 'module' })) is built as an ES module chunk.
    worker: { format: 'es' },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
