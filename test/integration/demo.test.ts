import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Tower } from '../../shared/contract/entities';
import type { VigiaEvent } from '../../shared/contract/events';
import { PingOptions } from '../../shared/contract/pinger';
import { findParentCycle } from '../../shared/domain/monitor/dependencies';
import { createDemoTransport } from '../../electron/engine/demo/demo-transport';
import { seedDemoNetwork } from '../../electron/engine/demo/seed';
import { EventBus } from '../../electron/engine/event-bus';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';

let dir: string;
let repo: Repository;
let towers: Tower[];
let devices: Device[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-demo-'));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const seeded = await seedDemoNetwork(repo);
  expect(seeded.seeded).toBe(true);
  towers = await repo.towers.list();
  devices = await repo.devices.list();
});

afterAll(async () => {
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo network', () => {
  it('is a regional ISP around Campina Grande: ≥ 30 towers, about a thousand devices', () => {
    expect(towers.length).toBeGreaterThanOrEqual(30);
    expect(devices.length).toBeGreaterThanOrEqual(800);
    expect(devices.length).toBeLessThanOrEqual(1_300);
    for (const tower of towers) {
      expect(Math.abs(tower.latitude - -7.23)).toBeLessThan(0.2);
      expect(Math.abs(tower.longitude - -35.88)).toBeLessThan(0.2);
    }
    expect(new Set(towers.map((tower) => tower.code)).size).toBe(towers.length);
    const kinds = new Set(devices.map((device) => device.kind));
    for (const kind of ['router', 'switch', 'backhaul', 'sector_ap', 'cpe'] as const)
      expect(kinds).toContain(kind);
  });

  it('uses unique carrier-grade NAT addresses only (never pinged, only simulated)', () => {
    expect(new Set(devices.map((device) => device.host)).size).toBe(devices.length);
    for (const device of devices) expect(device.host).toMatch(/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./);
  });

  it('links every device to an existing parent without cycles, one root at the POP', () => {
    const byId = new Map(devices.map((device) => [device.id, device]));
    const roots = devices.filter((device) => device.parentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.kind).toBe('router');
    for (const device of devices) {
      if (device.parentId !== null) expect(byId.has(device.parentId)).toBe(true);
      expect(findParentCycle((id) => byId.get(id)?.parentId, device.id, device.parentId)).toBeNull();
    }
  });

  it('chains towers through backhauls, so a core failure cascades', () => {
    const byId = new Map(devices.map((device) => [device.id, device]));
    const chained = devices.filter(
      (device) =>
        device.kind === 'backhaul' &&
        device.parentId !== null &&
        byId.get(device.parentId)!.towerId !== device.towerId,
    );
    // Every tower except the POP is fed by a PTP link from another tower.
    expect(chained.length).toBe(towers.length - 1);
    for (const link of chained) expect(byId.get(link.parentId!)!.kind).toBe('backhaul');
  });

  it('never touches a store that already holds something', async () => {
    const again = await seedDemoNetwork(repo);
    expect(again).toEqual({ seeded: false, towers: towers.length, devices: devices.length });
    expect(await repo.devices.list()).toHaveLength(devices.length);
  });

  it('simulates realistic round trips that grow with hop depth', async () => {
    const transport = createDemoTransport(repo, { seed: 1, clock: () => 0 });
    expect((await transport.mode()).mode).toBe('simulated');
    const options = PingOptions.parse({});
    const root = devices.find((device) => device.parentId === null)!;
    const cpes = devices.filter((device) => device.kind === 'cpe').slice(0, 50);
    const results = await transport.run(
      [root, ...cpes].map((device) => ({ id: device.id, host: device.host, towerId: device.towerId })),
      options,
    );
    const [rootResult, ...cpeResults] = results;
    expect(rootResult!.received).toBe(options.count);
    expect(rootResult!.avgMs!).toBeLessThan(2);
    const answered = cpeResults.filter((result) => result.avgMs !== null);
    expect(answered.length).toBeGreaterThan(40);
    for (const result of answered) {
      expect(result.avgMs!).toBeGreaterThan(rootResult!.avgMs!);
      expect(result.avgMs!).toBeLessThan(400);
    }
  });

  it('produces outages, recoveries and alarms as simulated time goes by', async () => {
    const clock = { t: Date.UTC(2026, 2, 2, 12), now: () => clock.t };
    const transport = createDemoTransport(repo, { seed: 3, clock: clock.now });
    const bus = new EventBus();
    const events: VigiaEvent[] = [];
    bus.subscribe((event) => events.push(event));
    const alarms = await AlarmService.load({ repo, bus, now: clock.now });
    const inventory = await Inventory.load(repo);
    const monitor = new Monitor({ repo, transport, bus, alarms, inventory, clock });
    const seenStates = new Set<string>();
    let recovered = 0;
    // Half an hour of 30 s cycles.
    for (let cycle = 0; cycle < 60; cycle++) {
      const report = await monitor.runCycle();
      expect(report.checked).toBe(devices.length);
      clock.t += 30_000;
    }
    await monitor.stop();
    for (const event of events) {
      if (event.type !== 'status.changed') continue;
      for (const status of event.statuses) {
        if (seenStates.has(`${status.deviceId}:down`) && status.state === 'up') recovered++;
        seenStates.add(`${status.deviceId}:${status.state}`);
      }
    }
    const states = new Set([...seenStates].map((key) => key.split(':')[1]));
    expect(states).toContain('up');
    expect(states).toContain('down');
    expect(states).toContain('unreachable');
    expect(recovered).toBeGreaterThan(0);
    expect(events.some((event) => event.type === 'alarm.raised')).toBe(true);
    expect(events.some((event) => event.type === 'alarm.cleared')).toBe(true);
  });
});
