import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as sqliteSchema from './schema/sqlite';
import type { Alarm, Device, DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import type { NewAlarm } from './repository';
import type { Dialect } from './repository';
import type { TimePartitions } from './pg-partitions';

/**
 * The query-builder surface both dialects share. drizzle's SQLite and PostgreSQL builders take
 * the same calls for everything the repository does (select, insert … returning, on conflict,
 * update, delete), so the repository is written once against the SQLite types and each dialect
 * hands it its own database and tables. What truly differs — opening, migrating, transactions,
 * parameter limits — lives in the dialect files.
 */
export type Db = BetterSQLite3Database;
export type Tables = typeof sqliteSchema;

export interface StoreDialect {
  readonly name: Dialect;
  readonly db: Db;
  readonly tables: Tables;
  /** Bound parameters one statement may carry. */
  readonly maxParams: number;
  /** Runs `work` atomically; the caller guarantees no other write runs meanwhile (one writer). */
  transaction<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * The hot paths, written to each driver directly: every cycle appends samples, the UI reads
   * every device's status, and the engine's parts and the UI each load the whole inventory at
   * start; a query builder costs several times the driver's own speed there.
   */
  insertSamples(rows: PingSample[]): Promise<void>;
  /** Inserts or replaces each device's status, in one transaction. */
  upsertStatuses(rows: DeviceStatus[]): Promise<void>;
  /** Inserts or replaces each (device, bucket) rollup, in one transaction: 100,000 per bucket at scale. */
  upsertRollups(rows: PingRollup[]): Promise<void>;
  allStatuses(): Promise<DeviceStatus[]>;
  allDevices(): Promise<Device[]>;
  /**
   * PostgreSQL only: the days' rollups of these devices summed into daily aggregates inside the
   * server; returns the rows written (SQLite sums them through the query builder).
   */
  sumDays?(from: number, to: number, deviceIds: number[]): Promise<number>;
  /** PostgreSQL only: the daily partitions of samples and rollups (SQLite keeps one table each). */
  timePartitions?: TimePartitions;
  /** SQLite only: an online backup of the live database into `destination`. */
  backupTo?(destination: string): Promise<void>;
  /**
   * Opens these alarms in one transaction, multi-row statements, skipping any whose subject
   * already has an open alarm; returns those opened.
   */
  insertAlarms(alarms: NewAlarm[]): Promise<Alarm[]>;
  /** `count` alarm ids no other writer will use (the caller runs it on the one writer). */
  reserveAlarmIds(count: number): Promise<number[]>;
  close(): Promise<void>;
}

export const SAMPLE_COLUMNS = 'device_id, at, rtt_ms, min_ms, max_ms, jitter_ms, loss_pct, state';
/** A sample's values in SAMPLE_COLUMNS order, for both drivers' hand-written inserts. */
export const sampleValues = (row: PingSample) =>
  [row.deviceId, row.at, row.rttMs, row.minMs, row.maxMs, row.jitterMs, row.lossPct, row.state] as const;

export const ROLLUP_COLUMNS = 'device_id, bucket, samples, min_ms, avg_ms, max_ms, loss_pct, up_pct';
/** Appended to a multi-row insert into ping_rollups (same text in SQLite and PostgreSQL). */
export const ROLLUP_UPSERT =
  'ON CONFLICT (device_id, bucket) DO UPDATE SET samples = excluded.samples, min_ms = excluded.min_ms, ' +
  'avg_ms = excluded.avg_ms, max_ms = excluded.max_ms, loss_pct = excluded.loss_pct, up_pct = excluded.up_pct';
/** A rollup's values in ROLLUP_COLUMNS order. */
export const rollupValues = (row: PingRollup) =>
  [row.deviceId, row.bucket, row.samples, row.minMs, row.avgMs, row.maxMs, row.lossPct, row.upPct] as const;

export const STATUS_COLUMNS = 'device_id, state, since, last_check, rtt_ms, loss_pct, cause';
export const STATUS_QUERY = `SELECT ${STATUS_COLUMNS} FROM device_status`;
/** Appended to a multi-row insert into device_status (same text in SQLite and PostgreSQL). */
export const STATUS_UPSERT =
  'ON CONFLICT (device_id) DO UPDATE SET state = excluded.state, since = excluded.since, ' +
  'last_check = excluded.last_check, rtt_ms = excluded.rtt_ms, loss_pct = excluded.loss_pct, ' +
  'cause = excluded.cause';
/** A status's values in STATUS_COLUMNS order. */
export const statusValues = (row: DeviceStatus) =>
  [row.deviceId, row.state, row.since, row.lastCheck, row.rttMs, row.lossPct, row.cause] as const;

type StatusRow = [
  number,
  string,
  number | string,
  number | string | null,
  number | null,
  number | null,
  string | null,
];

/** A status row read in array mode; PostgreSQL hands bigint times over as strings. */
export function statusFromRow([
  deviceId,
  state,
  since,
  lastCheck,
  rttMs,
  lossPct,
  cause,
]: StatusRow): DeviceStatus {
  return {
    deviceId,
    state: state as DeviceStatus['state'],
    since: Number(since),
    lastCheck: lastCheck === null ? null : Number(lastCheck),
    rttMs,
    lossPct,
    cause,
  };
}

export const DEVICE_QUERY =
  'SELECT id, name, host, kind, vendor, model, tower_id, parent_id, tags, enabled, notes, ' +
  'maintenance_until, maintenance_by, maintenance_reason, created_at, updated_at FROM devices ORDER BY id';

type DeviceRow = [
  number,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number | null,
  string | string[],
  number | boolean,
  string,
  number | string | null,
  string | null,
  string | null,
  number | string,
  number | string,
];

/**
 * A device row read in array mode: SQLite keeps tags as JSON text and booleans as 0/1,
 * PostgreSQL hands jsonb over parsed and bigint times as strings.
 */
export function deviceFromRow([
  id,
  name,
  host,
  kind,
  vendor,
  model,
  towerId,
  parentId,
  tags,
  enabled,
  notes,
  maintenanceUntil,
  maintenanceBy,
  maintenanceReason,
  createdAt,
  updatedAt,
]: DeviceRow): Device {
  return {
    id,
    name,
    host,
    kind: kind as Device['kind'],
    vendor,
    model,
    towerId,
    parentId,
    tags: typeof tags === 'string' ? (JSON.parse(tags) as string[]) : tags,
    enabled: Boolean(enabled),
    notes,
    maintenanceUntil: maintenanceUntil === null ? null : Number(maintenanceUntil),
    maintenanceBy,
    maintenanceReason,
    createdAt: Number(createdAt),
    updatedAt: Number(updatedAt),
  };
}
