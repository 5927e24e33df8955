import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';

/** The headless demo server the global setup (serve-demo.ts) started for the browser suites. */
export const baseUrl = (): string => {
  const url = process.env.VIGIA_E2E_URL;
  if (!url) throw new Error('VIGIA_E2E_URL is not set: the global setup did not start the server');
  return url;
};

/** Opens a page of the app and waits until the network is loaded (the header's alarm counter). */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/${path}`);
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
  await expect(page.getByTestId('active-alarm-count')).toBeVisible();
}

/** One API call over the server's WebSocket, as a second operator would make it. */
export async function call(method: string, input: unknown): Promise<unknown> {
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
