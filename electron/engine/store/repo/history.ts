import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DeviceStatus, PingRollup } from '../../../../shared/contract/entities';
import { storedMs } from '../../../../shared/domain/monitor/precision';
import type { StateChange } from '../../../../shared/domain/reports/availability';
import { chunksFor, writeInSlices } from '../writer';
import type { StoreDialect } from '../dialect';
import type { RepoContext } from './context';
import { forDeviceBatches } from './per-device';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface DeviceStateChange extends StateChange {
  deviceId: number;
}

/** Long history: the daily aggregates behind the 3-year charts, and the state changes behind SLA reports. */
export interface HistoryRepository {
  /** A device's five-minute rollups summed per hour (the 1-year chart). */
  hourly(deviceId: number, from: number, to: number): Promise<PingRollup[]>;
  /** A device's daily aggregates (the 3-year chart). */
  daily(deviceId: number, from: number, to: number): Promise<PingRollup[]>;
  /** Rebuilds the daily aggregates of the UTC days in [from, to) from the rollups; returns the rows written. */
  rollUpDays(from: number, to: number): Promise<number>;
  deleteDailyBefore(at: number): Promise<number>;
  /** Records statuses that opened a new state (their `since`); a status seen before is skipped. */
  recordStateChanges(statuses: readonly DeviceStatus[]): Promise<void>;
  /** Every device's changes in [from, to), by device then time. */
  stateChanges(from: number, to: number): Promise<DeviceStateChange[]>;
  /** Each device's last change before `at`: the state a report's range opens with. */
  statesBefore(at: number): Promise<DeviceStateChange[]>;
  /** Changes older than `at` go, except each device's last one before it (its state at `at`). */
  deleteStateChangesBefore(at: number): Promise<number>;
}

const ROLLUP_COLUMNS = 8;
/**
 * A whole network changing state at once is 10,000 changes: as one statement of thousands of rows
 * the query builder alone holds the engine's event loop for tens of milliseconds, so the rows go
 * in short statements (well under any dialect's parameter limit) with a turn between them.
 */
const CHANGES_PER_STATEMENT = 500;

/**
 * Appends the statuses that opened a new state to the state history. Not queued itself: the
 * status writer calls it inside its own write; others go through `recordStateChanges`.
 */
export type StateChangeRecorder = (statuses: readonly DeviceStatus[]) => Promise<void>;

export function stateChangeRecorder(dialect: StoreDialect): StateChangeRecorder {
  const table = dialect.tables.deviceStateChanges;
  // Devices already recorded with this `since`: most statuses a cycle writes carry a sample, not a change.
  const recorded = new Map<number, number>();
  return async (statuses) => {
    const fresh = statuses
      .filter((status) => recorded.get(status.deviceId) !== status.since)
      .map(({ deviceId, since, state, cause }) => ({ deviceId, at: since, state, cause }));
    await writeInSlices(fresh, CHANGES_PER_STATEMENT, async (slice) => {
      await dialect.db.insert(table).values(slice).onConflictDoNothing();
    });
    for (const change of fresh) recorded.set(change.deviceId, change.at);
  };
}

