import { expect, type Page } from '@playwright/test';

/** What a person does at the sign-in form. */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The forced change after signing in with a password someone else set. */
export async function choosePassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page.getByText('Escolha sua senha')).toBeVisible();
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-next').fill(next);
  await page.getByTestId('password-repeat').fill(next);
  await page.getByTestId('password-submit').click();
}

/** Sign out from the header's account menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-name')).toBeVisible();
}

/** The first administrator's one-time password, as the server printed it. */
export async function firstAdminPassword(output: () => string): Promise<string> {
  await expect.poll(output).toMatch(/senha temporária \S+ —/);
  return /senha temporária (\S+) —/.exec(output())![1]!;
}
