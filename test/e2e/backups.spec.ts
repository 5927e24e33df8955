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
