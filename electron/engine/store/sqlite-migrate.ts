import { copyFileSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationError } from './errors';

/** Pages copied per step of the online backup: large, so a big file is copied in few steps. */
const BACKUP_PAGES_PER_STEP = 65_536;

/** drizzle's rule: a migration runs when it is newer than the newest one the file records. */
function hasPendingMigrations(database: Database.Database, migrationsFolder: string): boolean {
  const newestShipped = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  const journal = database
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!journal) return newestShipped > 0;
  const { newest } = database.prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations').get() as {
    newest: number | string | null;
  };
  return Number(newest ?? 0) < newestShipped;
}

const hasTables = (database: Database.Database): boolean =>
  database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;

const schemaVersion = (database: Database.Database): number =>
  database.pragma('schema_version', { simple: true }) as number;

/**
 * Whether the failed update left the file as it found it: no transaction still open, the schema
 * counter where it was (a migration that committed part of itself moves it) and pages readable.
 */
function isUnchanged(database: Database.Database, versionBefore: number): boolean {
  try {
    if (database.inTransaction) database.exec('ROLLBACK');
    return (
      schemaVersion(database) === versionBefore && database.pragma('quick_check', { simple: true }) === 'ok'
    );
  } catch {
    return false;
  }
}

/**
 * Brings the file's schema up to date in one transaction (drizzle's migrator). Before changing a
 * file that holds data, an online copy is taken beside it: should the rollback not undo
 * everything (a statement that ends the transaction early, a failing disk), the copy is put
 * back. Nothing is copied when no update is due, so a large database does not slow every start.
 */
export async function migrateSqlite(
  database: Database.Database,
  file: string,
  migrationsFolder: string,
): Promise<void> {
  const backup =
    file !== ':memory:' && hasTables(database) && hasPendingMigrations(database, migrationsFolder)
      ? `${file}.before-migration`
      : null;
  if (backup) await database.backup(backup, { progress: () => BACKUP_PAGES_PER_STEP });
  const versionBefore = schemaVersion(database);
  try {
    migrate(drizzle(database), { migrationsFolder });
  } catch (error) {
    if (backup && !isUnchanged(database, versionBefore)) {
      database.close();
      copyFileSync(backup, file);
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
    }
    if (backup) rmSync(backup, { force: true });
    throw migrationError(file, error);
  }
  if (backup) rmSync(backup, { force: true });
}
