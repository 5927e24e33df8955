import { expect, test } from '@playwright/test';
import { call, open } from './demo-server';

test.describe.configure({ mode: 'serial' });

test('the optical page shows the demo backbone: sites in towers, cards, measures with a chart', async ({
  page,
}) => {
  // The demo's first rounds run at start; wait on the collected data, not a fixed time.
  await expect
    .poll(async () => ((await call('optical.health', undefined)) as { measures: number }[])[0]?.measures ?? 0)
    .toBeGreaterThan(0);
  await open(page, 'optical');
  const sites = page.getByTestId('optical-site-row');
  await expect(sites).toHaveCount(6);
  await expect(page.getByTestId('optical-sites')).toContainText('CGE-CENTRO');
  await page.getByTestId('optical-sites').getByText('CGE-CENTRO', { exact: true }).click();
  await expect(page.getByTestId('optical-card-row')).toHaveCount(4);
  await page.getByTestId('optical-card-row').first().click();
  await expect(page.getByTestId('optical-measures')).toContainText('Pump Power');
  await expect(page.getByTestId('optical-measures')).toContainText('dBm');
  await page.getByTestId('optical-measure-row').filter({ hasText: 'IN Line IN Power' }).click();
  await expect(page.getByTestId('measure-chart')).toBeVisible();
  await page.screenshot({ path: 'test-results/optical-network.png', fullPage: true });
});

test('endpoint health, vendor alarms and the rule preview are in Portuguese', async ({ page }) => {
  await open(page, 'optical');
  await page.getByTestId('optical-tab-endpoints').click();
  await expect(page.getByTestId('endpoint-row')).toContainText('Backbone (demonstração)');
  await expect(page.getByTestId('endpoint-state')).toHaveText('OK');
  await page.screenshot({ path: 'test-results/optical-endpoints.png', fullPage: true });

  await page.getByTestId('optical-tab-vendor').click();
  await expect(page.getByTestId('optical-vendor-alarms')).toContainText('Temperatura alta');
  await expect(page.getByTestId('optical-vendor-alarms')).toContainText('Aviso');

  await page.getByTestId('optical-tab-rules').click();
  const osnr = page
    .getByTestId('optical-rule-row')
    .filter({ has: page.locator('input[value="tm1200g-osnr"]') });
  await osnr.getByTestId('optical-rule-preview').click();
  await expect(page.getByTestId('optical-rule-hits')).toContainText(
    /Nenhuma medida alarmaria agora|medidas alarmariam agora/,
  );
  await page.screenshot({ path: 'test-results/optical-rules.png', fullPage: true });
});

test('an endpoint with a wrong address asks for its password again, in the operator`s language', async ({
  page,
}) => {
  await open(page, 'optical');
  await page.getByTestId('optical-tab-endpoints').click();
  await page.getByRole('button', { name: 'Editar conexão' }).click();
  await page.getByTestId('endpoint-baseUrl').fill('http://127.0.0.1:9/');
  await page.getByTestId('endpoint-save').click();
  await expect(
    page.getByText('o endereço ou o usuário mudou: informe a senha de novo').first(),
  ).toBeVisible();
});
