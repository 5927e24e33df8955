import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/engine/store/open-store';
import { resolveMigrationsDir } from '../../electron/engine/store/migrations-dir';
import { startTestPostgres } from '../helpers/postgres';

const dir = mkdtempSync(join(tmpdir(), 'vigia-store-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store failures are explained and destroy nothing', () => {
  it('refuses a file that is not a database, naming the file, and leaves its bytes alone', async () => {
    const file = join(dir, 'garbage.db');
    const garbage = Buffer.from('this is a spreadsheet, not a database '.repeat(200));
    writeFileSync(file, garbage);
    await expect(openStore({ dialect: 'sqlite', file })).rejects.toMatchObject({
      name: 'StoreError',
      code: 'corrupt',
      message: expect.stringContaining(file),
    });
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('says the file is locked when another program holds it', async () => {
    const file = join(dir, 'locked.db');
    const seeded = await openStore({ dialect: 'sqlite', file });
    await seeded.close();
    // Another process takes an exclusive lock and keeps it until killed: however long a loaded
    // machine takes to start it and to give up waiting on the lock, it is held all along.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('journal_mode=DELETE');d.exec('BEGIN EXCLUSIVE');console.log('locked');setInterval(()=>{},60000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      await expect(openStore({ dialect: 'sqlite', file })).rejects.toMatchObject({
        code: 'locked',
        message: expect.stringContaining('locked'),
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  /** A copy of the shipped migrations with one more, numbered 0001, whose SQL is given. */
  function migrationsWith(name: string, statements: string[]): string {
    const migrations = join(dir, `migrations-${name}`);
    cpSync(join(resolveMigrationsDir('sqlite'), '..'), migrations, { recursive: true });
    const journalFile = join(migrations, 'sqlite', 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: 1, version: '6', when: Date.now(), tag: `0001_${name}`, breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(
      join(migrations, 'sqlite', `0001_${name}.sql`),
      statements.join('\n--> statement-breakpoint\n'),
    );
    return migrations;
  }

  async function fileWithOneTower(name: string): Promise<string> {
    const file = join(dir, `${name}.db`);
    const before = await openStore({ dialect: 'sqlite', file });
    await before.towers.create({ name: 'Torre Alto Branco', code: 'AB', latitude: -7.2, longitude: -35.9 });
    await before.close();
    return file;
  }

  async function expectAsBefore(file: string): Promise<void> {
    const after = await openStore({ dialect: 'sqlite', file });
    expect((await after.towers.list()).map((t) => t.code)).toEqual(['AB']);
    await after.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    raw.close();
    expect(existsSync(`${file}.before-migration`)).toBe(false);
  }

  it('rolls a failed schema update back: the data and the schema stay as they were', async () => {
    const file = await fileWithOneTower('migrate');
    // A second migration that creates a table and then fails half way.
    const migrations = migrationsWith('broken', [
      'CREATE TABLE `half_done` (`id` integer);',
      'ALTER TABLE `no_such_table` ADD `x` integer;',
    ]);
    await expect(openStore({ dialect: 'sqlite', file, migrationsDir: migrations })).rejects.toMatchObject({
      code: 'migration',
      message: expect.stringMatching(/rolled back.*no_such_table/s),
    });
    await expectAsBefore(file);
  });

  it('puts the copy back when a failed update had committed part of itself', async () => {
    const file = await fileWithOneTower('escapes');
    // COMMIT ends the migrator's transaction early: what follows is beyond its rollback.
    const migrations = migrationsWith('escapes', [
      'COMMIT;',
      'CREATE TABLE `half_done` (`id` integer);',
      'ALTER TABLE `no_such_table` ADD `x` integer;',
    ]);
    await expect(openStore({ dialect: 'sqlite', file, migrationsDir: migrations })).rejects.toMatchObject({
      code: 'migration',
    });
    await expectAsBefore(file);
  });

  it('applies a due update to a file with data and leaves no copy behind', async () => {
    const file = await fileWithOneTower('upgrade');
    const migrations = migrationsWith('upgrade', ['CREATE TABLE `added_later` (`id` integer);']);
    const upgraded = await openStore({ dialect: 'sqlite', file, migrationsDir: migrations });
    expect((await upgraded.towers.list()).map((t) => t.code)).toEqual(['AB']);
    await upgraded.close();
    expect(existsSync(`${file}.before-migration`)).toBe(false);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'added_later'").all()).toHaveLength(1);
    raw.close();
  });

  it('explains an unreachable PostgreSQL and a wrong password, and migrates once when started together', async () => {
    await expect(
      openStore({ dialect: 'postgres', url: 'postgres://vigia:s3cret@127.0.0.1:1/vigia' }),
    ).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.not.stringContaining('s3cret'),
    });
    const pg = await startTestPostgres();
    try {
      const wrong = new URL(pg.url);
      wrong.password = 'not-the-password';
      await expect(openStore({ dialect: 'postgres', url: wrong.toString() })).rejects.toMatchObject({
        code: 'auth',
        message: expect.stringMatching(/wrong user or password/),
      });
      // Workstations updated together start together: their schema updates must not collide.
      const together = await Promise.all(
        [1, 2, 3].map(() => openStore({ dialect: 'postgres', url: pg.url })),
      );
      await together[0]!.towers.create({ name: 'Torre Sul', code: 'SUL', latitude: -8, longitude: -35 });
      expect((await together[2]!.towers.list()).map((t) => t.code)).toEqual(['SUL']);
      await Promise.all(together.map((store) => store.close()));
      const missing = new URL(pg.url);
      missing.pathname = '/no_such_database';
      await expect(openStore({ dialect: 'postgres', url: missing.toString() })).rejects.toMatchObject({
        message: expect.stringMatching(/does not exist/),
      });
    } finally {
      await pg.stop();
    }
  }, 60_000);
});
