import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { defaultNotifyConfig } from '../../shared/domain/notify/defaults';
import { call, open } from './demo-server';
import { keepScreenshot } from './screenshot';

/**
 * Settings › Notifications against the demo server: a webhook tested against a receiver this spec
 * runs, a Telegram chat tested against a fake Bot API that refuses the token, a template edited
 * with its live preview, and the whole form saved and read back with the secrets only as hints.
 * Every destination is on 127.0.0.1.
 */

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP server on 127.0.0.1 with a random port that records every request and answers with `reply`. */
async function recorder(reply: {
  status: number;
  body: unknown;
}): Promise<{ server: Server; url: string; requests: Received[] }> {
  const requests: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

const WEBHOOK_SECRET = 'e2e-webhook-secret-9f3k';
const BOT_TOKEN = '123456789:AAE2eFakeTokenForTheSettingsSpecXy7q';
const CHAT_ID = '-1001234567890';

let webhook: Awaited<ReturnType<typeof recorder>>;
let telegram: Awaited<ReturnType<typeof recorder>>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  webhook = await recorder({ status: 200, body: { ok: true } });
  telegram = await recorder({
    status: 401,
    body: { ok: false, error_code: 401, description: 'Unauthorized' },
  });
});

test.afterAll(async () => {
  // Leave the shared demo server as the other specs expect it: no destinations, no secrets.
  await call('notify.config.set', {
    config: defaultNotifyConfig,
    telegramToken: null,
    webhookSecrets: {},
  }).catch(() => undefined);
  for (const { server } of [webhook, telegram]) {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }
});

