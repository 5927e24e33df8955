import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device, DeviceInput } from '../../shared/contract/entities';
import type { VigiaEvent } from '../../shared/contract/events';
import type { MonitorConfigInput } from '../../shared/domain/monitor/config';
import { EventBus } from '../../electron/engine/event-bus';
import { AlarmService } from '../../electron/engine/alarms/alarm-service';
import { Inventory } from '../../electron/engine/inventory/inventory';
import { Monitor } from '../../electron/engine/monitor/monitor';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { ScriptedTransport } from '../helpers/scripted-transport';

const STEP = 30_000;
let dir: string;
let repo: Repository;
let transport: ScriptedTransport;
let bus: EventBus;
let events: VigiaEvent[];
const clock = { t: Date.UTC(2026, 0, 5, 12), now: () => clock.t };
let hostSeq = 0;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-monitor-'));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  transport = new ScriptedTransport();
  bus = new EventBus();
  events = [];
  bus.subscribe((event) => events.push(event));
  clock.t = Date.UTC(2026, 0, 5, 12);
  alarms = await AlarmService.load({ repo, bus, now: clock.now });
  inventory = await Inventory.load(repo);
  inventory.follow(bus);
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const nextHost = () => {
  hostSeq += 1;
  return `127.10.${hostSeq >> 8}.${hostSeq & 255}`;
};

/** Stores a tower and announces it, as the API does (the inventory follows the events). */
async function tower(code: string) {
  const created = await repo.towers.create({ name: `Torre ${code}`, code, latitude: -7.2, longitude: -35.9 });
  bus.publish({ type: 'tower.upserted', tower: created });
  return created;
}

async function devices(count: number, extra: Partial<DeviceInput>): Promise<Device[]> {
  const inputs = Array.from({ length: count }, (_, i) => ({
    name: `${extra.name ?? 'dev'}-${i}`,
    host: nextHost(),
    kind: 'cpe' as const,
    ...extra,
  }));
  const created = await repo.devices.createMany(
    inputs.map((input, i) => ({ ...input, name: `${extra.name ?? 'dev'}-${i}` })),
  );
  for (const device of created) bus.publish({ type: 'device.upserted', device });
  return created;
}

let alarms: AlarmService;
let inventory: Inventory;

function monitor(config: MonitorConfigInput = {}, store: Repository = repo): Monitor {
  return new Monitor({ repo: store, transport, bus, alarms, inventory, clock, config });
}

async function cycles(m: Monitor, n: number) {
  let report;
  for (let i = 0; i < n; i++) {
    clock.t += STEP;
    report = await m.runCycle();
  }
  return report!;
}

const ofType = <T extends VigiaEvent['type']>(type: T) =>
  events.filter((e): e is Extract<VigiaEvent, { type: T }> => e.type === type);

/** A tower with one uplink and `children` devices hanging from it. */
async function towerWithUplink(code: string, children: number) {
  const t = await tower(code);
  const [uplink] = await devices(1, { name: `${code}-uplink`, towerId: t.id, kind: 'backhaul' });
  const rest = await devices(children, { name: `${code}-ap`, towerId: t.id, parentId: uplink!.id });
  return { tower: t, uplink: uplink!, all: [uplink!, ...rest] };
}

