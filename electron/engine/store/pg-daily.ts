import type pg from 'pg';

const DAY_MS = 86_400_000;

/** A round trip stored as storedMs rounds it (shared/domain/monitor/precision.ts), in SQL. */
const storedMs = (column: string) =>
  `(CASE WHEN ${column} >= 10 THEN round(${column}::numeric) ELSE round(${column}::numeric, 1) END)::float8`;

/**
 * The days' rollups of these devices summed into daily aggregates inside the server, weighted by
 * their counted checks and rounded as the engine rounds them (history.ts's rollUpDays on SQLite):
 * at 100,000 devices a week of rollups is millions of rows, which read into the engine and
 * written back took minutes of a retention pass. Returns the daily rows written.
 */
export async function sumDaysInServer(
  pool: pg.Pool,
  from: number,
  to: number,
  deviceIds: number[],
): Promise<number> {
  const result = await pool.query(
    `INSERT INTO ping_daily (device_id, day, samples, min_ms, avg_ms, max_ms, loss_pct, up_pct)
     SELECT device_id, day, samples, ${storedMs('min_ms')}, ${storedMs('avg_ms')}, ${storedMs('max_ms')},
       round(loss::numeric, 2)::float8, round(up::numeric, 2)::float8
     FROM (
       SELECT device_id, (bucket / ${DAY_MS}) * ${DAY_MS} AS day, sum(samples) AS samples,
         min(min_ms) AS min_ms, max(max_ms) AS max_ms,
         sum(avg_ms * samples) / nullif(sum(CASE WHEN avg_ms IS NULL THEN 0 ELSE samples END), 0) AS avg_ms,
         sum(loss_pct * samples) / sum(samples) AS loss, sum(up_pct * samples) / sum(samples) AS up
       FROM ping_rollups
       WHERE device_id = ANY($1::int[]) AND bucket >= $2 AND bucket < $3 AND samples > 0
       GROUP BY device_id, bucket / ${DAY_MS}
     ) summed
     ON CONFLICT (device_id, day) DO UPDATE SET samples = excluded.samples, min_ms = excluded.min_ms,
       avg_ms = excluded.avg_ms, max_ms = excluded.max_ms, loss_pct = excluded.loss_pct,
       up_pct = excluded.up_pct`,
    [deviceIds, from - (from % DAY_MS), to],
  );
  return result.rowCount ?? 0;
}
