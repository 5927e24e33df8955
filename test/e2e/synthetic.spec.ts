import { expect, test } from '@playwright/test';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { SyntheticCheck } from '../../shared/contract/synthetic';
import type { EngineHealth } from '../../shared/contract/events';
import { call, open } from './demo-server';

/**
 * Checks and System pages against the demo server. The demo's synthetic checks are simulated and
 * point only at reserved names and documentation addresses; nothing here leaves 127.0.0.1.
 */

const RESERVED = /^(192\.0\.2\.\d+(:\d+)?|[\w.-]+\.example)$/;

test('the demo simulates its synthetic checks on reserved targets only, with no probe process', async () => {
  const checks = (await call('synthetic.checks.list', undefined)) as SyntheticCheck[];
  expect(checks.length).toBe(4);
  for (const { spec } of checks) {
    const targets =
      spec.kind === 'dns'
        ? [...spec.resolvers, spec.query]
        : spec.kind === 'tcp'
          ? [spec.host]
          : [new URL(spec.url).hostname];
    for (const target of targets) expect(target).toMatch(RESERVED);
  }
  const health = (await call('engine.health', undefined)) as EngineHealth;
  expect(health.workers.map((worker) => worker.name)).not.toContain('synthetic');
});

test('Checks page: results, the timing chart, and a bad URL refused in Portuguese', async ({ page }) => {
  await open(page, 'checks');
  await expect(page.getByRole('heading', { name: 'Verificações sintéticas' })).toBeVisible();
  const table = page.getByTestId('synthetic-table');
  await expect(table.getByText('Portal do assinante (demo)')).toBeVisible();
  await expect(table.getByTestId('synthetic-last').first()).toBeVisible();
  await expect(page.getByTestId('synthetic-chart')).toBeVisible();
  await expect(page.getByTestId('synthetic-chart').locator('.recharts-line-curve').first()).toBeVisible();
  // The demo marks its DNS check as the NOC's uplink.
  await expect(
    table.getByRole('row', { name: /DNS do portal \(demo\)/ }).getByTestId('synthetic-uplink-badge'),
  ).toHaveText('saída do NOC');

  await page.getByTestId('synthetic-add').click();
  await page.getByTestId('synthetic-name').fill('Portal errado');
  await page.getByTestId('synthetic-url').fill('ftp://portal');
  await page.getByTestId('synthetic-save').click();
  await expect(page.getByTestId('synthetic-form-error')).toHaveText(
    'Informe um endereço http:// ou https:// válido.',
  );
  await page.getByRole('button', { name: 'Cancelar' }).click();
  await page.screenshot({ path: 'test-results/synthetic-checks.png', fullPage: true });
});

test('System page: healthy verdict, back up now, and /metrics scraped', async ({ page }) => {
  await open(page, 'system');
  await expect(page.getByTestId('system-verdict')).toHaveText('Tudo funcionando');
  // The daily backup runs at start; "back up now" adds one more.
  const rows = page.getByTestId('backups-table').getByText(/^vigia-\d{8}-\d{6}(-\d+)?\.db$/);
  await expect(rows).toHaveCount(1);
  await page.getByTestId('backup-now').click();
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: 'test-results/system.png', fullPage: true });

  const metricsUrl = process.env.VIGIA_E2E_METRICS_URL!;
  const health = await fetch(`${metricsUrl}/health`);
  expect(health.status).toBe(200);
  const families = parsePrometheusTextFormat(await (await fetch(`${metricsUrl}/metrics`)).text());
  const checkUp = families.find((family) => family.name === 'vigia_synthetic_check_up');
  expect(checkUp?.metrics.length).toBe(4);
  const names = families.map((family) => family.name);
  expect(names).toEqual(
    expect.arrayContaining(['vigia_store_writer_queue', 'vigia_icmp_devices_per_second']),
  );
});

test("Health page: Vigia's own measures charted, in Portuguese", async ({ page }) => {
  await open(page, 'health');
  await expect(page.getByRole('heading', { name: 'Saúde do Vigia' })).toBeVisible();
  for (const chart of ['health-cycle', 'health-queues', 'health-store', 'health-restarts', 'health-memory'])
    await expect(page.getByTestId(chart)).toBeVisible();
  // The first sample is taken at start; the memory line is drawn from it on.
  await expect(page.getByTestId('health-memory').locator('.recharts-line-curve')).toBeVisible();
  await expect(page.getByTestId('health-queues').getByText('Notificações pendentes')).toBeVisible();
  await page.screenshot({ path: 'test-results/health.png', fullPage: true });
});
