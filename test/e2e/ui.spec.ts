import { expect, test } from '@playwright/test';
import { call, open } from './demo-server';
import { keepScreenshot as keep } from './screenshot';

test.describe.configure({ mode: 'serial' });

test('an operator adds a device and sees the engine refuse a duplicate address', async ({ page }) => {
  await open(page, 'devices');
  await page.getByTestId('add-device').click();
  await page.getByTestId('device-name').fill('Rádio teste e2e');
  await page.getByTestId('device-host').fill('100.127.250.1');
  await page.getByTestId('device-save').click();
  await page.getByTestId('device-search').fill('Rádio teste e2e');
  await expect(page.getByTestId('device-row')).toHaveCount(1);

  await page.getByTestId('add-device').click();
  await page.getByTestId('device-name').fill('Duplicado');
  await page.getByTestId('device-host').fill('100.127.250.1');
  await page.getByTestId('device-save').click();
  await expect(page.getByText(/already exists|já existe/i).first()).toBeVisible();
});

test('right-click in the table puts a device into maintenance with a reason', async ({ page }) => {
  await open(page, 'devices');
  await page.getByTestId('device-search').fill('Cliente empresarial Catolé 1.1');
  const row = page.getByTestId('device-row').first();
  await expect(row).toBeVisible();
  await row.click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^(Manutenção|Maintenance)$/ }).click();
  await page.getByText(/^(1 hora|1 hour)$/).click();
  await page.getByTestId('maintenance-reason').fill('Troca de rádio agendada');
  await page.getByTestId('maintenance-start').click();
  await expect(page.locator('[data-testid="device-row"] [data-state="maintenance"]')).toBeVisible({
    timeout: 45_000,
  });
});

test('right-click on a map marker puts a tower into maintenance', async ({ page }) => {
  await open(page, 'map');
  const marker = page.locator('path.tower-marker').nth(3);
  await marker.click({ button: 'right', force: true });
  await page.getByRole('menuitem', { name: /^(Manutenção|Maintenance)$/ }).click();
  await page.getByText(/^(30 minutos|30 minutes)$/).click();
  await page.getByTestId('maintenance-reason').fill('Falta de energia programada');
  await page.getByTestId('maintenance-start').click();
  await expect(page.getByText(/Manutenção iniciada|Maintenance started/)).toBeVisible();
});

test('an alarm is acknowledged with a note', async ({ page }) => {
  await open(page, 'alarms');
  // One row per alarm, not grouped by cause (grouping has its own test).
  await page.getByTestId('alarms-group').click();
  // The demo network has outages of its own; wait for one to be raised.
  await expect(page.getByTestId('alarm-row').first()).toBeVisible({ timeout: 75_000 });
  await keep(page, 'alarms');
  const before = await page.getByTestId('alarm-row').count();
  await page.getByTestId('ack-one').first().click();
  await page.getByTestId('ack-note').fill('Equipe a caminho');
  await page.getByTestId('ack-confirm').click();
  await expect(page.getByText(/alarmes reconhecidos|alarms acknowledged/)).toBeVisible();
  await page.getByRole('tab', { name: /Reconhecidos|Acknowledged/ }).click();
  await expect(page.getByText('Equipe a caminho').first()).toBeVisible();
  expect(before).toBeGreaterThan(0);
});

test('every alarm a filter shows is acknowledged in one action, with one note', async ({ page }) => {
  await open(page, 'alarms');
  await expect(page.getByTestId('alarm-row').or(page.getByTestId('alarm-group')).first()).toBeVisible({
    timeout: 75_000,
  });
  // Every active alarm is listed, however many there are.
  await expect
    .poll(async () => {
      const active = (await call('alarms.list', { states: ['active'], limit: 200_000 })) as unknown[];
      return (await page.getByTestId('alarms-shown').textContent()) === `${active.length} alarmes`;
    })
    .toBe(true);
  await page.getByTestId('alarms-select-shown').click();
  const selected = Number(/\((\d+)\)/.exec((await page.getByTestId('ack-selected').textContent())!)![1]);
  expect(selected).toBeGreaterThan(0);
  await page.getByTestId('ack-selected').click();
  await page.getByTestId('ack-note').fill('Queda geral, equipe acionada');
  await page.getByTestId('ack-confirm').click();
  await expect(page.getByText(/alarmes reconhecidos|alarms acknowledged/)).toBeVisible();
  // One audit entry for the whole action, naming every alarm it acknowledged.
  const audit = (await call('audit.list', { limit: 50 })) as { target: string; details: string }[];
  const entries = audit.filter((entry) => entry.details === 'Queda geral, equipe acionada');
  expect(entries).toHaveLength(1);
  expect(entries[0]!.target.replace('alarms:', '').split(',').length).toBeLessThanOrEqual(selected);
});

test('the operator switches the language to English and back, and the pages follow', async ({ page }) => {
  await open(page, 'dashboard');
  await keep(page, 'dashboard');
  await expect(page.getByTestId('nav-devices')).toContainText('Equipamentos');
  await open(page, 'settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('nav-devices')).toContainText('Devices');
  await page.getByTestId('nav-towers').click();
  await keep(page, 'towers');
  await page.getByTestId('nav-devices').click();
  await keep(page, 'devices');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-switch').getByText('Português (Brasil)').click();
  await expect(page.getByTestId('nav-devices')).toContainText('Equipamentos');
});
