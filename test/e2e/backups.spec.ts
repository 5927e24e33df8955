import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { call, open } from './demo-server';

interface Overview {
  rows: { deviceId: number; deviceName: string; versions: number; failure: { code: string } | null }[];
  counts: { configured: number; failing: number; stale: number; weakCrypto: number };
}

/**
 * The Backups page against the demo server, whose simulated devices never leave the process: the
 * counts, "back up all now" with its progress, a failure's reason in Portuguese, and a diff
 * between two versions of a device whose configuration changed.
 */
test('backups page: counts, back up all with progress, reasons and a diff', async ({ page }) => {
  // The demo backs its devices up twice at start; wait until a configuration changed between them.
  await expect
    .poll(
      async () =>
        ((await call('backup.overview', undefined)) as Overview).rows.some((row) => row.versions >= 2),
      {
        timeout: 60_000,
      },
    )
    .toBe(true);
  const overview = (await call('backup.overview', undefined)) as Overview;
  const changed = overview.rows.find((row) => row.versions >= 2)!;
  const failing = overview.rows.find((row) => row.failure?.code === 'auth_failed')!;

  await open(page, 'backups');
  await expect(page.getByRole('heading', { name: 'Backups de configuração' })).toBeVisible();
  await expect(page.getByTestId('backup-count-configured')).toHaveText(String(overview.counts.configured));
  await expect(page.getByTestId('backup-count-failing')).not.toHaveText('0');
  await expect(page.getByTestId(`backup-row-${failing.deviceId}`)).toContainText(
    'Usuário ou senha/chave recusados',
  );

  await page.getByTestId('backup-run-all').click();
  await expect(page.getByTestId('backup-progress')).toBeVisible();
  await expect(page.getByTestId('backup-progress-text')).toContainText('Concluído', { timeout: 45_000 });

  await page.screenshot({ path: 'test-results/backups.png' });

  await page.getByTestId(`backup-versions-${changed.deviceId}`).click();
  const diff = page.getByTestId('backup-diff');
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('+ add interface=sfp-sfpplus1 name=vlan');
  await page.screenshot({ path: 'test-results/backups-diff.png' });
});

test('the dashboard counts backup failures and the device page shows its last backup', async ({ page }) => {
  const overview = (await call('backup.overview', undefined)) as Overview;
  await open(page, 'dashboard');
  await expect(page.getByTestId('backup-card-failing')).toHaveText(`${overview.counts.failing} com falha`);
  const device = overview.rows.find((row) => row.failure === null)!;
  await open(page, `devices/${device.deviceId}`);
  await expect(page.getByTestId('device-backup')).toContainText('Último backup bom');
});

test('a tower gets its own backup schedule, and the weak-crypto report downloads as Excel pt-BR columns', async ({
  page,
}) => {
  const towers = (await call('towers.list', undefined)) as { id: number; name: string }[];
  const tower = towers.sort((a, b) => a.name.localeCompare(b.name))[0]!;
  await open(page, 'backups');
  await page.getByTestId('backup-settings').click();
  await page.getByLabel(`Agenda da torre ${tower.name}`).fill('30 1 * * 0');
  await page.getByTestId('backup-settings-save').click();
  await expect
    .poll(
      async () =>
        ((await call('backup.settings.get', undefined)) as { towerSchedules: object }).towerSchedules,
    )
    .toEqual({ [String(tower.id)]: '30 1 * * 0' });

  await expect
    .poll(async () => ((await call('backup.overview', undefined)) as Overview).counts.weakCrypto, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await page.reload();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-weak-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('cripto-fraca.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const [header, first] = text.split('\r\n');
  expect(header).toBe('\uFEFFequipamento;endereço;perfil;algoritmos fracos;último backup ok');
  expect(first!.split(';')[3]).toMatch(/diffie-hellman-group1-sha1|ssh-rsa|cbc/);
});
