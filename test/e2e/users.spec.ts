import { expect, test } from '@playwright/test';
import { startDemoServer } from './serve-demo';
import { choosePassword, firstAdminPassword, signIn } from './accounts-steps';

// A server of its own with named users on 127.0.0.1: the administrator manages users from the
// Users page, an operator signs in on another browser and is signed out when disabled.
let server: Awaited<ReturnType<typeof startDemoServer>>;

test.beforeAll(async () => {
  server = await startDemoServer(['--accounts']);
});

test.afterAll(async () => {
  await server?.stop();
});

test('the administrator creates an operator, who cannot see Users nor configure, and disables them', async ({
  browser,
}) => {
  // Three sign-ins and two password changes, each a deliberately slow scrypt on a shared machine.
  test.setTimeout(180_000);
  const firstPassword = await firstAdminPassword(() => server.output());
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(server.url);
  await signIn(admin, 'admin', firstPassword);
  await choosePassword(admin, firstPassword, 'senha-do-admin-e2e');

  await admin.getByTestId('account-menu').click();
  await expect(admin.getByTestId('account-who')).toHaveText('admin (Administrador)');
  await admin.keyboard.press('Escape');
  await admin.getByTestId('nav-users').click();
  await expect(admin.getByTestId('user-row-admin')).toContainText('você');

  // A name with a space is refused in Portuguese, before anything is sent.
  await admin.getByTestId('user-new').click();
  await admin.getByTestId('user-name').fill('Operador Um');
  await admin.getByTestId('user-password').fill('provisoria-operador');
  await admin.getByTestId('user-save').click();
  await expect(admin.getByText('de 2 a 40 letras minúsculas, algarismos')).toBeVisible();
  await admin.getByTestId('user-name').fill('operador');
  await admin.getByTestId('user-save').click();
  const row = admin.getByTestId('user-row-operador');
  await expect(row).toContainText('Deve trocar a senha');
  await expect(row).toContainText('Ativo');
  await expect(row.getByTestId('user-role-operador')).toHaveValue('Operador');
  // Disabling oneself is not offered (and the engine refuses it anyway).
  await expect(admin.getByTestId('user-toggle-admin')).toBeDisabled();
  await admin.screenshot({ path: 'test-results/users-page.png', animations: 'disabled' });

  const operator = await (await browser.newContext()).newPage();
  await operator.goto(server.url);
  await signIn(operator, 'operador', 'provisoria-operador');
  await choosePassword(operator, 'provisoria-operador', 'senha-do-operador-e2e');
  await expect(operator.getByTestId('active-alarm-count')).toBeVisible();
  await operator.getByTestId('account-menu').click();
  await expect(operator.getByTestId('account-who')).toHaveText('operador (Operador)');
  await operator.keyboard.press('Escape');
  await expect(operator.getByTestId('nav-users')).toHaveCount(0);
  await operator.goto(`${server.url}/#/users`);
  await expect(operator.getByTestId('users-table')).toHaveCount(0);
  await operator.getByTestId('nav-settings').click();
  await operator.getByTestId('settings-monitor-save').click();
  await expect(
    operator
      .getByText('Seu perfil (operador) não permite esta ação; ela exige o perfil administrador.')
      .first(),
  ).toBeVisible();

  await admin.reload();
  await expect(row).not.toContainText('Deve trocar a senha');
  await row.getByTestId('user-toggle-operador').click();
  await expect(
    admin.getByText('operador desativado: as sessões abertas dele foram encerradas.'),
  ).toBeVisible();
  await expect(row).toContainText('Desativado');

  // The operator's open page is signed out: its next call fails and the sign-in comes back.
  await operator.getByTestId('settings-monitor-save').click();
  await expect(operator.getByTestId('login-name')).toBeVisible({ timeout: 15_000 });
  await signIn(operator, 'operador', 'senha-do-operador-e2e');
  await expect(operator.getByTestId('login-error')).toHaveText('Usuário ou senha incorretos.');
});
