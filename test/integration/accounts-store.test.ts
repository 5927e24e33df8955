import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/accounts/account-service';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { startEngine } from '../../electron/engine/start-engine';
import { openStore, type StoreConfig } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import type { Language } from '../../shared/i18n';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { ScriptedTransport } from '../helpers/scripted-transport';

// Sign-in state kept in the store, on both dialects: sessions that outlive the engine, and wrong
// passwords counted per user name across every instance sharing the store. A cheap scrypt keeps
// the suite fast (the cost parameters are password.test.ts's business).
const scrypt = { N: 2 ** 10, r: 8, p: 1 };
const root = mkdtempSync(join(tmpdir(), `vigia-accounts-store-${process.pid}-`));
let postgres: TestPostgres | null = null;

/** Each test its own store: a SQLite file, or a database on the one PostgreSQL server. */
const dialects: { name: string; config(name: string): Promise<StoreConfig> }[] = [
  { name: 'sqlite', config: async (name) => ({ dialect: 'sqlite', file: join(root, `${name}.db`) }) },
  {
    name: 'postgres',
    config: async (name) => {
      postgres ??= await startTestPostgres();
      return { dialect: 'postgres', url: await postgres.createDatabase(name) };
    },
  },
];
/** How the server and the desktop's main process call sign-in for a person. */
const HOST = { kind: 'host', actor: 'test-host', role: 'viewer' } as const;

afterAll(async () => {
  await postgres?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** One instance's account service (a workstation or server) on the store, with the test's clock. */
async function instance(repo: Repository, now: () => number, language: Language = 'pt-BR') {
  const opened = await AccountService.open({
    repo,
    mode: 'accounts',
    localUser: 'windows-user',
    language: () => language,
    scrypt,
    now,
  });
  return opened;
}

describe.each(dialects)('sign-in kept in the store on $name', ({ config }) => {
  it('keeps a session through a restart, and still ends it when the user is disabled', async () => {
    const store = await config('restart');
    let repo = await openStore(store);
    const first = await instance(repo, Date.now);
    const admin = await first.accounts.login('admin', first.firstAdminPassword!);
    const adminCaller = await first.accounts.resolve({ kind: 'session', session: admin.session });
    await first.accounts.create(adminCaller, { name: 'ana', role: 'operator', password: 'provisoria-ana' });
    const ana = await first.accounts.login('ana', 'provisoria-ana');
    await repo.close();

    repo = await openStore(store);
    try {
      const { accounts } = await instance(repo, Date.now);
      expect(await accounts.resolve({ kind: 'session', session: ana.session })).toMatchObject({
        name: 'ana',
        role: 'operator',
        session: ana.session,
      });
      const again = await accounts.resolve({ kind: 'session', session: admin.session });
      const stored = await repo.users.byName('ana');
      await accounts.update(again, { id: stored!.id, disabled: true });
      await expect(accounts.resolve({ kind: 'session', session: ana.session })).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });
    } finally {
      await repo.close();
    }
  });

  it('refuses a user name after 5 wrong passwords on any instance, says when to try again, then lets it in', async () => {
    const store = await config('limit');
    let now = 0;
    const clock = () => now;
    // Two workstations: each its own connection, account service and language.
    const [repoA, repoB] = [await openStore(store), await openStore(store)];
    try {
      const a = await instance(repoA, clock, 'pt-BR');
      const b = await instance(repoB, clock, 'en');
      // From here the test's clock: after the first administrator's creation, which the store dated.
      now = Date.now() + 1_000;
      const admin = await a.accounts.resolve({
        kind: 'session',
        session: (await a.accounts.login('admin', a.firstAdminPassword!)).session,
      });
      await a.accounts.create(admin, { name: 'bia', role: 'viewer', password: 'senha-da-bia-1' });

      for (let i = 0; i < 3; i++)
        await expect(a.accounts.login('bia', `errada-${i}`)).rejects.toMatchObject({
          error: { code: 'unauthenticated' },
        });
      // Another spelling of the name is the same name; an unknown name has a count of its own.
      for (const name of ['Bia', ' bia '])
        await expect(b.accounts.login(name, 'wrong')).rejects.toMatchObject({
          error: { code: 'unauthenticated' },
        });
      await expect(b.accounts.login('nobody', 'wrong')).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });

      now += 60_000;
      // The right password, too, waits out the block, on both workstations, in each one's language.
      await expect(a.accounts.login('bia', 'senha-da-bia-1')).rejects.toMatchObject({
        error: {
          code: 'rate_limited',
          retryAfterS: 840,
          message: 'Muitas tentativas erradas para o usuário "bia": tente de novo em 14 min.',
        },
      });
      await expect(b.accounts.login('BIA', 'senha-da-bia-1')).rejects.toMatchObject({
        error: {
          code: 'rate_limited',
          retryAfterS: 840,
          message: 'Too many wrong attempts for the user "BIA": try again in 14 min.',
        },
      });
      // Other names are not held up.
      await expect(b.accounts.login('admin', 'wrong')).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });

      now += 14 * 60_000;
      const signedIn = await b.accounts.login('bia', 'senha-da-bia-1');
      expect(signedIn.me).toMatchObject({ name: 'bia', role: 'viewer' });
      // Signing in cleared the count: one wrong password is just that again.
      await expect(a.accounts.login('bia', 'errada')).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });
    } finally {
      await repoA.close();
      await repoB.close();
    }
  });
});

describe('an engine restart', () => {
  it('keeps the signed-in session: the operator is not signed out', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'engine');
    const start = () =>
      startEngine({
        dataDir,
        demo: false,
        runtime: 'headless',
        spawner: forkSpawner,
        version: '0.0.0-test',
        access: 'accounts',
        pingTransport: new ScriptedTransport(),
        log: () => undefined,
      });
    const first = await start();
    const { session } = await first.call(
      'auth.login',
      { name: 'admin', password: first.firstAdminPassword! },
      HOST,
    );
    const auth = { kind: 'session', session } as const;
    expect(await first.call('account.me', undefined, auth)).toMatchObject({ name: 'admin' });
    await first.stop();

    const second = await start();
    try {
      expect(second.firstAdminPassword).toBeNull();
      expect(await second.call('account.me', undefined, auth)).toEqual({
        name: 'admin',
        role: 'admin',
        mustChangePassword: true,
        local: false,
      });
      await second.call('auth.logout', { session }, HOST);
      await expect(second.call('account.me', undefined, auth)).rejects.toMatchObject({
        error: { code: 'unauthenticated' },
      });
    } finally {
      await second.stop();
    }
  });
});
