import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Alarm } from '../../../shared/contract/entities';
import type { NewAlarm } from './repository';
import { sumDaysInServer } from './pg-daily';
import {
  DEVICE_QUERY,
  deviceFromRow,
  ROLLUP_COLUMNS,
  ROLLUP_UPSERT,
  rollupValues,
  SAMPLE_COLUMNS,
  sampleValues,
  STATUS_COLUMNS,
  STATUS_UPSERT,
  statusValues,
  STATUS_QUERY,
  statusFromRow,
  type Db,
  type StoreDialect,
  type Tables,
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
import { migrationError, postgresOpenError, redactUrl } from './errors';
import { resolveMigrationsDir } from './migrations-dir';
import * as tables from './schema/pg';
import { pgTimePartitions } from './pg-partitions';

/** PostgreSQL's limit on bound parameters per statement. */
const PG_MAX_PARAMS = 65_535;

/** Several instances: a transaction left idle this long (its process stopped) is ended by the server. */
const IDLE_IN_TRANSACTION_MS = 5_000;

/** Any fixed number: the advisory lock Vigia's schema updates take on a shared server. */
const MIGRATION_LOCK_KEY = 0x5649_4741;

/**
 * Workstations sharing one server are often updated and started together; without a lock their
 * schema updates would race (both creating the same tables) and all but one would fail.
 */
async function migrateAlone(pool: pg.Pool, run: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await run();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}

/**
 * Multi-row inserts in one transaction, as many rows per statement as PostgreSQL's parameter
 * limit allows; `suffix` follows each statement's VALUES (an ON CONFLICT clause).
 */
async function insertRows(
  pool: pg.Pool,
  into: string,
  suffix: string,
  rows: (readonly unknown[])[],
): Promise<void> {
  const width = rows[0]?.length ?? 1;
  const perStatement = Math.floor(PG_MAX_PARAMS / width);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const values: unknown[] = [];
      const tuples = chunk.map((row, k) => {
        values.push(...row);
        return `(${row.map((_, column) => `$${k * width + column + 1}`).join(',')})`;
      });
      await client.query(`${into} VALUES ${tuples.join(',')} ${suffix}`, values);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Opens alarms in one transaction, as many per statement as the parameter limit allows. */
async function insertAlarms(pool: pg.Pool, alarms: NewAlarm[]): Promise<Alarm[]> {
  if (alarms.length === 0) return [];
  const perStatement = Math.floor(PG_MAX_PARAMS / ALARM_INSERT_WIDTH);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const opened: Alarm[] = [];
    for (let i = 0; i < alarms.length; i += perStatement) {
      const chunk = alarms.slice(i, i + perStatement);
      const result = await client.query({
        text: `${ALARM_INSERT} VALUES ${valuesList(chunk.length, true)} ${ALARM_INSERT_SUFFIX}`,
        values: chunk.flatMap(alarmValues),
        rowMode: 'array',
      });
      opened.push(...(result.rows as AlarmRow[]).map(alarmFromRow));
    }
    await client.query('COMMIT');
    return opened;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function openPostgres(
  url: string,
  migrationsRoot?: string,
  fenceAs?: string,
): Promise<StoreDialect> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 5_000,
    // Every session names its instance: the fence triggers (migration cluster_fence) check it. A
    // process stopped mid-transaction (hung) must not hold its row locks against the next leader.
    ...(fenceAs
      ? {
          options: `-c vigia.instance=${fenceAs} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
          application_name: `vigia ${fenceAs}`,
        }
      : {}),
  });
  // A session terminated while checked out (mid-transaction: an administrator, a failover) must not
  // take the process down either; the query in flight reports it and the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // A broken connection in the pool must not take the process down; the next query reports it.
  pool.on('error', (error) =>
    console.error(`PostgreSQL connection lost (${redactUrl(url)}): ${error.message}`),
  );
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresOpenError(url, error);
  }
  const db = drizzle(pool);
  try {
    await migrateAlone(pool, () =>
      migrate(db, { migrationsFolder: resolveMigrationsDir('pg', migrationsRoot) }),
    );
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw migrationError(redactUrl(url), error);
  }
  const timePartitions = pgTimePartitions(pool);
  try {
    // Today's partitions before the first write: the app may have been closed for days.
    await timePartitions.prepare(Date.now());
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw migrationError(redactUrl(url), error);
  }
  // The repository is written once against the shared builder surface (see dialect.ts).
  const shared = db as unknown as Db;
  return {
    name: 'postgres',
    db: shared,
    tables: tables as unknown as Tables,
    maxParams: PG_MAX_PARAMS,
    timePartitions,
    transaction: (work) => db.transaction((tx) => work(tx as unknown as Db)),
    insertSamples: (rows) =>
      insertRows(pool, `INSERT INTO ping_samples (${SAMPLE_COLUMNS})`, '', rows.map(sampleValues)),
    upsertStatuses: (rows) =>
      insertRows(
        pool,
        `INSERT INTO device_status (${STATUS_COLUMNS})`,
        STATUS_UPSERT,
        rows.map(statusValues),
      ),
    upsertRollups: (rows) =>
      insertRows(pool, `INSERT INTO ping_rollups (${ROLLUP_COLUMNS})`, ROLLUP_UPSERT, rows.map(rollupValues)),
    async allStatuses() {
      const result = await pool.query({ text: STATUS_QUERY, rowMode: 'array' });
      return (result.rows as Parameters<typeof statusFromRow>[0][]).map(statusFromRow);
    },
    async allDevices() {
      const result = await pool.query({ text: DEVICE_QUERY, rowMode: 'array' });
      return (result.rows as Parameters<typeof deviceFromRow>[0][]).map(deviceFromRow);
    },
    sumDays: (from, to, deviceIds) => sumDaysInServer(pool, from, to, deviceIds),
    insertAlarms: (alarms) => insertAlarms(pool, alarms),
    async reserveAlarmIds(count) {
      // Drawn from the sequence itself: workstations sharing this database never collide.
      const result = await pool.query<{ id: number }>(
        "SELECT nextval('alarms_id_seq')::integer AS id FROM generate_series(1, $1)",
        [count],
      );
      return result.rows.map((row) => row.id);
    },
    close: () => pool.end(),
  };
}
