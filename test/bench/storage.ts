// npm run bench:storage — bytes a day of ICMP monitoring costs on SQLite: 1,000 devices checked
// every 30 s for one simulated day (fake clock, realistic mix), smart logging and 5-minute rollups
// on, file growth measured after a WAL checkpoint. One JSON line.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventBus } from '../../electron/engine/event-bus';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { openStore } from '../../electron/engine/store/open-store';
import { RealisticDayTransport, seedDevices } from './bench-network';

const DEVICES = 1_000;
const INTERVAL_MS = 30_000;
const DAY_MS = 86_400_000;
const BUDGET_MB = 25;

function checkpointedSize(file: string): number {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const wal = `${file}-wal`;
  return statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-storage-'));
  const file = join(dir, 'vigia.db');
  try {
    const repo = await openStore({ dialect: 'sqlite', file });
    const ids = await seedDevices(repo, DEVICES);
    const dayStart = Date.UTC(2026, 0, 5, 3);
    const clock = { t: dayStart, now: () => clock.t };
    const transport = new RealisticDayTransport(ids, clock, dayStart, {
      ids: ids.slice(0, 20),
      from: dayStart + 14 * 3_600_000,
      to: dayStart + 14 * 3_600_000 + 20 * 60_000,
    });
    const bus = new EventBus();
    const alarms = await AlarmService.load({ repo, bus, now: clock.now });
    const inventory = await Inventory.load(repo);
    const monitor = new Monitor({ repo, transport, bus, alarms, inventory, clock });
    // The first cycle writes every device's first status and sample: setup, not a day's growth.
    await monitor.runCycle();
    const before = checkpointedSize(file);
    for (let at = dayStart + INTERVAL_MS; at <= dayStart + DAY_MS; at += INTERVAL_MS) {
      clock.t = at;
      await monitor.runCycle();
    }
    await monitor.stop();
    await repo.close();
    const growth = checkpointedSize(file) - before;
    const mbPerDay = Number(((growth / 1e6) * (1_000 / DEVICES)).toFixed(2));
    process.stdout.write(
      `${JSON.stringify({ devices: DEVICES, interval_s: INTERVAL_MS / 1000, mb_per_day: mbPerDay, budget_mb: BUDGET_MB })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
