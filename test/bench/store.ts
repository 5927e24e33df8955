// npm run bench:store — ping samples inserted per second through the repository against raw batch
// inserts on the same schema in the same run (goal ratio ≥ 0.7), and the p95 latency of "current
// state of all devices" with 10,000 devices (goal ≤ 20 ms on SQLite): against the same read done
// directly with the driver in the same run (status_ratio, goal ≤ 1.5), cold (the first read after
// opening the store) and while a writer stores statuses and samples as the engine's cycles do. On
// SQLite and PostgreSQL. Progress goes to stderr; stdout is one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DeviceInput, DeviceStatus, PingSample } from '../../shared/contract/entities';
import { openStore, type StoreConfig } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres } from '../helpers/postgres';

const DEVICES = 10_000;
const SAMPLES = 200_000;
const BATCH = 10_000;
const STATUS_READS = 100;
const STATUS_WARMUP = 10;

const log = (message: string) => process.stderr.write(`${message}\n`);

async function seed(repo: Repository): Promise<number[]> {
  const inputs: DeviceInput[] = Array.from({ length: DEVICES }, (_, i) => ({
    name: `dev ${i}`,
    host: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
    kind: 'cpe',
  }));
  const devices = await repo.devices.createMany(inputs);
  const at = Date.now();
  const statuses: DeviceStatus[] = devices.map((device, i) => ({
    deviceId: device.id,
    state: i % 50 === 0 ? 'down' : 'up',
    since: at,
    lastCheck: at,
    rttMs: 3 + (i % 40),
    lossPct: 0,
    cause: null,
  }));
  await repo.status.upsertMany(statuses);
  return devices.map((device) => device.id);
}

function samples(ids: number[], offset: number): PingSample[] {
  return Array.from({ length: SAMPLES }, (_, i) => ({
    deviceId: ids[i % ids.length]!,
    at: offset + i,
    rttMs: 5.5,
    minMs: 4.1,
    maxMs: 7.2,
    jitterMs: 0.4,
    lossPct: 0,
    state: 'up' as const,
  }));
}

const rowsPerSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

type InsertBatch = (rows: PingSample[]) => Promise<void> | void;

/**
 * Repository batches and raw batches take turns, so both write into the same table at the same
 * size and under the same machine load: running one after the other favours whichever goes first.
 */
async function compareInserts(ids: number[], viaRepo: InsertBatch, viaRaw: InsertBatch) {
  const repoRows = samples(ids, 1_000_000);
  const rawRows = samples(ids, 5_000_000);
  const elapsed = { repo: 0, raw: 0 };
  const timed = async (path: keyof typeof elapsed, insert: InsertBatch, rows: PingSample[]) => {
    const started = performance.now();
    await insert(rows);
    elapsed[path] += performance.now() - started;
  };
  for (let i = 0; i < SAMPLES; i += BATCH) {
    const turn = [
      () => timed('repo', viaRepo, repoRows.slice(i, i + BATCH)),
      () => timed('raw', viaRaw, rawRows.slice(i, i + BATCH)),
    ];
    // Who goes first alternates too: a checkpoint falls on whichever commit crosses the threshold.
    if ((i / BATCH) % 2 === 1) turn.reverse();
    for (const run of turn) await run();
  }
  const repo = rowsPerSecond(SAMPLES, elapsed.repo);
  const raw = rowsPerSecond(SAMPLES, elapsed.raw);
  return { insert_ratio: Number((repo / raw).toFixed(2)), repo_rows_per_s: repo, raw_rows_per_s: raw };
}

type StatusRead = () => Promise<unknown[]> | unknown[];

const p95 = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2));
};

async function timedRead(read: StatusRead): Promise<number> {
  const started = performance.now();
  const all = await read();
  const ms = performance.now() - started;
  if (all.length !== DEVICES) throw new Error(`expected ${DEVICES} statuses, got ${all.length}`);
  return ms;
}

/** The repository's read and the driver's own take turns, so both meet the same machine load. */
async function compareStatusReads(viaRepo: StatusRead, viaRaw: StatusRead) {
  for (let i = 0; i < STATUS_WARMUP; i++) {
    await viaRepo();
    await viaRaw();
  }
  const times = { repo: [] as number[], raw: [] as number[] };
  for (let i = 0; i < STATUS_READS; i++) {
    const turn = [
      async () => times.repo.push(await timedRead(viaRepo)),
      async () => times.raw.push(await timedRead(viaRaw)),
    ];
    if (i % 2 === 1) turn.reverse();
    for (const run of turn) await run();
  }
  const repo = p95(times.repo);
  const raw = p95(times.raw);
  return { status_p95_ms: repo, status_raw_p95_ms: raw, status_ratio: Number((repo / raw).toFixed(2)) };
}

/** The first read of a store just opened: no statement prepared, no page cached, no connection. */
async function coldRead(open: () => Promise<Repository>): Promise<number> {
  const repo = await open();
  try {
    return Number((await timedRead(() => repo.status.all())).toFixed(2));
  } finally {
    await repo.close();
  }
}

