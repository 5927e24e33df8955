import { expect, test } from '@playwright/test';
import { baseUrl, call } from './demo-server';
import { keepScreenshot } from './screenshot';

interface Alarm {
  state: string;
  severity: string;
}

/**
 * The wall screen on the demo network: no menu, the totals at the top as the API counts them, one
 * tile per place in trouble with how long it has lasted, and the way back to the dashboard.
 */
test('wall screen: totals, tiles by impact, and back to the dashboard', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${baseUrl()}/#/wall`);
  await expect(page.getByTestId('wall')).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);
  await expect(page.getByTestId('wall-clock')).toHaveText(/\d{2}:\d{2}:\d{2}/);

  await expect
    .poll(async () => {
      const alarms = (await call('alarms.list', { states: ['active'], limit: 5_000 })) as Alarm[];
      return (await page.getByTestId('wall-active').textContent()) === String(alarms.length);
    })
    .toBe(true);
  const open = (await call('alarms.list', { states: ['active', 'acknowledged'], limit: 5_000 })) as Alarm[];
  const trouble = open.filter((alarm) => ['critical', 'major'].includes(alarm.severity));
  if (trouble.length > 0) {
    await expect(page.getByTestId('wall-tile').first()).toBeVisible();
    await expect(page.getByTestId('wall-tile-since').first()).toHaveText(/\d/);
  } else await expect(page.getByTestId('wall-all-clear')).toHaveText(/Tudo no ar/);
  await page.screenshot({ path: 'test-results/wall.png' });
  await keepScreenshot(page, 'wall');

  await page.getByTestId('wall-exit').click();
  await expect(page.getByTestId('nav-wall')).toBeVisible();
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall')).toBeVisible();
});
