import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Alarm, DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import type { NewAlarm } from './repository';
import {
  DEVICE_QUERY,
  ROLLUP_COLUMNS,
  ROLLUP_UPSERT,
  rollupValues,
  SAMPLE_COLUMNS,
  STATUS_COLUMNS,
  STATUS_QUERY,
  STATUS_UPSERT,
  deviceFromRow,
  sampleValues,
  statusFromRow,
  statusValues,
  type StoreDialect,
} from './dialect';
import {
  ALARM_INSERT,
  ALARM_INSERT_SUFFIX,
  ALARM_INSERT_WIDTH,
  alarmFromRow,
  alarmValues,
  valuesList,
  type AlarmRow,
} from './alarm-rows';
import { sqliteOpenError } from './errors';
import { resolveMigrationsDir } from './migrations-dir';
import { migrateSqlite } from './sqlite-migrate';
import * as tables from './schema/sqlite';

/** SQLite's limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER). */
const SQLITE_MAX_PARAMS = 32_766;

function applyPragmas(database: Database.Database): void {
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Reading the schema forces SQLite to read the file header: a damaged file fails here, not later.
  database.prepare('SELECT count(*) FROM sqlite_master').get();
}

export async function openSqlite(file: string, migrationsRoot?: string): Promise<StoreDialect> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(file, { timeout: 5000 });
    applyPragmas(database);
  } catch (error) {
    throw sqliteOpenError(file, error);
  }
  try {
    await migrateSqlite(database, file, resolveMigrationsDir('sqlite', migrationsRoot));
  } catch (error) {
    database.close();
    throw error;
  }
  const db = drizzle(database);
  const insertSample = database.prepare(
    `INSERT INTO ping_samples (${SAMPLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertStatus = database.prepare(
    `INSERT INTO device_status (${STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ${STATUS_UPSERT}`,
  );
  const writeStatuses = database.transaction((rows: DeviceStatus[]) => {
    for (const row of rows) upsertStatus.run(...statusValues(row));
  });
  const upsertRollup = database.prepare(
    `INSERT INTO ping_rollups (${ROLLUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ${ROLLUP_UPSERT}`,
  );
  const writeRollups = database.transaction((rows: PingRollup[]) => {
    for (const row of rows) upsertRollup.run(...rollupValues(row));
  });
  const readStatuses = database.prepare(STATUS_QUERY).raw(true);
  const readDevices = database.prepare(DEVICE_QUERY).raw(true);
  const appendSamples = database.transaction((rows: PingSample[]) => {
    for (const row of rows) {
      insertSample.run(...sampleValues(row));
    }
  });
  const alarmsPerStatement = Math.floor(SQLITE_MAX_PARAMS / ALARM_INSERT_WIDTH);
  const insertAlarms = database.transaction((alarms: NewAlarm[]) => {
    const opened: Alarm[] = [];
    for (let i = 0; i < alarms.length; i += alarmsPerStatement) {
      const chunk = alarms.slice(i, i + alarmsPerStatement);
      const statement = database.prepare(
        `${ALARM_INSERT} VALUES ${valuesList(chunk.length, false)} ${ALARM_INSERT_SUFFIX}`,
      );
      const rows = statement.raw(true).all(...chunk.flatMap(alarmValues)) as AlarmRow[];
      opened.push(...rows.map(alarmFromRow));
    }
    return opened;
  });
  // AUTOINCREMENT never hands out an id at or below the table's sequence: moving the sequence on
  // reserves the ids in between.
  const readSequence = database.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'alarms'").pluck();
  const highestId = database.prepare('SELECT coalesce(max(id), 0) FROM alarms').pluck();
  const setSequence = database.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'alarms'");
  const addSequence = database.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('alarms', ?)");
  const reserveAlarmIds = database.transaction((count: number): number[] => {
    const stored = readSequence.get() as number | undefined;
    const base = Math.max(stored ?? 0, highestId.get() as number);
    (stored === undefined ? addSequence : setSequence).run(base + count);
    return Array.from({ length: count }, (_, i) => base + i + 1);
  });
  return {
    name: 'sqlite',
    db,
    tables,
    maxParams: SQLITE_MAX_PARAMS,
    async transaction(work) {
      db.run(sql`BEGIN IMMEDIATE`);
      try {
        const result = await work(db);
        db.run(sql`COMMIT`);
        return result;
      } catch (error) {
        db.run(sql`ROLLBACK`);
        throw error;
      }
    },
    async insertSamples(rows) {
      appendSamples(rows);
    },
    async upsertStatuses(rows) {
      writeStatuses(rows);
    },
    async upsertRollups(rows) {
      writeRollups(rows);
    },
    async allStatuses() {
      return (readStatuses.all() as Parameters<typeof statusFromRow>[0][]).map(statusFromRow);
    },
    async allDevices() {
      return (readDevices.all() as Parameters<typeof deviceFromRow>[0][]).map(deviceFromRow);
    },
    async insertAlarms(alarms) {
      return alarms.length === 0 ? [] : insertAlarms.immediate(alarms);
    },
    async backupTo(destination) {
      // SQLite's online backup API: a consistent copy page by page while Vigia keeps writing.
      await database.backup(destination);
    },
    async reserveAlarmIds(count) {
      return reserveAlarmIds.immediate(count);
    },
    async close() {
      database.close();
    },
  };
}
