import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PingRollup, PingSample } from '../../shared/contract/entities';
import { resolveMigrationsDir } from '../../electron/engine/store/migrations-dir';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = Date.now();
const today = now - (now % DAY);
/** The partition of a table holding one UTC day. */
const dayTable = (table: string, day: number) =>
  `${table}_${new Date(day).toISOString().slice(0, 10).replaceAll('-', '')}`;

const sample = (deviceId: number, at: number, rttMs = 5): PingSample => ({
  deviceId,
  at,
  rttMs,
  minMs: 4,
  maxMs: 6,
  jitterMs: 1,
  lossPct: 0,
  state: 'up',
});
const rollup = (deviceId: number, bucket: number, samples = 10): PingRollup => ({
  deviceId,
  bucket,
  samples,
  minMs: 4,
  avgMs: 5,
  maxMs: 6,
  lossPct: 0,
  upPct: 100,
});

let server: TestPostgres;
let dir: string;

beforeAll(async () => {
  server = await startTestPostgres();
  dir = mkdtempSync(join(tmpdir(), 'vigia-partitions-'));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Each partition of `table` with the rows it holds (empty ones included). */
async function rowsByPartition(url: string, table: string): Promise<Record<string, number>> {
  const parts = await query<{ name: string }>(
    url,
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid ` +
      `WHERE i.inhparent = '${table}'::regclass`,
  );
  const counts = await query<{ name: string; rows: string }>(
    url,
    `SELECT tableoid::regclass::text AS name, count(*) AS rows FROM ${table} GROUP BY 1`,
  );
  const found = Object.fromEntries(parts.map(({ name }) => [name, 0]));
  for (const { name, rows } of counts) found[name] = Number(rows);
  return found;
}

/** The shipped PostgreSQL migrations up to the one before partitioning. */
function migrationsBeforePartitioning(): string {
  const target = join(dir, 'before-partitioning');
  cpSync(join(resolveMigrationsDir('pg'), '..'), target, { recursive: true });
  const journalFile = join(target, 'pg', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_ping_time_partitions'));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return target;
}

async function storeWithDevice(name: string, migrationsDir?: string): Promise<[Repository, number, string]> {
  const url = await server.createDatabase(name);
  const repo = await openStore({ dialect: 'postgres', url, migrationsDir });
  const device = await repo.devices.create({ name: 'ap', host: '10.0.0.1', kind: 'sector_ap' });
  return [repo, device.id, url];
}

describe('PostgreSQL samples and rollups partitioned by day', () => {
  it("opens with today's and the next three days' partitions and routes each row to its day", async () => {
    const [repo, id, url] = await storeWithDevice('routing');
    try {
      expect(await rowsByPartition(url, 'ping_samples')).toEqual({
        ping_samples_default: 0,
        [dayTable('ping_samples', today)]: 0,
        [dayTable('ping_samples', today + DAY)]: 0,
        [dayTable('ping_samples', today + 2 * DAY)]: 0,
        [dayTable('ping_samples', today + 3 * DAY)]: 0,
      });
      // Two days back has no partition yet: the row waits in the default one.
      await repo.ping.insertSamples([sample(id, today + HOUR), sample(id, today + 2 * HOUR, 7)]);
      await repo.ping.insertSamples([sample(id, today - 2 * DAY + HOUR, 9)]);
      expect(await rowsByPartition(url, 'ping_samples')).toMatchObject({
        ping_samples_default: 1,
        [dayTable('ping_samples', today)]: 2,
      });
      await repo.ping.preparePartitions(now);
      expect(await rowsByPartition(url, 'ping_samples')).toMatchObject({
        ping_samples_default: 0,
        [dayTable('ping_samples', today - 2 * DAY)]: 1,
        [dayTable('ping_samples', today)]: 2,
      });
      // Reads and the rollups' upsert work across partitions as on one table.
      expect(await repo.ping.samples(id, today - 3 * DAY, today + DAY)).toEqual([
        sample(id, today - 2 * DAY + HOUR, 9),
        sample(id, today + HOUR),
        sample(id, today + 2 * HOUR, 7),
      ]);
      await repo.ping.upsertRollups([rollup(id, today), rollup(id, today + DAY)]);
      await repo.ping.upsertRollups([rollup(id, today, 12)]);
      expect(await repo.ping.rollups(id, today, today + DAY)).toEqual([
        rollup(id, today, 12),
        rollup(id, today + DAY),
      ]);
      expect(await rowsByPartition(url, 'ping_rollups')).toMatchObject({
        [dayTable('ping_rollups', today)]: 1,
        [dayTable('ping_rollups', today + DAY)]: 1,
      });
    } finally {
      await repo.close();
    }
  });

  it('retention drops whole past days; the cut-off day stays until it has wholly expired', async () => {
    const [repo, id, url] = await storeWithDevice('retention');
    try {
      await repo.ping.insertSamples([
        sample(id, today - 3 * DAY + HOUR),
        sample(id, today - 3 * DAY + 2 * HOUR),
        sample(id, today - 2 * DAY + HOUR),
        sample(id, today - 2 * DAY + 20 * HOUR),
        sample(id, today - DAY + HOUR),
      ]);
      await repo.ping.upsertRollups([rollup(id, today - 3 * DAY), rollup(id, today - 2 * DAY)]);
      await repo.ping.preparePartitions(now);

      // Day -3 goes whole (2 rows); day -2, cut at noon, keeps both its rows until it expires whole.
      expect(await repo.ping.deleteSamplesBefore(today - 2 * DAY + 12 * HOUR)).toBe(2);
      const samples = await rowsByPartition(url, 'ping_samples');
      expect(samples).not.toHaveProperty(dayTable('ping_samples', today - 3 * DAY));
      expect(samples).toMatchObject({
        [dayTable('ping_samples', today - 2 * DAY)]: 2,
        [dayTable('ping_samples', today - DAY)]: 1,
      });
      expect(await repo.ping.samples(id, 0, today)).toEqual([
        sample(id, today - 2 * DAY + HOUR),
        sample(id, today - 2 * DAY + 20 * HOUR),
        sample(id, today - DAY + HOUR),
      ]);
      // The next pass, a day later, takes day -2 whole.
      expect(await repo.ping.deleteSamplesBefore(today - DAY + 12 * HOUR)).toBe(2);

      expect(await repo.ping.deleteRollupsBefore(today - DAY)).toBe(2);
      const rollups = await rowsByPartition(url, 'ping_rollups');
      expect(rollups).not.toHaveProperty(dayTable('ping_rollups', today - 3 * DAY));
      expect(rollups).not.toHaveProperty(dayTable('ping_rollups', today - 2 * DAY));
    } finally {
      await repo.close();
    }
  });

  it('keeps what was stored before partitioning, in its days, and the sample ids going on', async () => {
    const [before, id, url] = await storeWithDevice('upgrade', migrationsBeforePartitioning());
    await before.ping.insertSamples([sample(id, today - DAY + HOUR), sample(id, today + HOUR, 8)]);
    await before.ping.upsertRollups([rollup(id, today - DAY)]);
    await before.close();
    const idsBefore = await query<{ id: string }>(url, 'SELECT id FROM ping_samples ORDER BY id');

    const repo = await openStore({ dialect: 'postgres', url });
    try {
      expect(await rowsByPartition(url, 'ping_samples')).toMatchObject({
        ping_samples_default: 0,
        [dayTable('ping_samples', today - DAY)]: 1,
        [dayTable('ping_samples', today)]: 1,
      });
      expect(await rowsByPartition(url, 'ping_rollups')).toMatchObject({
        ping_rollups_default: 0,
        [dayTable('ping_rollups', today - DAY)]: 1,
      });
      expect(await repo.ping.samples(id, 0, today + DAY)).toEqual([
        sample(id, today - DAY + HOUR),
        sample(id, today + HOUR, 8),
      ]);
      await repo.ping.insertSamples([sample(id, today + 2 * HOUR)]);
      const ids = (await query<{ id: string }>(url, 'SELECT id FROM ping_samples ORDER BY id')).map((row) =>
        Number(row.id),
      );
      expect(ids).toEqual([...idsBefore.map((row) => Number(row.id)), Number(idsBefore.at(-1)!.id) + 1]);
    } finally {
      await repo.close();
    }
  });
});
