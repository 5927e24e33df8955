import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contractValidators } from './build/contract-validators';

const root = import.meta.dirname;

/**
 * Every folder in electron/workers with an index.ts is a worker process's entry point, built beside
 * the main bundle as out/main/workers/<name>.js (electron/workers/host is the code they share).
 */
const workerEntries = Object.fromEntries(
  readdirSync(resolve(root, 'electron/workers'), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(resolve(root, 'electron/workers', entry.name, 'index.ts')),
    )
    .map((entry) => [`workers/${entry.name}`, resolve(root, 'electron/workers', entry.name, 'index.ts')]),
);

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          server: resolve(root, 'electron/server/index.ts'),
          ...workerEntries,
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything but electron: bundle it whole, as CommonJS.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contractValidators()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer's is parsed on every start.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
