// npm run bench:partitions — one retention pass (the monitor's RetentionJob: partitions made ahead,
// expired samples and rollups deleted, finished days summed into daily aggregates) on embedded
// PostgreSQL at 100,000 devices, on the day-partitioned tables (migration 0012) and, as the
// baseline in the same run, on the same rows in the tables as they were before it (row-by-row
// deletes). Scaled: each device has SAMPLES_PER_DAY raw samples and ROLLUPS_PER_DAY rollups a day
// (a device logging every 30 s keeps up to 2,880 and 288), on two days: the older one expired, the
// newer one to sum. Rows are generated inside PostgreSQL. Prints one JSON line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RetentionJob, type RetentionResult } from '../../electron/engine/monitor/retention';
import { resolveMigrationsDir } from '../../electron/engine/store/migrations-dir';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

const DEVICES = 100_000;
const SAMPLES_PER_DAY = 12;
const ROLLUPS_PER_DAY = 12;
const DAY = 86_400_000;
const now = Date.now();
const today = now - (now % DAY);
/** The expired day and the day to sum. */
const EXPIRED = today - 3 * DAY;
const YESTERDAY = today - DAY;

/** The shipped PostgreSQL migrations up to the one before partitioning. */
function migrationsBeforePartitioning(dir: string): string {
  cpSync(join(resolveMigrationsDir('pg'), '..'), dir, { recursive: true });
  const journalFile = join(dir, 'pg', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_ping_time_partitions'));
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** The devices, and each one's samples and rollups spread over `day`, written by PostgreSQL itself. */
async function fill(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO devices (name, host, kind, created_at, updated_at)
       SELECT 'ap ' || g, '10.' || (g >> 16) || '.' || ((g >> 8) & 255) || '.' || (g & 255), 'sector_ap', 0, 0
       FROM generate_series(1, ${DEVICES}) g`,
    );
    for (const day of [EXPIRED, YESTERDAY]) {
      await client.query(
        `INSERT INTO ping_samples (device_id, at, rtt_ms, min_ms, max_ms, jitter_ms, loss_pct, state)
         SELECT d, ${day} + k * ${DAY / SAMPLES_PER_DAY} + d % 1000, 5, 4, 6, 1, 0, 'up'
         FROM generate_series(1, ${DEVICES}) d, generate_series(0, ${SAMPLES_PER_DAY - 1}) k`,
      );
      await client.query(
        `INSERT INTO ping_rollups (device_id, bucket, samples, min_ms, avg_ms, max_ms, loss_pct, up_pct)
         SELECT d, ${day} + k * ${DAY / ROLLUPS_PER_DAY}, 10, 4, 5, 6, 0, 100
         FROM generate_series(1, ${DEVICES}) d, generate_series(0, ${ROLLUPS_PER_DAY - 1}) k`,
      );
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** The pass's steps: where its time goes (the expired days' removal apart from the days' sums). */
const STEPS = [
  ['ping', 'preparePartitions'],
  ['ping', 'deleteSamplesBefore'],
  ['history', 'rollUpDays'],
  ['ping', 'deleteRollupsBefore'],
  ['history', 'deleteDailyBefore'],
  ['history', 'deleteStateChangesBefore'],
] as const;

/** Wraps the steps of `repo` so each one's seconds are added to `into`. */
function timeSteps(repo: Repository, into: Record<string, number>): void {
  for (const [part, step] of STEPS) {
    const owner = repo[part] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = owner[step]!.bind(owner);
    owner[step] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        into[step] = Number(((into[step] ?? 0) + (performance.now() - started) / 1000).toFixed(2));
      }
    };
  }
}

/** Seconds of one retention pass over the filled store, each step's, and what it removed and summed. */
async function pass(
  url: string,
  migrationsDir: string | undefined,
): Promise<{ pass_s: number; steps_s: Record<string, number>; result: RetentionResult }> {
  const repo = await openStore({ dialect: 'postgres', url, migrationsDir });
  const steps_s: Record<string, number> = {};
  try {
    // The days' partitions exist before their rows, as the daily passes before this one made them.
    await repo.ping.preparePartitions(EXPIRED);
    await fill(url);
    const rule = { samplesMs: 2 * DAY, rollupsMs: 2 * DAY, historyMs: 1_095 * DAY, everyMs: DAY };
    const job = new RetentionJob(
      repo,
      () => now,
      () => rule,
      (error) => {
        throw error;
      },
    );
    timeSteps(repo, steps_s);
    const started = performance.now();
    const result = await job.run();
    return { pass_s: Number(((performance.now() - started) / 1000).toFixed(2)), steps_s, result };
  } finally {
    await repo.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-partitions-'));
  let server: TestPostgres | null = null;
  try {
    server = await startTestPostgres();
    const partitioned = await pass(await server.createDatabase('partitioned'), undefined);
    const unpartitioned = await pass(
      await server.createDatabase('unpartitioned'),
      migrationsBeforePartitioning(join(dir, 'migrations')),
    );
    process.stdout.write(
      JSON.stringify({
        devices: DEVICES,
        samples_per_device_day: SAMPLES_PER_DAY,
        rollups_per_device_day: ROLLUPS_PER_DAY,
        days: 2,
        partitioned,
        unpartitioned,
        ratio: Number((partitioned.pass_s / unpartitioned.pass_s).toFixed(2)),
      }) + '\n',
    );
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