test('invalid notification settings are listed with where they are, and nothing is saved', async ({
  page,
}) => {
  await open(page, 'settings');
  await expect(page.getByTestId('notify-settings')).toBeVisible();
  await page.getByTestId('webhook-add').click();
  const row = page.getByTestId('webhook-row').last();
  await row.getByTestId('webhook-id').fill('Not A Slug');
  await row.getByTestId('webhook-url').fill('ftp://127.0.0.1/hook');
  await page.getByTestId('notify-save').click();

  const issues = page.getByTestId('notify-issues');
  await expect(issues).toBeVisible();
  await expect(issues.locator('[data-path="webhooks.0.id"]')).toContainText('Webhook 1');
  await expect(issues.locator('[data-path="webhooks.0.name"]')).toBeVisible();
  await expect(issues.locator('[data-path="webhooks.0.url"]')).toContainText(/http:\/\/ ou https:\/\//);
  // Fixing a field takes its issue off the list at once.
  await row.getByTestId('webhook-id').fill('valido');
  await expect(issues.locator('[data-path="webhooks.0.id"]')).toHaveCount(0);

  await page.getByTestId('notify-discard').click();
  await expect(page.getByTestId('webhook-row')).toHaveCount(0);
  const view = (await call('notify.config.get', undefined)) as { config: { webhooks: unknown[] } };
  expect(view.config.webhooks).toHaveLength(0);
});

test('an operator tests a webhook and a Telegram chat, edits a template and saves', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'settings');
  await expect(page.getByTestId('notify-settings')).toBeVisible();

  // A webhook, tested with the secret as typed: one signed POST reaches the receiver.
  await page.getByTestId('webhook-add').click();
  const hook = page.getByTestId('webhook-row').last();
  await hook.getByTestId('webhook-id').fill('e2e-receptor');
  await hook.getByTestId('webhook-name').fill('Receptor e2e');
  await hook.getByTestId('webhook-url').fill(`${webhook.url}/vigia`);
  await expect(hook.getByTestId('webhook-no-secret')).toBeVisible();
  await hook.getByTestId('webhook-secret').fill(WEBHOOK_SECRET);
  await expect(hook.getByTestId('webhook-no-secret')).toHaveCount(0);
  await hook.getByTestId('webhook-test').click();
  await expect(hook.getByTestId('webhook-test-result')).toHaveAttribute('data-state', 'ok');
  await expect.poll(() => webhook.requests.length).toBe(1);
  const [post] = webhook.requests;
  expect(post!.method).toBe('POST');
  expect(post!.path).toBe('/vigia');
  const timestamp = String(post!.headers['x-vigia-timestamp']);
  const key = String(post!.headers['idempotency-key']);
  const signed = `${timestamp}.${key}.${post!.body}`;
  const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(signed).digest('hex')}`;
  expect(post!.headers['x-vigia-signature']).toBe(expected);

  // Telegram through a Bot API that refuses every token: the UI says the token is invalid.
  await page.getByTestId('telegram-enabled').check({ force: true });
  await page.getByTestId('telegram-token').fill(BOT_TOKEN);
  await page.getByTestId('telegram-api-root').fill(telegram.url);
  await page.getByTestId('telegram-add-chat').click();
  const chat = page.getByTestId('telegram-chat-row').last();
  await chat.getByTestId('telegram-chat-id').fill(CHAT_ID);
  await chat.getByTestId('telegram-chat-name').fill('NOC e2e');
  await chat.getByTestId('telegram-chat-test').click();
  const result = chat.getByTestId('telegram-chat-test-result');
  await expect(result).toHaveAttribute('data-state', 'error');
  await expect(result.getByTestId('telegram-chat-test-result-error')).toContainText(/token/i);
  await expect(result).toContainText(/token inválido|invalid/i);
  await expect(result).not.toContainText(BOT_TOKEN);
  expect(telegram.requests.length).toBeGreaterThan(0);
  expect(telegram.requests[0]!.path).toContain('/sendMessage');

  // A template edit shows in the preview as it is typed.
  const preview = page.getByTestId('template-preview-pt-BR-raised');
  await expect(preview).toContainText('AP Setor Norte');
  await page.getByTestId('template-pt-BR-raised').fill('{icon} E2E #{id} {device} em {tower}');
  await expect(preview).toHaveText('🔴 E2E #1234 AP Setor Norte em Torre Alto Branco');
  await page.getByTestId('template-pt-BR-cleared').fill('✅ E2E {device} {typo}');
  await expect(page.getByTestId('template-pt-BR-cleared-unknown')).toContainText('{typo}');

  await expect(page.getByTestId('notify-dirty')).toBeVisible();
  await page.getByTestId('notify-save').click();
  await expect(page.getByText('Notificações salvas')).toBeVisible();
  await expect(page.getByTestId('notify-dirty')).toHaveCount(0);

  // Read back after a reload: the values are stored, the secrets show only as hints.
  await page.reload();
  await expect(page.getByTestId('notify-settings')).toBeVisible();
  const savedHook = page.getByTestId('webhook-row');
  await expect(savedHook).toHaveCount(1);
  await expect(savedHook.getByTestId('webhook-id')).toHaveValue('e2e-receptor');
  await expect(savedHook.getByTestId('webhook-url')).toHaveValue(`${webhook.url}/vigia`);
  await expect(savedHook.getByTestId('webhook-secret')).toHaveValue('');
  await expect(savedHook.getByTestId('webhook-secret-hint')).toHaveAttribute('data-set', 'true');
  await expect(savedHook.getByTestId('webhook-secret-hint')).toContainText(`…${WEBHOOK_SECRET.slice(-4)}`);

  await expect(page.getByTestId('telegram-enabled')).toBeChecked();
  await expect(page.getByTestId('telegram-api-root')).toHaveValue(telegram.url);
  await expect(page.getByTestId('telegram-token')).toHaveValue('');
  await expect(page.getByTestId('telegram-token-hint')).toHaveText(`Definido (…${BOT_TOKEN.slice(-4)})`);
  const savedChat = page.getByTestId('telegram-chat-row');
  await expect(savedChat).toHaveCount(1);
  await expect(savedChat.getByTestId('telegram-chat-id')).toHaveValue(CHAT_ID);
  await expect(savedChat.getByTestId('telegram-chat-name')).toHaveValue('NOC e2e');

  await expect(page.getByTestId('template-pt-BR-raised')).toHaveValue('{icon} E2E #{id} {device} em {tower}');
  await expect(page.getByTestId('template-preview-pt-BR-raised')).toHaveText(
    '🔴 E2E #1234 AP Setor Norte em Torre Alto Branco',
  );
  await keepScreenshot(page, 'settings-notifications', true);
  const html = await page.content();
  expect(html).not.toContain(BOT_TOKEN);
  expect(html).not.toContain(WEBHOOK_SECRET);

  // The stored token is used for a test when none is typed, and can be removed.
  await savedChat.getByTestId('telegram-chat-test').click();
  await expect(savedChat.getByTestId('telegram-chat-test-result')).toHaveAttribute('data-state', 'error');
  await page.getByTestId('telegram-token-remove').click();
  await expect(page.getByTestId('telegram-token-hint')).toHaveText('Será removido ao salvar');
  await page.getByTestId('notify-save').click();
  await expect(page.getByTestId('telegram-token-hint')).toHaveText('Não definido');
  await expect(page.getByTestId('telegram-no-token')).toBeVisible();

  // The delivery status panel answers and refreshes on demand.
  await page.getByTestId('notify-status-refresh').click();
  await expect(page.getByTestId('notify-status-pending')).toBeVisible();
});
