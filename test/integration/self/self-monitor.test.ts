import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alarm, DeviceStatus } from '../../../shared/contract/entities';
import type { EngineHealth } from '../../../shared/contract/events';
import { renderAlarm } from '../../../shared/domain/alarms/render';
import { AlarmService } from '../../../electron/engine/alarms/alarm-service';
import { EventBus } from '../../../electron/engine/event-bus';
import { SelfMonitor } from '../../../electron/engine/self/self-monitor';
import { openStore } from '../../../electron/engine/store/open-store';
import type { Repository } from '../../../electron/engine/store/repository';

const MIN = 60_000;

let dir: string;
let repo: Repository;
let alarms: AlarmService;
let now: number;
let health: EngineHealth;
let statuses: DeviceStatus[];
let refuseWrites: string | null;
let self: SelfMonitor;

const selfAlarms = async (): Promise<Alarm[]> =>
  (await repo.alarms.open()).filter((alarm) => alarm.source === 'self');
const texts = async () => (await selfAlarms()).map((alarm) => renderAlarm('en', alarm)).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-self-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  alarms = await AlarmService.load({ repo, bus: new EventBus(), now: () => now });
});

afterAll(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  now = Date.UTC(2026, 10, 30, 1, 0, 0);
  health = {
    startedAt: now - 10 * MIN,
    lastCycleAt: now - 5_000,
    lastCycleMs: 800,
    intervalMs: 30_000,
    devicesMonitored: 10,
    workers: [{ name: 'snmp', state: 'running', pid: 1, restarts: 0, lastError: null, since: 0 }],
    storeOk: true,
    storeError: null,
    store: { problem: null, silentS: 0, queued: 0, droppedSamples: 0 },
  };
  statuses = [];
  refuseWrites = null;
  self = new SelfMonitor({
    repo,
    alarms,
    health: () => health,
    statuses: () => statuses,
    deviceName: (id) => (id === deviceId ? 'olt-centro' : undefined),
    // The store's own write, unless the test makes it refuse (a full disk cannot be had on demand).
    probeWrite: async (at) => {
      if (refuseWrites) throw new Error(refuseWrites);
      await repo.settings.set('vigia.selfcheck', at);
    },
    log: () => undefined,
    now: () => now,
  });
});

let deviceId = 0;

describe('SelfMonitor against a real store and the alarm service', () => {
  it('raises "cycle late" when no cycle finished for twice the interval, and clears it after one', async () => {
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
    health = { ...health, lastCycleAt: now - 61_000 };
    await self.tick();
    expect(await texts()).toEqual(['The monitoring cycle is late: none finished for 61 s (interval 30 s)']);
    health = { ...health, lastCycleAt: now };
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
  });

  it('raises "collector restarts" past 3 restarts in 10 minutes, and clears it when they age out', async () => {
    await self.tick();
    now += MIN;
    health = { ...health, lastCycleAt: now, workers: [{ ...health.workers[0]!, restarts: 3 }] };
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
    now += MIN;
    health = { ...health, lastCycleAt: now, workers: [{ ...health.workers[0]!, restarts: 4 }] };
    await self.tick();
    const [alarm] = await selfAlarms();
    expect(alarm).toMatchObject({ type: 'collector_restarts', ref: 'self:worker:snmp', severity: 'major' });
    expect(renderAlarm('pt-BR', alarm!)).toBe('O coletor snmp reiniciou 4 vezes nos últimos 10 minutos');
    now += 10 * MIN;
    health = { ...health, lastCycleAt: now };
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
  });

  it('raises "backlog growing" after 5 minutes of a growing outbox, and clears it once it drains', async () => {
    for (let minute = 0; minute <= 5; minute++) {
      await repo.outbox.enqueue({
        channel: 'telegram',
        destination: '-100123',
        idempotencyKey: `self-test-${minute}`,
        payload: '{}',
        nextAttemptAt: now,
        createdAt: now,
      });
      health = { ...health, lastCycleAt: now };
      await self.tick();
      if (minute < 5) expect(await selfAlarms()).toEqual([]);
      now += minute < 5 ? MIN : 0;
    }
    expect(await texts()).toEqual([
      'The notification queue has been growing for 5 minutes: from 1 to 6 messages',
    ]);
    const pending = await repo.outbox.due(now, 100);
    await repo.outbox.markSent(
      pending.map((message) => message.id),
      now,
    );
    now += MIN;
    health = { ...health, lastCycleAt: now };
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
  });

  it('raises "store refusing writes" with the reason, and clears it when writes pass again', async () => {
    refuseWrites = 'SQLITE_FULL: database or disk is full';
    await self.tick();
    expect(await texts()).toEqual(['The database refuses writes: SQLITE_FULL: database or disk is full']);
    expect(self.recent().at(-1)).toMatchObject({ storeWriteMs: null });
    refuseWrites = null;
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
    expect(self.recent().at(-1)!.storeWriteMs).toBeGreaterThan(0);
  });

  it('raises "stale data" for a device answering ping whose SNMP data stopped updating', async () => {
    const device = await repo.devices.create({ name: 'olt-centro', host: '127.0.0.1', kind: 'olt' });
    deviceId = device.id;
    await repo.snmp.setConfig({
      deviceId,
      enabled: true,
      port: 161,
      version: '2c',
      user: null,
      sealedCredentials: 'sealed',
      intervalS: 60,
    });
    await repo.snmp.setPollOutcomes([{ deviceId, at: now, error: null }]);
    const up: DeviceStatus = {
      deviceId,
      state: 'up',
      since: 0,
      lastCheck: now,
      rttMs: 1,
      lossPct: 0,
      cause: null,
    } as DeviceStatus;
    statuses = [up];
    await self.tick();
    now += 11 * MIN;
    health = { ...health, lastCycleAt: now };
    await repo.snmp.setPollOutcomes([{ deviceId, at: now, error: 'timeout' }]);
    statuses = [{ ...up, state: 'down' }];
    await self.tick();
    expect(await selfAlarms()).toEqual([]); // a device that does not answer ping has its own alarm
    statuses = [up];
    await self.tick();
    const [alarm] = await selfAlarms();
    expect(alarm).toMatchObject({ type: 'stale_data', deviceId, severity: 'warning' });
    expect(renderAlarm('en', alarm!)).toBe(
      'olt-centro answers ping, but its SNMP data has not updated for 11 min',
    );
    await repo.snmp.setPollOutcomes([{ deviceId, at: now, error: null }]);
    await self.tick();
    expect(await selfAlarms()).toEqual([]);
    await repo.snmp.deleteConfig(deviceId);
  });

  it('keeps its samples in the store for the Health page', async () => {
    const from = now;
    await self.tick();
    now += MIN;
    await self.tick();
    const history = await self.history(from, now);
    expect(history.map((sample) => sample.at)).toEqual([from, from + MIN]);
    expect(history[0]).toMatchObject({ cycleMs: 800, writerQueue: expect.any(Number), workerRestarts: 0 });
  });
});
