import { expect, test } from '@playwright/test';
import { baseUrl, call } from './demo-server';

test('the served UI shows the live demo network', async ({ page }) => {
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));

  await page.goto(baseUrl());
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('device-count')).toHaveText(/[1-9]\d*/);
  const count = Number((await page.getByTestId('device-count').innerText()).replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);

  // A tower going into maintenance changes its devices' status: the page must hear about it live.
  const towers = (await call('towers.list', undefined)) as { id: number }[];
  await call('maintenance.start', {
    target: { scope: 'tower', id: towers[1]!.id },
    minutes: 5,
    reason: 'teste de fumaça',
    by: 'e2e',
  });
  await expect
    .poll(() => frames.some((frame) => frame.includes('"status.changed"') && frame.includes('"maintenance"')))
    .toBe(true);
});
