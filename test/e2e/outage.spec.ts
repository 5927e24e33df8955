import { expect, test } from '@playwright/test';
import { call, open } from './demo-server';

test.describe.configure({ mode: 'serial' });

// The demo server is shared by every browser suite: its uplink answers again, in Portuguese.
test.afterAll(async () => {
  await call('outage.demoUplink', { down: false });
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
});

test('the NOC uplink down shows at the top of every screen, in Portuguese and in English', async ({
  page,
}) => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
  await open(page, 'dashboard');
  const banner = page.getByTestId('uplink-banner');
  await expect(banner).toHaveCount(0);

  await call('outage.demoUplink', { down: true });
  await expect(banner).toContainText('Uplink da NOC fora');
  await expect(banner).toContainText('todas as verificações de uplink falham (DNS, HTTPS)');
  // It stays on whatever page the operator goes to.
  for (const pageName of ['map', 'devices', 'alarms', 'settings'] as const) {
    await page.getByTestId(`nav-${pageName}`).click();
    await expect(banner).toContainText('Uplink da NOC fora');
  }
  // Its one alarm is in the list, rendered in the reader's language.
  await page.getByTestId('nav-alarms').click();
  await expect(
    page.getByText('Uplink da NOC fora: todas as verificações de uplink falham (DNS, HTTPS)').first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/outage-uplink-banner.png', animations: 'disabled' });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(banner).toContainText('NOC uplink down');
  await expect(banner).toContainText('Every uplink check has failed since');
  await expect(banner).not.toContainText('Uplink da NOC');

  await call('outage.demoUplink', { down: false });
  await expect(banner).toHaveCount(0);
});
