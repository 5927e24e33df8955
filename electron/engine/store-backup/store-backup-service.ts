import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  StoreBackupConfig,
  storeBackupConfigKey,
  type StoreBackupFile,
  type StoreBackupStatus,
} from '../../../shared/contract/store-backup';
import type { Repository } from '../store/repository';
import { stageRestore, stagedRestoreOf, verifyBackup, type BackupFault } from '../store/sqlite-backup';

const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 10 * 60_000;
/** Backups this service writes (and may delete when more than `keep` exist). */
const AUTOMATIC = /^vigia-\d{8}-\d{6}(-\d+)?\.db$/;

export class BackupRefused extends Error {
  constructor(readonly fault: BackupFault) {
    super(`storeBackup.error.${fault}`);
    this.name = 'BackupRefused';
  }
}

const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Vigia's own database backups: one a day through SQLite's online backup API (never a file copy
 * of a live database), checked after writing, the newest `keep` kept; "back up now"; and restore,
 * which refuses a file that fails the integrity check and otherwise stages it for the next start.
 */
export class StoreBackupService {
  readonly folder: string;
  private config: StoreBackupConfig = StoreBackupConfig.parse({});
  private lastError: StoreBackupStatus['lastError'] = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<StoreBackupFile> | null = null;

  constructor(
    private readonly options: {
      repo: Repository;
      dataDir: string;
      /** The live SQLite file; null on PostgreSQL. */
      databaseFile: string | null;
      now?: () => number;
      log?: (message: string) => void;
    },
  ) {
    this.folder = join(options.dataDir, 'backups');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async start(): Promise<void> {
    const stored = StoreBackupConfig.safeParse(
      (await this.options.repo.settings.get(storeBackupConfigKey)) ?? {},
    );
    if (stored.success) this.config = stored.data;
    if (!this.options.databaseFile) return;
    this.timer = setInterval(() => void this.runIfDue(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.runIfDue();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  list(): StoreBackupFile[] {
    if (!existsSync(this.folder)) return [];
    return readdirSync(this.folder)
      .filter((name) => name.endsWith('.db'))
      .map((name) => {
        const stat = statSync(join(this.folder, name));
        return { name, at: Math.round(stat.mtimeMs), sizeBytes: stat.size };
      })
      .sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
  }

  status(): StoreBackupStatus {
    const file = this.options.databaseFile;
    return {
      dialect: file ? 'sqlite' : 'postgres',
      config: this.config,
      folder: this.folder,
      backups: file ? this.list() : [],
      lastError: this.lastError,
      restorePending: file && existsSync(stagedRestoreOf(file)) ? basename(stagedRestoreOf(file)) : null,
    };
  }

  async setConfig(config: StoreBackupConfig): Promise<void> {
    await this.options.repo.settings.set(storeBackupConfigKey, config);
    this.config = config;
    this.prune();
  }

  /** One backup at a time: a second call while one runs gets the same file. */
  backUp(): Promise<StoreBackupFile> {
    this.running ??= this.write().finally(() => (this.running = null));
    return this.running;
  }

  /** Stages a sound backup to replace the database at the next start; refuses anything else. */
  restore(name: string): void {
    const file = this.options.databaseFile;
    if (!file) throw new BackupRefused('failed');
    const fault = verifyBackup(join(this.folder, name));
    if (fault) throw new BackupRefused(fault);
    stageRestore(join(this.folder, name), file);
    this.options.log?.(`backup: ${name} staged; it replaces the database at the next start`);
  }

  private async runIfDue(): Promise<void> {
    if (!this.config.enabled) return;
    const newest = this.list().find((backup) => AUTOMATIC.test(backup.name));
    if (newest && this.now() - newest.at < DAY_MS) return;
    await this.backUp().catch(() => undefined);
  }

  private async write(): Promise<StoreBackupFile> {
    const at = this.now();
    // Two backups within one second (the daily one and "back up now") get a suffix, never one file.
    let name = `vigia-${stamp(at)}.db`;
    for (let n = 2; existsSync(join(this.folder, name)); n++) name = `vigia-${stamp(at)}-${n}.db`;
    const target = join(this.folder, name);
    const partial = `${target}.partial`;
    try {
      mkdirSync(this.folder, { recursive: true });
      await this.options.repo.backupTo(partial);
      const fault = verifyBackup(partial);
      if (fault) throw new BackupRefused(fault);
      renameSync(partial, target);
      this.lastError = null;
      this.prune();
      return { name, at, sizeBytes: statSync(target).size };
    } catch (error) {
      rmSync(partial, { force: true });
      const fault = error instanceof BackupRefused ? error.fault : 'failed';
      this.lastError = { at, fault, detail: (error as Error).message };
      this.options.log?.(`backup: failed: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Deletes the oldest automatic backups beyond `keep`; files put there by hand are left alone. */
  private prune(): void {
    const automatic = this.list().filter((backup) => AUTOMATIC.test(backup.name));
    for (const old of automatic.slice(this.config.keep)) rmSync(join(this.folder, old.name), { force: true });
  }
}
