import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the headless server running the demo network (see test/e2e/serve-demo.ts).
 * They drive Debian's Chromium and assume `npm run build` already produced out/.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/serve-demo.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Playwright empties its output folder first: keep it apart from the other runners' reports.
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
