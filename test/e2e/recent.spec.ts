import { expect, test, type Page } from '@playwright/test';
import { call, open } from './demo-server';

test.describe.configure({ mode: 'serial' });

interface AlarmOf {
  id: number;
  deviceId: number | null;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/${name}.png`, fullPage: true, animations: 'disabled' });

test('the dashboard lists an outage that happened before it opened, who acknowledged it, and what happens next', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The demo network has outages of its own: wait for one, acknowledged before any page is open.
  let alarm: AlarmOf | undefined;
  await expect
    .poll(
      async () => {
        [alarm] = (await call('alarms.list', { states: ['active'], limit: 5 })) as AlarmOf[];
        return alarm !== undefined;
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true);
  const note = 'Equipe a caminho da torre';
  await call('alarms.acknowledge', { ids: [alarm!.id], note });

  // A device goes into maintenance, and the store has recorded it, before the page opens.
  const devices = (await call('devices.list', undefined)) as { id: number; name: string }[];
  const [before, live] = devices.slice(-2) as [{ id: number; name: string }, { id: number; name: string }];
  const maintenance = (id: number) =>
    call('maintenance.start', { target: { scope: 'device', id }, minutes: 5, reason: 'Troca de rádio' });
  await maintenance(before.id);
  await expect
    .poll(async () => {
      const { items } = (await call('recent.list', { limit: 20 })) as {
        items: { kind: string; deviceId?: number; to?: string }[];
      };
      return items.some((item) => item.deviceId === before.id && item.to === 'maintenance');
    })
    .toBe(true);

  await open(page, 'dashboard');
  const acknowledged = page.locator(
    `[data-testid="recent-change"][data-kind="alarm-acknowledged"][data-alarm="${alarm!.id}"]`,
  );
  // One look at both: the demo's outage may end meanwhile, and its 25 recoveries push the line
  // below the first page of moments.
  await expect(acknowledged).toContainText(new RegExp(`Reconhecido por.*${note}`));
  // The same line in English, at once, before the outage has time to end.
  try {
    await call('settings.ui.set', { value: { language: 'en' } });
    await expect(acknowledged).toContainText(new RegExp(`Acknowledged by.*${note}`));
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
  }
  const stateLine = (id: number) =>
    page.locator(`[data-testid="recent-change"][data-kind="state"][data-device="${id}"]`).first();
  await expect(stateLine(before.id)).toContainText(before.name);
  await expect(stateLine(before.id).locator('[data-state="maintenance"]')).toBeVisible();

  // Live: a device put into maintenance now is listed at the top without reopening the page.
  await maintenance(live.id);
  try {
    const line = stateLine(live.id);
    await expect(line).toContainText(live.name);
    await expect(line.locator('[data-state="maintenance"]')).toBeVisible();
    await shot(page, 'recent-dashboard-pt-BR');

    // Older moments come from the store on demand.
    const lines = page.getByTestId('recent-change');
    await expect(lines).toHaveCount(15);
    await page.getByTestId('recent-older').click();
    await expect.poll(() => lines.count()).toBeGreaterThan(15);

    await call('settings.ui.set', { value: { language: 'en' } });
    await expect(line.locator('[data-state="maintenance"]')).toHaveText('Maintenance');
    await shot(page, 'recent-dashboard-en');
    // Each line leads to its device.
    await line.getByText(live.name).click();
    await expect(page.getByTestId('device-title')).toHaveText(live.name);
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
    for (const { id } of [before, live]) await call('maintenance.end', { target: { scope: 'device', id } });
  }
});

test('a device added a moment ago shows its first raw samples on the chart, every one of the hour', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const device = (await call('devices.create', {
    name: 'Rádio recém-instalado',
    host: `127.77.${process.pid % 250}.9`,
    kind: 'cpe',
  })) as { id: number };
  try {
    await open(page, `devices/${device.id}`);
    await page.getByTestId('chart-range').getByText('1 h').click();
    const latency = page.getByTestId('chart-latency');
    // Its first check is on the chart as soon as it is stored, point for point with the API.
    await expect
      .poll(async () => Number(await latency.getAttribute('data-points')), { timeout: 90_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const points = (await call('status.history', { deviceId: device.id, range: '1h' })) as unknown[];
        return Number(await latency.getAttribute('data-points')) === points.length;
      })
      .toBe(true);
    await expect(page.getByTestId('chart-availability')).toContainText('cada medição');
    await expect(latency.locator('.recharts-line-dot').first()).toBeVisible();
    await shot(page, 'recent-device-chart-pt-BR');

    await call('settings.ui.set', { value: { language: 'en' } });
    await expect(page.getByTestId('chart-availability')).toContainText('every check');
    await shot(page, 'recent-device-chart-en');
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
    await call('devices.delete', { id: device.id });
  }
});
