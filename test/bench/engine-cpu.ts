// The engine's CPU while it monitors: a Monitor on a real SQLite store in a temp dir, with
// `devices` devices checked every `intervalMs`, averaged over `durationMs` (process.cpuUsage:
// user + system time of this process, as a % of one core). The transport is the caller's; run as
// a script (`tsx test/bench/engine-cpu.ts [durationMs]`) it answers instantly and prints one JSON
// line. Creating the devices and the first cycle (which writes every status) are left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventBus } from '../../electron/engine/event-bus';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import type { PingTransport } from '../../shared/contract/pinger';
import { openStore } from '../../electron/engine/store/open-store';
import { InstantTransport, seedDevices } from './bench-network';

export async function measureEngineCpu(options: {
  devices: number;
  intervalMs: number;
  durationMs: number;
  transport: PingTransport;
}): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-cpu-'));
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  try {
    await seedDevices(repo, options.devices);
    const bus = new EventBus();
    const { intervalMs } = options;
    const monitor = new Monitor({
      repo,
      transport: options.transport,
      bus,
      alarms: await AlarmService.load({ repo, bus }),
      inventory: await Inventory.load(repo),
      config: { interval: { criticalMs: intervalMs, unstableMs: intervalMs, stableMs: intervalMs } },
    });
    const firstCycle = new Promise<void>((resolve) => {
      const stop = monitor.onCycle(() => {
        stop();
        resolve();
      });
    });
    monitor.start();
    await firstCycle;
    const cpuBefore = process.cpuUsage();
    const wallBefore = process.hrtime.bigint();
    await new Promise((resolve) => setTimeout(resolve, options.durationMs));
    const cpu = process.cpuUsage(cpuBefore);
    const wallUs = Number(process.hrtime.bigint() - wallBefore) / 1_000;
    await monitor.stop();
    return Number((((cpu.user + cpu.system) / wallUs) * 100).toFixed(2));
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const durationMs = Number(process.argv[2] ?? 120_000);
  const pct = await measureEngineCpu({
    devices: 10_000,
    intervalMs: 30_000,
    durationMs,
    transport: new InstantTransport(),
  });
  process.stdout.write(`${JSON.stringify({ engine_cpu_pct: pct })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
