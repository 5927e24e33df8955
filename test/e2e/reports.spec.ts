import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { baseUrl, call, open } from './demo-server';

// The demo's history is planned in UTC months (electron/engine/demo/history.ts): read it in UTC.
test.use({ timezoneId: 'UTC' });

interface Named {
  id: number;
  name: string;
}

/** The previous UTC month ("2026-10") and its length in days. */
function previousMonth(now = new Date()): { month: string; days: number } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const days = (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - start.getTime()) / 86_400_000;
  return { month: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`, days };
}

/**
 * The Reports page on the demo server: its first device was down exactly 2 h 24 min in the
 * previous month, so its availability is 1 − 144 min ÷ the month's minutes, checked on the page,
 * in the CSV's bytes and against the PDF the server prints.
 */
test('reports page: a device’s availability, totals, grouping, CSV bytes and the PDF', async ({ page }) => {
  // The server prints the PDF in a browser of its own: a few seconds more on a loaded machine.
  test.setTimeout(180_000);
  const { month, days } = previousMonth();
  const devices = (await call('devices.list', undefined)) as (Named & { host: string; towerId: number })[];
  const towers = (await call('towers.list', undefined)) as Named[];
  const first = devices.reduce((a, b) => (a.id < b.id ? a : b));
  const tower = towers.find((candidate) => candidate.id === first.towerId)!;
  const expected = (((days * 1_440 - 144) / (days * 1_440)) * 100).toFixed(3).replace('.', ',');

  await open(page, `reports?month=${month}&group=device`);
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Relatórios de SLA' })).toBeVisible();
  const row = page
    .getByTestId('report-row')
    .filter({ has: page.getByRole('cell', { name: first.host, exact: true }) });
  await expect(row.getByTestId('availability')).toHaveText(`${expected} %`);
  await expect(page.getByTestId('report-total')).toContainText(`Total (${devices.length} equipamentos)`);
  const incident = page
    .getByTestId('report-incidents')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: first.name, exact: true }) });
  await expect(incident).toContainText('2 h 24 min');
  await expect(incident).toContainText('O próprio equipamento');
  await page.screenshot({ path: 'test-results/reports.png' });

  const download = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const csv = await readFile(await (await download).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe(
    'Equipamento;Endereço;Torre;Equipamentos;Disponibilidade (%);Horas monitoradas;Horas fora;Horas em manutenção;Incidentes',
  );
  expect(lines).toContain(
    `${first.name};${first.host};${tower.name};1;${expected};${days * 24},00;2,40;0,00;1`,
  );
  expect(lines).toHaveLength(devices.length + 3); // header, one per device, total, and the last line break

  await page.getByTestId('report-grouping').getByText('Por torre').click();
  await expect(page.getByTestId('report-row')).toHaveCount(towers.length);
  await expect(page).toHaveURL(new RegExp(`#/reports\\?month=${month}&group=tower`));

  const pdf = await page.request.get(`${baseUrl()}/reports/pdf?month=${month}&group=tower`, {
    timeout: 90_000,
  });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(body.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);

  const refused = await page.request.get(`${baseUrl()}/reports/pdf?month=2026-13x&group=tower`);
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain('Período inválido');
});
