import { expect, test } from '@playwright/test';
import WebSocket from 'ws';

const baseUrl = () => {
  const url = process.env.VIGIA_E2E_URL;
  if (!url) throw new Error('VIGIA_E2E_URL is not set: the global setup did not start the server');
  return url;
};

/** One API call over the server's WebSocket, as a second operator would make it. */
async function call(method: string, input: unknown): Promise<unknown> {
  const socket = new WebSocket(`${baseUrl().replace('http', 'ws')}/api`);
  await new Promise((opened, failed) => {
    socket.once('open', opened);
    socket.once('error', failed);
  });
  try {
    return await new Promise((answered, failed) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as {
          id?: number;
          ok?: boolean;
          result?: unknown;
          error?: unknown;
        };
        if (message.id !== 1) return;
        if (message.ok) answered(message.result);
        else failed(new Error(JSON.stringify(message.error)));
      });
      socket.send(JSON.stringify({ id: 1, method, input }));
    });
  } finally {
    socket.close();
  }
}

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
