import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../../../../electron/engine/accounts/account-service';
import { openStore } from '../../../../../electron/engine/store/open-store';
import type { Repository } from '../../../../../electron/engine/store/repository';
import type { Caller } from '../../../../../shared/contract/caller';
import type { Language } from '../../../../../shared/i18n';

// The administrators' guard rails against a real SQLite store, with a cheap scrypt so the suite
// stays fast (the cost parameters are password.test.ts's business).
const scrypt = { N: 2 ** 10, r: 8, p: 1 };
let dir: string;
let repo: Repository;
let accounts: AccountService;
let admin: Caller;
let language: Language = 'pt-BR';
let firstPassword: string;

async function signIn(name: string, password: string): Promise<Caller> {
  const { session } = await accounts.login(name, password);
  return accounts.resolve({ kind: 'session', session });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-account-service-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const opened = await AccountService.open({
    repo,
    mode: 'accounts',
    localUser: 'windows-user',
    language: () => language,
    scrypt,
  });
  accounts = opened.accounts;
  language = 'pt-BR';
  firstPassword = opened.firstAdminPassword!;
  admin = await signIn('admin', firstPassword);
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('AccountService guard rails', () => {
  it('makes a created user choose their own password at the first sign-in', async () => {
    const ana = await accounts.create(admin, { name: 'ana', role: 'operator', password: 'provisoria-1' });
    expect(ana).toMatchObject({ name: 'ana', role: 'operator', disabled: false, mustChangePassword: true });
    const signedIn = await signIn('ana', 'provisoria-1');
    expect(accounts.me(signedIn)).toEqual({
      name: 'ana',
      role: 'operator',
      mustChangePassword: true,
      local: false,
    });
    await accounts.changePassword(signedIn, 'provisoria-1', 'senha-da-ana-2026');
    expect(accounts.me(await signIn('ana', 'senha-da-ana-2026')).mustChangePassword).toBe(false);
  });

  it('refuses an administrator disabling themself, in the caller’s language', async () => {
    await accounts.create(admin, { name: 'bia', role: 'admin', password: 'provisoria-1' });
    await expect(accounts.update(admin, { id: admin.userId!, disabled: true })).rejects.toMatchObject({
      error: {
        code: 'conflict',
        message: 'Você não pode desativar o próprio usuário; peça a outro administrador.',
      },
    });
    language = 'en';
    await expect(accounts.update(admin, { id: admin.userId!, disabled: true })).rejects.toMatchObject({
      error: {
        message: 'You cannot disable your own user; ask another administrator.',
      },
    });
    expect((await repo.users.get(admin.userId!))?.disabled).toBe(false);
  });

  it('keeps the last active administrator: neither demoted nor disabled', async () => {
    const bia = await accounts.create(admin, { name: 'bia', role: 'admin', password: 'provisoria-1' });
    const biaCaller = await signIn('bia', 'provisoria-1');
    // Two admins: one may demote the other…
    await accounts.update(biaCaller, { id: admin.userId!, role: 'operator' });
    // …but the one left may be neither demoted nor disabled, by anyone.
    await expect(accounts.update(biaCaller, { id: bia.id, role: 'viewer' })).rejects.toMatchObject({
      error: {
        code: 'conflict',
        message: 'Deve restar ao menos um administrador ativo.',
      },
    });
    const other = await accounts.create(biaCaller, { name: 'caio', role: 'admin', password: 'provisoria-1' });
    await accounts.update(biaCaller, { id: other.id, disabled: true });
    await expect(accounts.update(biaCaller, { id: bia.id, role: 'operator' })).rejects.toMatchObject({
      error: {
        code: 'conflict',
      },
    });
    // A disabled admin does not count: enabling it again makes demoting the other possible.
    await accounts.update(biaCaller, { id: other.id, disabled: false });
    expect((await accounts.update(biaCaller, { id: bia.id, role: 'operator' })).role).toBe('operator');
  });

  it('ends the sessions of a disabled user and of one whose password was reset, and audits the caller', async () => {
    const ana = await accounts.create(admin, { name: 'ana', role: 'operator', password: 'provisoria-1' });
    const first = await accounts.login('ana', 'provisoria-1');
    await accounts.update(admin, { id: ana.id, disabled: true });
    await expect(accounts.resolve({ kind: 'session', session: first.session })).rejects.toMatchObject({
      error: {
        code: 'unauthenticated',
      },
    });
    await expect(accounts.login('ana', 'provisoria-1')).rejects.toMatchObject({
      error: { code: 'unauthenticated' },
    });

    await accounts.update(admin, { id: ana.id, disabled: false, role: 'viewer' });
    const second = await accounts.login('ana', 'provisoria-1');
    const reset = await accounts.resetPassword(admin, ana.id, 'provisoria-2');
    expect(reset.mustChangePassword).toBe(true);
    await expect(accounts.resolve({ kind: 'session', session: second.session })).rejects.toMatchObject({
      error: {
        code: 'unauthenticated',
      },
    });

    const audit = (await repo.audit.list(10)).filter((entry) => entry.action.startsWith('user.'));
    expect(audit.map((entry) => `${entry.actor} ${entry.action} ${entry.target} ${entry.details}`)).toEqual([
      'admin user.resetPassword user:ana ',
      'admin user.update user:ana role operator → viewer, enabled',
      'admin user.update user:ana disabled',
      'admin user.create user:ana operator',
    ]);
  });

  it('keeps the session that changed its own password and ends the others of that user', async () => {
    const other = await accounts.login('admin', firstPassword);
    await expect(accounts.changePassword(admin, 'errada', 'senha-do-admin-2026')).rejects.toMatchObject({
      error: {
        code: 'invalid_input',
        message: 'A senha atual está incorreta.',
      },
    });
    await accounts.changePassword(admin, firstPassword, 'senha-do-admin-2026');
    expect(accounts.me(await accounts.resolve({ kind: 'session', session: admin.session! }))).toMatchObject({
      name: 'admin',
      mustChangePassword: false,
    });
    await expect(accounts.resolve({ kind: 'session', session: other.session })).rejects.toMatchObject({
      error: {
        code: 'unauthenticated',
      },
    });
    const [entry] = await repo.audit.list(1);
    expect(entry).toMatchObject({ actor: 'admin', action: 'account.changePassword', target: 'user:admin' });
  });
});
