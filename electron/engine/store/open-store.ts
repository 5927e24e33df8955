import type { StoreDialect } from './dialect';
import { openPostgres } from './pg-dialect';
import { alarmsRepository } from './repo/alarms';
import { auditRepository } from './repo/audit';
import { backupRepository } from './repo/backup';
import { devicesRepository } from './repo/devices';
import { historyRepository, stateChangeRecorder } from './repo/history';
import { inventoryImportRepository } from './repo/inventory-import';
import { recentRepository } from './repo/recent';
import { opticalRepository } from './repo/optical';
import { clusterRepository } from './repo/cluster';
import { outboxRepository } from './repo/outbox';
import { pingRepository } from './repo/ping';
import { selfHealthRepository } from './repo/self-health';
import { settingsRepository } from './repo/settings';
import { snmpRepository } from './repo/snmp';
import { statusRepository } from './repo/status';
import { syntheticRepository } from './repo/synthetic';
import { topologyRepository } from './repo/topology';
import { towersRepository } from './repo/towers';
import { usersRepository } from './repo/users';
import { signInRepository } from './repo/sign-in';
import { StoreError, type Repository } from './repository';
import { openSqlite } from './sqlite-dialect';
import { applyStagedRestore } from './sqlite-backup';
import { Writer } from './writer';

export type StoreConfig =
  | { dialect: 'sqlite'; file: string; migrationsDir?: string }
  | {
      dialect: 'postgres';
      url: string;
      migrationsDir?: string;
      /** This instance's fencing holder: the database refuses leader-only writes it has no lease for. */
      fenceAs?: string;
    };

export function createRepository(dialect: StoreDialect, now: () => number = Date.now): Repository {
  const writer = new Writer();
  const context = { dialect, writer, now };
  const recordStateChanges = stateChangeRecorder(dialect);
  const history = historyRepository(context, recordStateChanges);
  const status = statusRepository(context, recordStateChanges);
  const ping = pingRepository(context);
  return {
    dialect: dialect.name,
    towers: towersRepository(context),
    devices: devicesRepository(context),
    inventoryImport: inventoryImportRepository(context),
    status,
    ping,
    alarms: alarmsRepository(context),
    outbox: outboxRepository(context),
    snmp: snmpRepository(context),
    synthetic: syntheticRepository(context),
    topology: topologyRepository(context),
    settings: settingsRepository(context),
    audit: auditRepository(context),
    async backupTo(destination) {
      if (!dialect.backupTo)
        throw new StoreError(
          'invalid',
          'A PostgreSQL store is backed up with the server’s own tools (pg_dump).',
        );
      await Promise.all([status.flush(), ping.flush()]);
      await dialect.backupTo(destination);
    },
    backup: backupRepository(context),
    optical: opticalRepository(context),
    users: usersRepository(context),
    signIn: signInRepository(context),
    cluster: clusterRepository(context),
    selfHealth: selfHealthRepository(context),
    writerQueue: () => writer.pending,
    history,
    recent: recentRepository(context),
    backlog: () => context.writer.backlog(),
    async close() {
      await Promise.all([status.flush(), ping.flush()]);
      await dialect.close();
    },
  };
}

/**
 * Opens the store the configuration names and brings its schema up to date. Every failure is a
 * StoreError whose message names the cause; none of them changes data already stored.
 */
export async function openStore(config: StoreConfig): Promise<Repository> {
  if (config.dialect === 'sqlite') applyStagedRestore(config.file);
  const dialect =
    config.dialect === 'sqlite'
      ? await openSqlite(config.file, config.migrationsDir)
      : await openPostgres(config.url, config.migrationsDir, config.fenceAs);
  return createRepository(dialect);
}
