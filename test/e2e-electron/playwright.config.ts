import { defineConfig } from '@playwright/test';

/** The desktop app itself through Playwright's _electron; needs Electron's binary (Windows CI). */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/playwright-electron',
  timeout: 240_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright-electron.json' }]],
});
