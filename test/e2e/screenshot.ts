import type { Page } from '@playwright/test';

/**
 * The README's screenshots, taken along the browser tests but written only when
 * `npm run screenshots` asks for them (VIGIA_SCREENSHOTS=1): an ordinary test run leaves the
 * tracked files in docs/screenshots alone.
 */
export async function keepScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.VIGIA_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage, animations: 'disabled' });
}
