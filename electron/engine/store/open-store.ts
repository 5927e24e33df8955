import type { StoreDialect } from './dialect';
import { openPostgres } from './pg-dialect';
import { alarmsRepository } from './repo/alarms';
import { auditRepository } from './repo/audit';
import { backupRepository } from './repo/backup';
import { devicesRepository } from './repo/devices';
import { opticalRepository } from './repo/optical';
import { outboxRepository } from './repo/outbox';
import { pingRepository } from './repo/ping';
import { settingsRepository } from './repo/settings';
import { snmpRepository } from './repo/snmp';
import { statusRepository } from './repo/status';
import { towersRepository } from './repo/towers';
import type { Repository } from './repository';
import { openSqlite } from './sqlite-dialect';
import { Writer } from './writer';

export type StoreConfig =
  | { dialect: 'sqlite'; file: string; migrationsDir?: string }
  | { dialect: 'postgres'; url: string; migrationsDir?: string };

export function createRepository(dialect: StoreDialect, now: () => number = Date.now): Repository {
  const context = { dialect, writer: new Writer(), now };
  const status = statusRepository(context);
  const ping = pingRepository(context);
  return {
    dialect: dialect.name,
    towers: towersRepository(context),
    devices: devicesRepository(context),
    status,
    ping,
    alarms: alarmsRepository(context),
    outbox: outboxRepository(context),
    snmp: snmpRepository(context),
    backup: backupRepository(context),
    settings: settingsRepository(context),
    audit: auditRepository(context),
    optical: opticalRepository(context),
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
  const dialect =
    config.dialect === 'sqlite'
      ? await openSqlite(config.file, config.migrationsDir)
      : await openPostgres(config.url, config.migrationsDir);
  return createRepository(dialect);
}
