import { z } from 'zod';
import { epochMs } from './entities';

export const storeBackupConfigKey = 'storeBackup.config';

export const StoreBackupConfig = z.object({
  /** A backup every day. */
  enabled: z.boolean().default(true),
  /** Daily backups kept; older ones are deleted after each new one. */
  keep: z.number().int().min(1).max(90).default(7),
});
export type StoreBackupConfig = z.infer<typeof StoreBackupConfig>;

/** A backup file's name in the backups folder: no folders, so a name never reaches outside it. */
export const BackupName = z
  .string()
  .regex(/^[\w.-]{1,120}\.db$/, { message: 'storeBackup.invalidName' })
  .refine((name) => !name.startsWith('.'), { message: 'storeBackup.invalidName' });

export const StoreBackupFile = z.object({
  name: z.string(),
  at: epochMs,
  sizeBytes: z.number().int().nonnegative(),
});
export type StoreBackupFile = z.infer<typeof StoreBackupFile>;

export const storeBackupFaults = ['missing', 'not_sqlite', 'corrupt', 'not_vigia', 'failed'] as const;

export const StoreBackupStatus = z.object({
  /** PostgreSQL is backed up by the server's own tools; the page says so instead of offering these. */
  dialect: z.enum(['sqlite', 'postgres']),
  config: StoreBackupConfig,
  folder: z.string(),
  /** Newest first. */
  backups: z.array(StoreBackupFile),
  lastError: z.object({ at: epochMs, fault: z.enum(storeBackupFaults), detail: z.string() }).nullable(),
  /** The backup that will replace the database at the next start, if one was restored. */
  restorePending: z.string().nullable(),
});
export type StoreBackupStatus = z.infer<typeof StoreBackupStatus>;

export const storeBackupApiMethods = {
  'storeBackup.status': { input: z.void(), output: StoreBackupStatus },
  'storeBackup.config.set': {
    input: z.object({ config: StoreBackupConfig }),
    output: StoreBackupStatus,
  },
  /** Backs the store up now (SQLite's online backup) and returns the new file. */
  'storeBackup.run': { input: z.void(), output: StoreBackupFile },
  /**
   * Checks the backup's integrity and stages it to replace the database when Vigia next starts;
   * the current database is kept beside it. A file that fails the check is refused.
   */
  'storeBackup.restore': {
    input: z.object({ name: BackupName }),
    output: z.object({ restartRequired: z.literal(true) }),
  },
} as const;