describe('Monitor on a real SQLite store', () => {
  it('a tower with 50 devices loses power: one root-cause alarm, affected = 50, one event to notify', async () => {
    const north = await towerWithUplink('N', 49);
    const south = await towerWithUplink('S', 4);
    const m = monitor();
    await cycles(m, 3);
    expect(ofType('alarm.raised')).toHaveLength(0);

    transport.setDown(north.all.map((d) => d.id));
    await cycles(m, 4);

    const raised = ofType('alarm.raised');
    expect(raised).toHaveLength(1);
    expect(raised[0]!.alarm).toMatchObject({
      type: 'tower_down',
      towerId: north.tower.id,
      severity: 'critical',
      affected: 50,
      source: 'icmp',
    });
    expect(ofType('alarm.updated')).toHaveLength(0);
    expect(await repo.alarms.list({ states: ['active'], limit: 100 })).toHaveLength(1);
    const byId = new Map(m.snapshot().map((s) => [s.deviceId, s]));
    for (const d of north.all)
      expect(byId.get(d.id)).toMatchObject({ state: 'unreachable', cause: `tower:${north.tower.id}` });
    for (const d of south.all) expect(byId.get(d.id)?.state).toBe('up');

    transport.setDown(
      north.all.map((d) => d.id),
      false,
    );
    await cycles(m, 2);
    expect(ofType('alarm.cleared')).toHaveLength(1);
    expect(await repo.alarms.list({ states: ['active'], limit: 100 })).toHaveLength(0);
  });

  it('a tower in maintenance loses power: no alarm, audited', async () => {
    const north = await towerWithUplink('N', 49);
    const m = monitor();
    await cycles(m, 2);
    await m.startMaintenance(
      {
        target: { scope: 'tower', id: north.tower.id },
        minutes: 60,
        reason: 'troca de bateria',
      },
      'ana',
    );
    transport.setDown(north.all.map((d) => d.id));
    await cycles(m, 5);
    expect(ofType('alarm.raised')).toHaveLength(0);
    expect(m.snapshot().every((s) => s.state === 'maintenance')).toBe(true);

    // The window ends with the tower still dark: now it is an outage.
    await m.endMaintenance({ scope: 'tower', id: north.tower.id }, 'ana');
    await cycles(m, 1);
    expect(ofType('alarm.raised').map((e) => [e.alarm.type, e.alarm.affected])).toEqual([['tower_down', 50]]);

    const audit = await repo.audit.list(10);
    expect(audit.map((a) => [a.action, a.actor, a.target])).toEqual([
      ['maintenance.end', 'ana', `tower:${north.tower.id}`],
      ['maintenance.start', 'ana', `tower:${north.tower.id}`],
    ]);
    expect(audit[1]!.details).toContain('troca de bateria');
  });

  it('a parent that flaps 10 times in 5 minutes holds one flapping alarm; its children never alarm', async () => {
    const site = await towerWithUplink('F', 2);
    const [parent] = await devices(1, {
      name: 'olt',
      towerId: site.tower.id,
      parentId: site.uplink.id,
      kind: 'olt',
    });
    const children = await devices(5, { name: 'onu', towerId: site.tower.id, parentId: parent!.id });
    const m = monitor();
    await cycles(m, 2);
    const step = 10_000;
    for (let flap = 0; flap < 10; flap++) {
      transport.setDown([parent!.id, ...children.map((c) => c.id)]);
      clock.t += step;
      await m.runCycle();
      transport.setDown([parent!.id, ...children.map((c) => c.id)], false);
      for (let i = 0; i < 2; i++) {
        clock.t += step;
        await m.runCycle();
      }
    }
    const flapping = ofType('alarm.raised').filter((e) => e.alarm.type === 'flapping');
    expect(flapping).toHaveLength(1);
    expect(flapping[0]!.alarm).toMatchObject({ deviceId: parent!.id, severity: 'minor' });
    const childIds = new Set(children.map((c) => c.id));
    expect(
      ofType('alarm.raised').some((e) => e.alarm.deviceId !== null && childIds.has(e.alarm.deviceId)),
    ).toBe(false);
    // Before it was recognised as flapping it went down twice; after that, no down alarm.
    const flappingAt = flapping[0]!.alarm.raisedAt;
    expect(
      ofType('alarm.raised').filter((e) => e.alarm.type === 'device_down' && e.alarm.raisedAt > flappingAt),
    ).toHaveLength(0);
    expect(m.snapshot().find((s) => s.deviceId === parent!.id)?.state).toBe('flapping');

    await cycles(m, 21); // 10.5 min of quiet
    expect(ofType('alarm.cleared').some((e) => e.alarm.type === 'flapping')).toBe(true);
    expect(m.snapshot().find((s) => s.deviceId === parent!.id)?.state).toBe('up');
  });

  it('many independent failures on a tower that still answers: one sector problem alarm', async () => {
    const t = await tower('X');
    const sector = await devices(10, { name: 'ap', towerId: t.id, kind: 'sector_ap' });
    const m = monitor();
    await cycles(m, 2);
    transport.setDown(sector.slice(0, 6).map((d) => d.id));
    await cycles(m, 2);
    const raised = ofType('alarm.raised');
    expect(raised.map((e) => e.alarm.type)).toEqual(['sector_problem']);
    expect(raised[0]!.alarm).toMatchObject({ towerId: t.id, severity: 'major', affected: 6 });
    expect(m.snapshot().filter((s) => s.state === 'down')).toHaveLength(6);
  });

  it('a lone device down raises a major alarm; a failed parent is critical with its dependants counted', async () => {
    const t = await tower('L');
    const [router] = await devices(1, { name: 'router', towerId: t.id, kind: 'router' });
    const [ap] = await devices(1, { name: 'ap', towerId: t.id, parentId: router!.id });
    const cpes = await devices(3, { name: 'cpe', towerId: t.id, parentId: ap!.id });
    const m = monitor();
    await cycles(m, 2);
    transport.setDown([cpes[0]!.id]);
    await cycles(m, 1);
    expect(
      ofType('alarm.raised').map((e) => [e.alarm.type, e.alarm.deviceId, e.alarm.severity, e.alarm.affected]),
    ).toEqual([['device_down', cpes[0]!.id, 'major', 1]]);
    transport.setDown([ap!.id, ...cpes.map((c) => c.id)]);
    await cycles(m, 1);
    const last = ofType('alarm.raised').at(-1)!.alarm;
    expect(last).toMatchObject({ type: 'device_down', deviceId: ap!.id, severity: 'critical', affected: 4 });
    // The CPE's own alarm is folded into its parent's.
    expect(ofType('alarm.cleared').map((e) => e.alarm.deviceId)).toEqual([cpes[0]!.id]);
    expect(m.snapshot().find((s) => s.deviceId === cpes[1]!.id)).toMatchObject({
      state: 'unreachable',
      cause: `device:${ap!.id}`,
    });
  });

  it('raises a latency anomaly only after warm-up', async () => {
    const [d] = await devices(1, { name: 'radio' });
    const m = monitor();
    const jitter = [10, 10.4, 9.8, 10.2, 9.6, 10.1];
    let i = 0;
    const tick = async (rtt: number) => {
      transport.setRtt(d!.id, rtt);
      await cycles(m, 1);
    };
    for (; i < 5; i++) await tick(jitter[i % jitter.length]!);
    for (let k = 0; k < 5; k++) await tick(80); // during warm-up: no verdict
    expect(ofType('alarm.raised')).toHaveLength(0);
    for (; i < 40; i++) await tick(jitter[i % jitter.length]!);
    expect(ofType('alarm.raised')).toHaveLength(0);
    await tick(80);
    await tick(80);
    expect(ofType('alarm.raised')).toHaveLength(0);
    await tick(80);
    expect(ofType('alarm.raised').map((e) => [e.alarm.type, e.alarm.severity])).toEqual([
      ['latency_anomaly', 'warning'],
    ]);
    for (let k = 0; k < 3; k++) await tick(10);
    expect(ofType('alarm.cleared').map((e) => e.alarm.type)).toEqual(['latency_anomaly']);
  });

  it('adapts the interval: 30 s while changing, 60 s after 3 stable cycles, 15 s with 5 offline', async () => {
    const many = await devices(6, { name: 'd' });
    const m = monitor();
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) seen.push((await cycles(m, 1)).intervalMs);
    expect(seen).toEqual([30_000, 30_000, 30_000, 60_000]);
    transport.setDown([many[0]!.id]);
    expect((await cycles(m, 1)).intervalMs).toBe(30_000);
    transport.setDown(many.slice(0, 5).map((d) => d.id));
    expect((await cycles(m, 1)).intervalMs).toBe(15_000);
    expect(m.health()).toMatchObject({ intervalMs: 15_000, devicesMonitored: 6 });
  });

  it('re-checks a failed device within the cycle, and one lost check is not an outage', async () => {
    const [a, b] = await devices(2, { name: 'd' });
    const m = monitor();
    await cycles(m, 1);
    transport.setDown([a!.id]);
    const report = await cycles(m, 1);
    expect(report.rechecked).toBe(1);
    expect(transport.calls.at(-1)!.map((t) => t.id)).toEqual([a!.id]);
    expect(m.snapshot().find((s) => s.deviceId === a!.id)?.state).toBe('down');

    const noRecheck = monitor({ recheck: false });
    transport.setDown([a!.id], false);
    transport.setDown([b!.id]);
    await cycles(noRecheck, 1);
    expect(noRecheck.snapshot().find((s) => s.deviceId === b!.id)?.state).toBe('up');
  });

  it('global and device maintenance are audited, suppress alarms and leave availability out', async () => {
    const [d, e] = await devices(2, { name: 'd' });
    const m = monitor();
    await cycles(m, 1);
    await m.startMaintenance(
      {
        target: { scope: 'global' },
        minutes: null,
        reason: 'janela de manutenção',
      },
      'noc',
    );
    expect(await m.globalMaintenance()).toMatchObject({
      by: 'noc',
      until: null,
      reason: 'janela de manutenção',
    });
    transport.setDown([d!.id, e!.id]);
    await cycles(m, 3);
    expect(ofType('alarm.raised')).toHaveLength(0);
    await m.startMaintenance(
      {
        target: { scope: 'device', id: d!.id },
        minutes: 30,
        reason: 'troca de rádio',
      },
      'bia',
    );
    await m.endMaintenance({ scope: 'global' }, 'noc');
    expect(await m.globalMaintenance()).toBeNull();
    await cycles(m, 1);
    expect(ofType('alarm.raised').map((x) => x.alarm.deviceId)).toEqual([e!.id]);
    clock.t += 31 * 60_000; // the device window runs out by itself
    await cycles(m, 1);
    expect(ofType('alarm.raised').map((x) => x.alarm.deviceId)).toEqual([e!.id, d!.id]);

    const audit = await repo.audit.list(10);
    expect(audit.map((a) => `${a.action} ${a.target} ${a.actor}`)).toEqual([
      'maintenance.end global noc',
      `maintenance.start device:${d!.id} bia`,
      'maintenance.start global noc',
    ]);
    await m.stop();
    const rollups = await repo.ping.rollups(d!.id, 0, clock.t);
    // Checks under maintenance (global, then the device's own) count neither as up nor as down:
    // only the first cycle and the one after the device window ran out are samples.
    expect(rollups.reduce((n, r) => n + r.samples, 0)).toBe(2);
  });

  it('a parent in maintenance silences its children even while it still answers', async () => {
    const { uplink, all } = await towerWithUplink('PM', 3);
    const m = monitor();
    await cycles(m, 1);
    await m.startMaintenance(
      {
        target: { scope: 'device', id: uplink.id },
        minutes: 60,
        reason: 'troca',
      },
      'bia',
    );
    const child = all[1]!;
    transport.setDown([child.id]);
    await cycles(m, 3);
    expect(ofType('alarm.raised')).toEqual([]);
    expect(m.snapshot().find((status) => status.deviceId === child.id)?.state).toBe('maintenance');
    await m.endMaintenance({ scope: 'device', id: uplink.id }, 'bia');
    await cycles(m, 1);
    expect(ofType('alarm.raised').map((event) => [event.alarm.type, event.alarm.deviceId])).toEqual([
      ['device_down', child.id],
    ]);
  });

  it('acknowledging is audited and published; the alarm stays open until the device is back', async () => {
    const [d] = await devices(1, { name: 'd' });
    const m = monitor();
    transport.setDown([d!.id]);
    await cycles(m, 1);
    const alarm = ofType('alarm.raised')[0]!.alarm;
    const acked = await alarms.acknowledge([alarm.id], 'carla', 'técnico a caminho');
    expect(acked[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'carla',
      note: 'técnico a caminho',
    });
    expect(ofType('alarm.updated')[0]!.alarm.state).toBe('acknowledged');
    expect((await repo.audit.list(1))[0]).toMatchObject({
      action: 'alarm.acknowledge',
      actor: 'carla',
      target: `alarms:${alarm.id}`,
    });
    await cycles(m, 2);
    expect(ofType('alarm.raised')).toHaveLength(1);
    transport.setDown([d!.id], false);
    await cycles(m, 2);
    expect(ofType('alarm.cleared')[0]!.alarm.id).toBe(alarm.id);
  });

  it('logs samples smartly, rolls up every check, publishes only changes, resumes after a restart', async () => {
    const [d] = await devices(1, { name: 'd' });
    const first = monitor();
    const start = clock.t;
    await cycles(first, 10); // 5 minutes at 30 s
    expect(ofType('status.changed')).toHaveLength(1);
    transport.setRtt(d!.id, 60);
    await cycles(first, 1);
    expect(ofType('status.changed')).toHaveLength(2);
    await cycles(first, 20);
    await first.stop();
    const samples = await repo.ping.samples(d!.id, 0, clock.t);
    expect(samples.map((s) => s.rttMs)).toEqual([10, 60, 60]); // first, the jump, 10 min later
    const rollups = await repo.ping.rollups(d!.id, 0, clock.t);
    expect(rollups.reduce((n, r) => n + r.samples, 0)).toBe(31);
    expect(rollups.every((r) => r.upPct === 100)).toBe(true);
    expect(rollups[0]!.bucket).toBeGreaterThanOrEqual(start - 300_000);

    transport.setDown([d!.id]);
    const second = monitor();
    await cycles(second, 1);
    await second.stop();
    const third = monitor();
    await cycles(third, 2);
    expect(ofType('alarm.raised')).toHaveLength(1);
    expect(third.snapshot()[0]!.state).toBe('down');
  });

  it('deletes samples and rollups past retention', async () => {
    const [d] = await devices(1, { name: 'd' });
    const m = monitor({ retention: { samplesMs: 60 * 60_000, rollupsMs: 2 * 60 * 60_000 } });
    await cycles(m, 2);
    clock.t += 90 * 60_000;
    await cycles(m, 12);
    expect(await m.runRetention()).toMatchObject({ samples: 1, rollups: 0, daily: 0, stateChanges: 0 });
    expect((await repo.ping.samples(d!.id, 0, clock.t)).length).toBeGreaterThan(0);
    clock.t += 2 * 60 * 60_000;
    expect((await m.runRetention()).rollups).toBeGreaterThan(0);
    await m.stop();
  });

  it('runs on its own timer and stops cleanly, writing the bucket in progress', async () => {
    const [d] = await devices(1, { name: 'd' });
    const m = new Monitor({
      repo,
      transport,
      bus,
      alarms,
      inventory,
      config: { interval: { unstableMs: 20, stableMs: 20, criticalMs: 20 } },
    });
    let reports = 0;
    m.onCycle(() => (reports += 1));
    m.start();
    await expect.poll(() => transport.calls.length).toBeGreaterThan(2);
    await m.stop();
    const runs = transport.calls.length;
    // A timer left behind by stop() would be due 20 ms later; this one, set after it, fires only
    // once every shorter timer set before it has fired.
    await new Promise((resolve) => setTimeout(resolve, 3 * 20));
    expect(transport.calls.length).toBe(runs);
    expect(m.health().lastCycleAt).not.toBeNull();
    const rollups = await repo.ping.rollups(d!.id, 0, Date.now() + 1);
    expect(rollups.reduce((n, r) => n + r.samples, 0)).toBe(runs);
    expect(reports).toBe(runs);
  });

  it('reload picks up new and removed devices, keeping what it knows of the rest', async () => {
    const [a] = await devices(1, { name: 'a' });
    const m = monitor();
    await cycles(m, 1);
    const [b] = await devices(1, { name: 'b' });
    await m.reload();
    await cycles(m, 1);
    expect(
      m
        .snapshot()
        .map((s) => s.deviceId)
        .sort(),
    ).toEqual([a!.id, b!.id]);
    const since = m.snapshot().find((s) => s.deviceId === a!.id)!.since;
    await repo.devices.delete(b!.id);
    bus.publish({ type: 'device.deleted', id: b!.id });
    await m.reload();
    await cycles(m, 1);
    expect(m.snapshot()).toEqual([expect.objectContaining({ deviceId: a!.id, state: 'up', since })]);
  });

  it('a failing transport or store loses nothing: the cycle fails, the next one catches up', async () => {
    const [d] = await devices(1, { name: 'd' });
    let failSamples = true;
    const flaky: Repository = {
      ...repo,
      ping: {
        ...repo.ping,
        insertSamples: (rows) =>
          failSamples ? Promise.reject(new Error('database is locked')) : repo.ping.insertSamples(rows),
      },
    };
    const m = monitor({}, flaky);
    await cycles(m, 1);
    expect(m.health().storeError).toBe('database is locked');
    failSamples = false;
    transport.setRtt(d!.id, 90);
    await cycles(m, 1);
    expect(m.health().storeError).toBeNull();
    expect((await repo.ping.samples(d!.id, 0, clock.t)).map((s) => s.rttMs)).toEqual([10, 90]);

    const broken = new Monitor({
      repo,
      transport: { mode: transport.mode, run: () => Promise.reject(new Error('pinger worker exited')) },
      bus,
      alarms,
      inventory,
      clock,
    });
    await expect(cycles(broken, 1)).rejects.toThrow('pinger worker exited');
  });

  it('gives each device its own result when the transport answers in another order', async () => {
    const [up, down, missing] = await devices(3, { name: 'order' });
    transport.setDown([down!.id]);
    const m = new Monitor({
      repo,
      // Results reversed, and none at all for one device.
      transport: {
        mode: transport.mode,
        run: async (targets, options) =>
          (await transport.run(targets, options)).reverse().filter((result) => result.id !== missing!.id),
      },
      bus,
      alarms,
      inventory,
      clock,
    });
    await cycles(m, 3);
    const state = (id: number) => m.snapshot().find((s) => s.deviceId === id)?.state;
    expect([state(up!.id), state(down!.id), state(missing!.id)]).toEqual(['up', 'down', 'down']);
  });
});
