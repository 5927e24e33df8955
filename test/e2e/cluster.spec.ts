import { expect, test } from '@playwright/test';
import type { PollerGroup } from '../../shared/contract/cluster';
import { call, open } from './demo-server';

test.describe.configure({ mode: 'serial' });

// The demo server is shared by every browser suite: its devices go back to the default group.
test.afterAll(async () => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
  for (const group of (await call('cluster.groups.list', undefined)) as PollerGroup[])
    if (group.id !== 1) await call('cluster.groups.delete', { id: group.id });
});

test('poller groups are added and devices moved in bulk from Settings, in Portuguese and English', async ({
  page,
}) => {
  await open(page, 'settings');
  const card = page.getByTestId('poller-groups');
  await expect(card.getByText('Grupos de coleta')).toBeVisible();
  await expect(page.getByTestId('poller-group-1')).toContainText('Grupo padrão');
  await page.getByTestId('poller-group-name').fill('Sítio Norte');
  await card.getByRole('button', { name: 'Adicionar' }).click();
  const north = (await call('cluster.groups.list', undefined)) as PollerGroup[];
  const added = north.find((group) => group.name === 'Sítio Norte')!;
  await expect(page.getByTestId(`poller-group-${added.id}`)).toContainText('0');

  // The same name twice is refused, in the operator's language.
  await page.getByTestId('poller-group-name').fill('Sítio Norte');
  await card.getByRole('button', { name: 'Adicionar' }).click();
  await expect(page.getByText('Já existe um grupo de coleta chamado "Sítio Norte".')).toBeVisible();

  const devices = (await call('devices.list', undefined)) as { id: number; name: string }[];
  const picker = page.getByTestId('poller-assign-devices');
  for (const device of devices.slice(0, 2)) {
    await picker.click();
    await picker.fill(device.name);
    await page
      .getByRole('option', { name: new RegExp(`^${device.name} \\(`) })
      .first()
      .click();
  }
  await page.getByTestId('poller-assign-group').click();
  await page.getByRole('option', { name: 'Sítio Norte' }).click();
  await card.getByRole('button', { name: 'Mover' }).click();
  await expect(page.getByText('2 equipamento(s) movido(s)')).toBeVisible();
  await expect(page.getByTestId(`poller-group-${added.id}`).locator('td').nth(1)).toHaveText('2');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(card.getByText('Poller groups')).toBeVisible();
  await expect(page.getByTestId('poller-group-1')).toContainText('Default group');
});

test('the Health page says who polls: on SQLite, this one instance alone', async ({ page }) => {
  await call('settings.ui.set', { value: { language: 'pt-BR' } });
  await open(page, 'health');
  const panel = page.getByTestId('cluster-panel');
  await expect(panel.getByText('Estações e líderes de coleta')).toBeVisible();
  await expect(page.getByTestId('cluster-alone')).toHaveText(
    'Banco SQLite: esta estação faz toda a coleta e envia as notificações sozinha.',
  );
  await expect(page.getByTestId('cluster-self')).toContainText('Esta estação:');
  await page.screenshot({ path: 'test-results/cluster-health.png', animations: 'disabled' });
  await open(page, 'settings');
  await page.getByTestId('poller-groups').scrollIntoViewIfNeeded();
  await page
    .getByTestId('poller-groups')
    .screenshot({ path: 'test-results/cluster-groups.png', animations: 'disabled' });
});