export function historyRepository(
  { dialect, writer }: RepoContext,
  recordChanges: StateChangeRecorder,
): HistoryRepository {
  const { db, tables } = dialect;
  const r = tables.pingRollups;
  const d = tables.pingDaily;
  const c = tables.deviceStateChanges;

  /** Five-minute rollups summed into buckets of `bucketMs`, weighted by their counted checks. */
  const aggregated = (size: SQL) => ({
    deviceId: r.deviceId,
    bucket: sql<number>`(${r.bucket} / ${size}) * ${size}`.mapWith(Number),
    samples: sql<number>`sum(${r.samples})`.mapWith(Number),
    minMs: sql<number | null>`min(${r.minMs})`.mapWith((value) => (value === null ? null : Number(value))),
    avgMs: sql<
      number | null
    >`sum(${r.avgMs} * ${r.samples}) / nullif(sum(case when ${r.avgMs} is null then 0 else ${r.samples} end), 0)`.mapWith(
      (value) => (value === null ? null : Number(value)),
    ),
    maxMs: sql<number | null>`max(${r.maxMs})`.mapWith((value) => (value === null ? null : Number(value))),
    lossPct: sql<number>`sum(${r.lossPct} * ${r.samples}) / sum(${r.samples})`.mapWith(Number),
    upPct: sql<number>`sum(${r.upPct} * ${r.samples}) / sum(${r.samples})`.mapWith(Number),
  });
  const rounded = (row: PingRollup): PingRollup => ({
    ...row,
    minMs: storedMs(row.minMs),
    avgMs: storedMs(row.avgMs),
    maxMs: storedMs(row.maxMs),
    // A day's 1 % is a quarter of an hour: kept to hundredths.
    lossPct: Math.round(row.lossPct * 100) / 100,
    upPct: Math.round(row.upPct * 100) / 100,
  });
  const summed = (bucketMs: number, from: number, to: number, deviceIds: number[]) => {
    // Inlined, not bound: PostgreSQL matches the grouped expression by its text.
    const size = sql.raw(String(Math.trunc(bucketMs)));
    return db
      .select(aggregated(size))
      .from(r)
      .where(
        and(inArray(r.deviceId, deviceIds), gte(r.bucket, from), lt(r.bucket, to), sql`${r.samples} > 0`),
      )
      .groupBy(r.deviceId, sql`${r.bucket} / ${size}`)
      .orderBy(asc(sql`${r.bucket} / ${size}`));
  };

  return {
    hourly: async (deviceId, from, to) => (await summed(HOUR_MS, from, to, [deviceId])).map(rounded),
    daily: (deviceId, from, to) =>
      db
        .select({
          deviceId: d.deviceId,
          bucket: d.day,
          samples: d.samples,
          minMs: d.minMs,
          avgMs: d.avgMs,
          maxMs: d.maxMs,
          lossPct: d.lossPct,
          upPct: d.upPct,
        })
        .from(d)
        .where(and(eq(d.deviceId, deviceId), gte(d.day, from), lt(d.day, to)))
        .orderBy(asc(d.day)),
    // A batch of devices at a time: a week of 10,000 devices' rollups is millions of rows to sum.
    rollUpDays: (from, to) =>
      forDeviceBatches(dialect, writer, async (deviceIds) => {
        if (dialect.sumDays) return dialect.sumDays(from, to, deviceIds);
        const rows = (await summed(DAY_MS, from - (from % DAY_MS), to, deviceIds)).map(rounded);
        for (const chunk of chunksFor(rows, ROLLUP_COLUMNS, dialect.maxParams))
          await db
            .insert(d)
            .values(chunk.map(({ bucket, ...row }) => ({ ...row, day: bucket })))
            .onConflictDoUpdate({
              target: [d.deviceId, d.day],
              set: {
                samples: sql`excluded.samples`,
                minMs: sql`excluded.min_ms`,
                avgMs: sql`excluded.avg_ms`,
                maxMs: sql`excluded.max_ms`,
                lossPct: sql`excluded.loss_pct`,
                upPct: sql`excluded.up_pct`,
              },
            });
        return rows.length;
      }),
    deleteDailyBefore: (at) =>
      forDeviceBatches(
        dialect,
        writer,
        async (deviceIds) =>
          (
            await db
              .delete(d)
              .where(and(inArray(d.deviceId, deviceIds), lt(d.day, at)))
              .returning({ day: d.day })
          ).length,
      ),
    recordStateChanges: (statuses) => writer.run(() => recordChanges(statuses)),
    stateChanges: (from, to) =>
      db
        .select({ deviceId: c.deviceId, at: c.at, state: c.state, cause: c.cause })
        .from(c)
        .where(and(gte(c.at, from), lt(c.at, to)))
        .orderBy(asc(c.deviceId), asc(c.at)),
    statesBefore: async (at) => {
      const last = db
        .select({ deviceId: c.deviceId, at: sql<number>`max(${c.at})`.as('last_at') })
        .from(c)
        .where(lt(c.at, at))
        .groupBy(c.deviceId)
        .as('last');
      return db
        .select({ deviceId: c.deviceId, at: c.at, state: c.state, cause: c.cause })
        .from(c)
        .innerJoin(last, and(eq(last.deviceId, c.deviceId), eq(last.at, c.at)));
    },
    deleteStateChangesBefore: (at) =>
      forDeviceBatches(
        dialect,
        writer,
        async (deviceIds) =>
          (
            await db
              .delete(c)
              .where(
                and(
                  inArray(c.deviceId, deviceIds),
                  sql`device_state_changes.at < (select max(kept.at) from device_state_changes kept
                    where kept.device_id = device_state_changes.device_id and kept.at <= ${at})`,
                ),
              )
              .returning({ at: c.at })
          ).length,
      ),
  };
}
