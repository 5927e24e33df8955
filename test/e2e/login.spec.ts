import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { loadOrCreateTls } from '../../electron/server/tls';
import { startDemoServer } from './serve-demo';
import { choosePassword, firstAdminPassword, signIn, signOut } from './accounts-steps';

// A server of its own for this file: HTTPS on 127.0.0.1 with a certificate made here, and an
// access token, as an ISP would run it off loopback: named users sign in.
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

/** One API call as the signed-in browser: its session cookie on a WebSocket of this test. */
async function callAs(cookie: string, method: string, input: unknown): Promise<unknown> {
  const socket = new WebSocket(`${server.url.replace('https', 'wss')}/api`, {
    headers: { cookie, origin: server.url },
    rejectUnauthorized: false,
  });
  await new Promise((opened, failed) => {
    socket.once('open', opened);
    socket.once('error', failed);
  });
  try {
    return await new Promise((answered, failed) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; ok?: boolean; result?: unknown };
        if (message.id !== 1) return;
        if (message.ok) answered(message.result);
        else failed(new Error(String(data)));
      });
      socket.send(JSON.stringify({ id: 1, method, input }));
    });
  } finally {
    socket.close();
  }
}

test('the first admin signs in with the printed one-time password, adds an operator, who signs in', async ({
  page,
  context,
}) => {
  // Four sign-ins and three password changes, each a deliberately slow scrypt on a shared machine.
  test.setTimeout(180_000);
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const firstPassword = await firstAdminPassword(() => server.output());

  await page.goto(server.url);
  await expect(page.getByRole('textbox', { name: 'Usuário' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mostrar a senha' })).toBeVisible();
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0);

  await signIn(page, 'admin', 'not-the-password');
  await expect(page.getByTestId('login-error')).toHaveText('Usuário ou senha incorretos.');

  await signIn(page, 'admin', firstPassword);
  await choosePassword(page, firstPassword, 'senha-do-admin-e2e');
  await expect(page.getByTestId('active-alarm-count')).toBeVisible();
  expect(page.url()).not.toContain(firstPassword);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: 'vigia_session', httpOnly: true, secure: true, sameSite: 'Strict' });
  await callAs(`vigia_session=${cookie!.value}`, 'users.create', {
    name: 'operador',
    role: 'operator',
    password: 'provisoria-operador',
  });

  await signOut(page);

  await signIn(page, 'operador', 'provisoria-operador');
  await choosePassword(page, 'provisoria-operador', 'senha-do-operador-e2e');
  await expect(page.getByTestId('active-alarm-count')).toBeVisible();
  await page.screenshot({ path: 'test-results/login-operator.png' });
  const [operatorCookie] = await context.cookies();
  // Signed in as an operator: reading works, configuring is refused by the engine.
  await expect(callAs(`vigia_session=${operatorCookie!.value}`, 'users.list', undefined)).rejects.toThrow(
    /forbidden/,
  );

  await signOut(page);
  await page.reload();
  await expect(page.getByTestId('login-name')).toBeVisible();
});
