import { expect, test } from '@playwright/test';
import { baseUrl, call } from './demo-server';

interface StatusOf {
  deviceId: number;
  state: string;
}

test('the served UI shows the live demo network', async ({ page }) => {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));

  await page.goto(baseUrl());
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const devices = (await call('devices.list', undefined)) as unknown[];
  expect(devices.length).toBeGreaterThan(0);
  await expect(page.getByTestId('device-count')).toHaveText(String(devices.length));

  // A tower going into maintenance changes its devices' status: the page must hear about it live.
  const towers = (await call('towers.list', undefined)) as { id: number }[];
  await call('maintenance.start', {
    target: { scope: 'tower', id: towers[1]!.id },
    minutes: 5,
    reason: 'teste de fumaça',
  });
  const towerDevices = new Set(
    (devices as { id: number; towerId: number | null }[])
      .filter((device) => device.towerId === towers[1]!.id)
      .map((device) => device.id),
  );
  expect(towerDevices.size).toBeGreaterThan(0);
  // Every device of the tower is announced in maintenance over the page's socket.
  const inMaintenance = new Set<number>();
  await expect
    .poll(() => {
      for (const frame of frames.splice(0)) {
        const { event } = JSON.parse(frame) as { event?: { type: string; statuses?: StatusOf[] } };
        if (event?.type !== 'status.changed') continue;
        for (const status of event.statuses!)
          if (status.state === 'maintenance' && towerDevices.has(status.deviceId))
            inMaintenance.add(status.deviceId);
      }
      return [...inMaintenance].sort((a, b) => a - b);
    })
    .toEqual([...towerDevices].sort((a, b) => a - b));
});
