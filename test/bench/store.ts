// npm run bench:store — ping samples inserted per second through the repository against raw batch
// inserts on the same schema in the same run (goal ratio ≥ 0.7), and the p95 latency of "current
// state of all devices" with 10,000 devices (goal ≤ 20 ms on SQLite); on SQLite and PostgreSQL.
// Progress goes to stderr; stdout is one JSON line.
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

async function repositoryInserts(repo: Repository, rows: PingSample[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) await repo.ping.insertSamples(rows.slice(i, i + BATCH));
  return rowsPerSecond(rows.length, performance.now() - started);
}

async function statusP95(repo: Repository): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < STATUS_READS; i++) {
    const started = performance.now();
    const all = await repo.status.all();
    times.push(performance.now() - started);
    if (all.length !== DEVICES) throw new Error(`expected ${DEVICES} statuses, got ${all.length}`);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length * 0.95)]!.toFixed(2));
}

async function benchSqlite(dir: string) {
  const file = join(dir, 'bench.db');
  const repo = await openStore({ dialect: 'sqlite', file });
  const ids = await seed(repo);
  const p95 = await statusP95(repo);
  const viaRepo = await repositoryInserts(repo, samples(ids, 1_000_000));
  await repo.close();

  // The same rows on the same schema, as a hand-written prepared statement in one transaction per batch.
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = raw.prepare(
    'INSERT INTO ping_samples (device_id, at, rtt_ms, min_ms, max_ms, jitter_ms, loss_pct, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = raw.transaction((rows: PingSample[]) => {
    for (const row of rows)
      insert.run(row.deviceId, row.at, row.rttMs, row.minMs, row.maxMs, row.jitterMs, row.lossPct, row.state);
  });
  const rows = samples(ids, 5_000_000);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
  const viaRaw = rowsPerSecond(rows.length, performance.now() - started);
  raw.close();
  return {
    insert_ratio: Number((viaRepo / viaRaw).toFixed(2)),
    status_p95_ms: p95,
    repo_rows_per_s: viaRepo,
    raw_rows_per_s: viaRaw,
  };
}

async function benchPostgres() {
  const server = await startTestPostgres();
  try {
    const config: StoreConfig = { dialect: 'postgres', url: server.url };
    const repo = await openStore(config);
    const ids = await seed(repo);
    const p95 = await statusP95(repo);
    const viaRepo = await repositoryInserts(repo, samples(ids, 1_000_000));
    await repo.close();

    // Hand-written multi-row INSERTs on one connection, one transaction per batch.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const rows = samples(ids, 5_000_000);
    const perStatement = Math.floor(65_535 / 8);
    const started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      await client.query('BEGIN');
      const slice = rows.slice(i, i + BATCH);
      for (let j = 0; j < slice.length; j += perStatement) {
        const chunk = slice.slice(j, j + perStatement);
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
    }
    const viaRaw = rowsPerSecond(rows.length, performance.now() - started);
    await client.end();
    return {
      insert_ratio: Number((viaRepo / viaRaw).toFixed(2)),
      status_p95_ms: p95,
      repo_rows_per_s: viaRepo,
      raw_rows_per_s: viaRaw,
    };
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
