import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTransport } from '../../electron/engine/demo/demo-transport';
import { seedDemoNetwork } from '../../electron/engine/demo/seed';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { EventBus } from '../../electron/engine/event-bus';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';

// The demo network through the real monitor on a real SQLite store, on a simulated clock: what a
// visitor of the demo sees within its first hours must include every kind of trouble the monitor
// knows — not only outages but degraded links, flapping ones and latency anomalies.
let dir: string;
let repo: Repository;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-demo-states-'));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  await seedDemoNetwork(repo);
});

afterAll(async () => {
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo simulator', () => {
  it('produces degraded, flapping and anomalous devices, each with its alarm', async () => {
    const clock = { t: Date.UTC(2026, 2, 2, 12), now: () => clock.t };
    const bus = new EventBus();
    const monitor = new Monitor({
      repo,
      transport: createDemoTransport(repo, { seed: 5, clock: clock.now }),
      bus,
      alarms: await AlarmService.load({ repo, bus, now: clock.now }),
      inventory: await Inventory.load(repo),
      clock,
    });
    const states = new Set<string>();
    const alarmTypes = new Set<string>();
    bus.subscribe((event) => {
      if (event.type === 'status.changed') for (const status of event.statuses) states.add(status.state);
      if (event.type === 'alarm.raised') alarmTypes.add(event.alarm.type);
    });
    // Twenty simulated minutes of 30 s cycles: past the anomaly detector's warm-up (30 samples).
    for (let cycle = 0; cycle < 40; cycle++) {
      await monitor.runCycle();
      clock.t += 30_000;
    }
    await monitor.stop();
    expect([...states].sort()).toEqual(['degraded', 'down', 'flapping', 'unreachable', 'up']);
    expect([...alarmTypes].sort()).toEqual([
      'degraded',
      'device_down',
      'flapping',
      'latency_anomaly',
      'tower_down',
    ]);
  });
});
