import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

import type { storeBackupFaults } from '../../../shared/contract/store-backup';

/** Why a file cannot be used, as a code the reader's language renders (`storeBackup.error.<code>`). */
export type BackupFault = (typeof storeBackupFaults)[number];

/** Where a validated backup waits for the next start, beside the live database. */
export const stagedRestoreOf = (databaseFile: string): string => `${databaseFile}.restore`;

/** Tables every Vigia database has; a SQLite file without them is some other program's. */
const VIGIA_TABLES = ['devices', 'towers', 'alarms', 'settings'];

/**
 * Whether `file` is a sound Vigia database: it opens as SQLite, `PRAGMA integrity_check` finds
 * nothing wrong, and it holds Vigia's tables. Read-only: the file is never changed.
 */
export function verifyBackup(file: string): BackupFault | null {
  if (!existsSync(file)) return 'missing';
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return 'not_sqlite';
  }
  try {
    const result = database.pragma('integrity_check') as { integrity_check: string }[];
    if (result.length !== 1 || result[0]!.integrity_check !== 'ok') return 'corrupt';
    const tables = new Set(
      (
        database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
      ).map((row) => row.name),
    );
    return VIGIA_TABLES.every((table) => tables.has(table)) ? null : 'not_vigia';
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code === 'SQLITE_NOTADB' ? 'not_sqlite' : 'corrupt';
  } finally {
    database.close();
  }
}

/** Copies a verified backup beside the live database, to replace it when the store next opens. */
export function stageRestore(backupFile: string, databaseFile: string): void {
  const staged = stagedRestoreOf(databaseFile);
  copyFileSync(backupFile, `${staged}.partial`);
  // The rename makes the staged file appear whole or not at all.
  renameSync(`${staged}.partial`, staged);
}

/**
 * Before the store opens: if a restore is staged, the current database (with its WAL) is kept
 * aside as `<file>.before-restore-<time>` and the staged copy takes its place. Nothing is deleted.
 */
export function applyStagedRestore(databaseFile: string, now = Date.now()): string | null {
  const staged = stagedRestoreOf(databaseFile);
  if (!existsSync(staged)) return null;
  const keptAs = `${databaseFile}.before-restore-${now}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, keptAs + suffix);
  }
  renameSync(staged, databaseFile);
  rmSync(`${staged}.partial`, { force: true });
  return keptAs;
}
