import type pg from 'pg';

const DAY_MS = 86_400_000;
/** Days of partitions kept ready past today, so a day's first samples never wait on one. */
const DAYS_AHEAD = 3;
/** Any fixed number: workstations sharing the server create a partition once, not twice. */
const PARTITION_LOCK_KEY = 0x5649_4750;

/** The tables partitioned by day (migration 0012), each by its time column. */
export const PARTITIONED = { ping_samples: 'at', ping_rollups: 'bucket' } as const;
export type PartitionedTable = keyof typeof PARTITIONED;

/** PostgreSQL's daily partitions of the sample tables: made ahead of time, dropped whole. */
export interface TimePartitions {
  /**
   * Creates the partitions of today and the next days, and of every day whose rows sit in the
   * default partition (written while no partition was ready, or kept from before partitioning):
   * they move into their day's partition.
   */
  prepare(now: number): Promise<void>;
  /**
   * Removes what expired before `at`: each day wholly before it as a whole partition, and the
   * default partition's older rows. The cut-off day's rows stay until their whole day has
   * expired (at most a day past the retention): deleting most of a day's rows one by one at every
   * pass would cost what partitioning saves. Returns about how many rows went (a dropped day
   * counts as the planner's estimate of its rows: counting them exactly reads the whole day), or
   * null when the table is not partitioned (a schema from before it): the caller deletes by row.
   */
  expireBefore(table: PartitionedTable, at: number): Promise<number | null>;
}

const dayName = (table: PartitionedTable, day: number): string =>
  `${table}_${new Date(day).toISOString().slice(0, 10).replaceAll('-', '')}`;

/** The day a partition holds, from its name, or null for the default partition. */
function dayOf(table: PartitionedTable, name: string): number | null {
  const match = new RegExp(`^${table}_(\\d{4})(\\d{2})(\\d{2})$`).exec(name);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function partitionsOf(db: pg.Pool | pg.PoolClient, table: PartitionedTable): Promise<Set<string>> {
  const result = await db.query<{ name: string }>(
    'SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid ' +
      'WHERE i.inhparent = $1::regclass',
    [table],
  );
  return new Set(result.rows.map((row) => row.name));
}

async function isPartitioned(pool: pg.Pool, table: PartitionedTable): Promise<boolean> {
  const result = await pool.query("SELECT 1 FROM pg_class WHERE oid = to_regclass($1) AND relkind = 'p'", [
    table,
  ]);
  return result.rowCount === 1;
}

/**
 * One day's partition. Rows of that day already in the default partition move into it first, so
 * attaching it never fails on them; built beside the table and attached, under a lock that makes
 * workstations sharing the server take turns.
 */
async function createDay(pool: pg.Pool, table: PartitionedTable, day: number): Promise<void> {
  const column = PARTITIONED[table];
  const name = dayName(table, day);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK_KEY]);
    if ((await partitionsOf(client, table)).has(name)) return;
    await client.query(`CREATE TABLE "${name}" (LIKE "${table}" INCLUDING DEFAULTS)`);
    await client.query(
      `WITH moved AS (DELETE FROM "${table}_default" WHERE "${column}" >= $1 AND "${column}" < $2 RETURNING *) ` +
        `INSERT INTO "${name}" SELECT * FROM moved`,
      [day, day + DAY_MS],
    );
    await client.query(
      `ALTER TABLE "${table}" ATTACH PARTITION "${name}" FOR VALUES FROM (${day}) TO (${day + DAY_MS})`,
    );
  });
}

/**
 * The rows a partition holds as the planner last estimated them (autovacuum analyses a day
 * that filled up); counted only when it was never analysed, which a small day never is.
 */
async function rowsHeld(client: pg.PoolClient, name: string): Promise<number> {
  const estimate = await client.query<{ rows: number }>(
    'SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = $1::regclass',
    [`"${name}"`],
  );
  const rows = estimate.rows[0]?.rows ?? -1;
  if (rows >= 0) return Math.round(rows);
  const counted = await client.query<{ rows: string }>(`SELECT count(*) AS rows FROM "${name}"`);
  return Number(counted.rows[0]!.rows);
}

export function pgTimePartitions(pool: pg.Pool): TimePartitions {
  return {
    async prepare(now) {
      const today = now - (now % DAY_MS);
      for (const table of Object.keys(PARTITIONED) as PartitionedTable[]) {
        // A schema from before partitioning (an older migration set) has nothing to prepare.
        if (!(await isPartitioned(pool, table))) continue;
        const column = PARTITIONED[table];
        const existing = await partitionsOf(pool, table);
        const stranded = await pool.query<{ day: string }>(
          `SELECT DISTINCT "${column}" - "${column}" % ${DAY_MS} AS day FROM "${table}_default"`,
        );
        const days = new Set(stranded.rows.map((row) => Number(row.day)));
        for (let ahead = 0; ahead <= DAYS_AHEAD; ahead++) days.add(today + ahead * DAY_MS);
        for (const day of [...days].sort((a, b) => a - b))
          if (!existing.has(dayName(table, day))) await createDay(pool, table, day);
      }
    },
    async expireBefore(table, at) {
      if (!(await isPartitioned(pool, table))) return null;
      let rows = 0;
      for (const name of await partitionsOf(pool, table)) {
        const day = dayOf(table, name);
        if (day === null || day + DAY_MS > at) continue;
        rows += await inTransaction(pool, async (client) => {
          const held = await rowsHeld(client, name);
          await client.query(`DROP TABLE "${name}"`);
          return held;
        });
      }
      const stranded = await pool.query(`DELETE FROM "${table}_default" WHERE "${PARTITIONED[table]}" < $1`, [
        at,
      ]);
      return rows + (stranded.rowCount ?? 0);
    },
  };
}