/**
 * The read while the engine writes: a writer stores a cycle's worth of statuses and samples
 * through the same repository, back to back, while the reads are timed from call to answer.
 */
async function statusP95WithWriter(repo: Repository, ids: number[]): Promise<number> {
  let writing = true;
  const writer = (async () => {
    for (let cycle = 0; writing; cycle++) {
      const at = Date.now();
      await Promise.all([
        repo.status.upsertMany(
          ids.map((deviceId, i) => ({
            deviceId,
            state: (i + cycle) % 50 === 0 ? 'down' : 'up',
            since: at,
            lastCheck: at,
            rttMs: 3 + ((i + cycle) % 40),
            lossPct: 0,
            cause: null,
          })),
        ),
        repo.ping.insertSamples(samples(ids, 9_000_000 + cycle * SAMPLES).slice(0, ids.length)),
      ]);
    }
  })();
  const times: number[] = [];
  try {
    for (let i = 0; i < STATUS_READS; i++) {
      times.push(await timedRead(() => repo.status.all()));
      // A turn for the writer between reads, as the engine's other work gets.
      await new Promise((next) => setImmediate(next));
    }
  } finally {
    writing = false;
    await writer;
  }
  return p95(times);
}

async function benchSqlite(dir: string) {
  const file = join(dir, 'bench.db');
  const seeded = await openStore({ dialect: 'sqlite', file });
  const ids = await seed(seeded);
  await seeded.close();
  const statusCold = await coldRead(() => openStore({ dialect: 'sqlite', file }));
  const repo = await openStore({ dialect: 'sqlite', file });

  // The baseline: hand-written prepared statements on a connection of its own to the same file.
  const raw = new Database(file);
  raw.pragma('synchronous = NORMAL');
  const rawStatuses = raw.prepare(
    'SELECT device_id, state, since, last_check, rtt_ms, loss_pct, cause FROM device_status',
  );
  const reads = await compareStatusReads(
    () => repo.status.all(),
    () => rawStatuses.all(),
  );
  const withWriter = await statusP95WithWriter(repo, ids);
  const insert = raw.prepare(
    'INSERT INTO ping_samples (device_id, at, rtt_ms, min_ms, max_ms, jitter_ms, loss_pct, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rawBatch = raw.transaction((rows: PingSample[]) => {
    for (const row of rows)
      insert.run(row.deviceId, row.at, row.rttMs, row.minMs, row.maxMs, row.jitterMs, row.lossPct, row.state);
  });
  const inserts = await compareInserts(ids, (rows) => repo.ping.insertSamples(rows), rawBatch);
  raw.close();
  await repo.close();
  return { ...inserts, ...reads, status_cold_ms: statusCold, status_p95_with_writer_ms: withWriter };
}

async function benchPostgres() {
  const server = await startTestPostgres();
  try {
    const config: StoreConfig = { dialect: 'postgres', url: server.url };
    const seeded = await openStore(config);
    const ids = await seed(seeded);
    await seeded.close();
    const statusCold = await coldRead(() => openStore(config));
    const repo = await openStore(config);

    // The baseline: hand-written statements on one connection of its own.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const reads = await compareStatusReads(
      () => repo.status.all(),
      async () =>
        (
          await client.query(
            'SELECT device_id, state, since, last_check, rtt_ms, loss_pct, cause FROM device_status',
          )
        ).rows,
    );
    const withWriter = await statusP95WithWriter(repo, ids);
    const perStatement = Math.floor(65_535 / 8);
    const rawBatch = async (batch: PingSample[]) => {
      await client.query('BEGIN');
      for (let j = 0; j < batch.length; j += perStatement) {
        const chunk = batch.slice(j, j + perStatement);
        const values: unknown[] = [];
        const tuples = chunk.map((row, k) => {
          values.push(
            row.deviceId,
            row.at,
            row.rttMs,
            row.minMs,
            row.maxMs,
            row.jitterMs,
            row.lossPct,
            row.state,
          );
          return `(${Array.from({ length: 8 }, (_, c) => `$${k * 8 + c + 1}`).join(',')})`;
        });
        await client.query(
          `INSERT INTO ping_samples (device_id, at, rtt_ms, min_ms, max_ms, jitter_ms, loss_pct, state) VALUES ${tuples.join(',')}`,
          values,
        );
      }
      await client.query('COMMIT');
    };
    const inserts = await compareInserts(ids, (rows) => repo.ping.insertSamples(rows), rawBatch);
    await client.end();
    await repo.close();
    return { ...inserts, ...reads, status_cold_ms: statusCold, status_p95_with_writer_ms: withWriter };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-store-'));
  try {
    log('SQLite…');
    const sqlite = await benchSqlite(dir);
    log('PostgreSQL…');
    const postgres = await benchPostgres();
    process.stdout.write(`${JSON.stringify({ devices: DEVICES, samples: SAMPLES, sqlite, postgres })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
