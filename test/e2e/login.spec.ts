import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadOrCreateTls } from '../../electron/server/tls';
import { startDemoServer } from './serve-demo';

// A server of its own for this file: HTTPS on 127.0.0.1 with a certificate made here, and an
// access token, as an ISP would run it off loopback.
const TOKEN = 'e2e-access-token-0123456789';
let server: Awaited<ReturnType<typeof startDemoServer>>;
let certDir: string;

test.beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'vigia-e2e-tls-'));
  const tls = await loadOrCreateTls({ dataDir: certDir, host: '127.0.0.1' });
  writeFileSync(join(certDir, 'cert.pem'), tls.cert);
  writeFileSync(join(certDir, 'key.pem'), tls.key);
  server = await startDemoServer([
    '--token',
    TOKEN,
    '--tls-cert',
    join(certDir, 'cert.pem'),
    '--tls-key',
    join(certDir, 'key.pem'),
  ]);
  await expect.poll(() => server.output()).toContain(`SHA-256 fingerprint: ${tls.fingerprint}`);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(certDir, { recursive: true, force: true });
});

test.use({ ignoreHTTPSErrors: true });

test('signs in with the access token for a session cookie, and signs out', async ({ page, context }) => {
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  await page.goto(server.url);
  await expect(page.getByRole('textbox', { name: 'Token de acesso' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mostrar o token' })).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);

  await page.getByTestId('login-secret').fill('not-the-token');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Token de acesso incorreto.');

  await page.getByTestId('login-secret').fill(TOKEN);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('active-alarm-count')).toBeVisible();
  expect(page.url()).not.toContain(TOKEN);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'vigia_session', httpOnly: true, secure: true, sameSite: 'Strict' });

  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-secret')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('login-secret')).toBeVisible();
});
