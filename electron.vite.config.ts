import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contractValidators } from './build/contract-validators';

const root = import.meta.dirname;

/** Every file in electron/workers is a utility-process entry point, built beside the main bundle. */
const workerEntries = Object.fromEntries(
  readdirSync(resolve(root, 'electron/workers'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`workers/${file.replace(/\.ts$/, '')}`, resolve(root, 'electron/workers', file)]),
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
