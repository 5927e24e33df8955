// npm run bench:reports — one month's SLA report for 10,000 devices on SQLite, timed against a
// plain SQL count of the same state-change rows in the same run. Prints one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, count, gte, lt } from 'drizzle-orm';
import type { DeviceInput, DeviceStatus, Tower } from '../../shared/contract/entities';
import { availabilityReport } from '../../electron/engine/reports/report-service';
import { openStore } from '../../electron/engine/store/open-store';
import { DAY_MS } from '../../electron/engine/store/repo/history';
import { openSqlite } from '../../electron/engine/store/sqlite-dialect';

const DEVICES = 10_000;
const RUNS = 5;
const from = Date.UTC(2026, 9, 1);
const to = Date.UTC(2026, 10, 1);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-reports-'));
  const file = join(dir, 'bench.db');
  try {
    const repo = await openStore({ dialect: 'sqlite', file });
    const towers: Tower[] = [];
    for (let i = 0; i < 100; i++)
      towers.push(await repo.towers.create({ name: `T${i}`, code: `T${i}`, latitude: 0, longitude: 0 }));
    const inputs: DeviceInput[] = Array.from({ length: DEVICES }, (_, i) => ({
      name: `D${i}`,
      host: `10.${Math.floor(i / 65_536)}.${Math.floor(i / 256) % 256}.${i % 256}`,
      kind: 'cpe',
      towerId: towers[i % towers.length]!.id,
      tags: [`plan-${i % 5}`],
    }));
    const devices = await repo.devices.createMany(inputs);
    // Up since before the month; two outages each (one behind its tower), a maintenance for a tenth.
    const changes: DeviceStatus[] = [];
    const status = (
      deviceId: number,
      since: number,
      state: DeviceStatus['state'],
      cause: string | null = null,
    ) => changes.push({ deviceId, since, state, cause, lastCheck: since, rttMs: null, lossPct: null });
    for (const [i, device] of devices.entries()) {
      status(device.id, from - 10 * DAY_MS, 'up');
      const a = from + (i % 28) * DAY_MS + 3_600_000;
      status(device.id, a, 'down');
      status(device.id, a + 30 * 60_000, 'up');
      status(device.id, a + 2 * DAY_MS, 'unreachable', `tower:${device.towerId}`);
      status(device.id, a + 2 * DAY_MS + 600_000, 'up');
      if (i % 10 === 0) {
        status(device.id, a + 3 * DAY_MS, 'maintenance');
        status(device.id, a + 3 * DAY_MS + 7_200_000, 'up');
      }
    }
    for (let i = 0; i < changes.length; i += 5_000)
      await repo.history.recordStateChanges(changes.slice(i, i + 5_000));

    const reportMs: number[] = [];
    let incidents = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const report = await availabilityReport(repo, { from, to, groupBy: 'tower' }, to + DAY_MS);
      reportMs.push(performance.now() - start);
      incidents = report.incidentsTotal;
    }
    await repo.close();

    // The peer: the same rows counted by plain SQL through the same driver.
    const dialect = await openSqlite(file);
    const table = dialect.tables.deviceStateChanges;
    const countMs: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const [result] = await dialect.db
        .select({ rows: count() })
        .from(table)
        .where(and(gte(table.at, from - 10 * DAY_MS), lt(table.at, to)));
      countMs.push(performance.now() - start);
      rows = result!.rows;
    }
    await dialect.close();
    const report = median(reportMs);
    const sqlCount = median(countMs);
    console.log(
      JSON.stringify({
        dialect: 'sqlite',
        devices: DEVICES,
        state_changes: rows,
        incidents,
        report_ms: Math.round(report),
        sql_count_ms: Math.round(sqlCount * 100) / 100,
        ratio: Math.round((report / sqlCount) * 10) / 10,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
