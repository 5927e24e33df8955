import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInput, PingSample } from '../../shared/contract/entities';
import { openStore } from '../../electron/engine/store/open-store';
import type { Repository } from '../../electron/engine/store/repository';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { deviceStatus } from '../helpers/device-status';

interface Subject {
  name: 'sqlite' | 'postgres';
  open(): Promise<Repository>;
  cleanup(): Promise<void>;
}

const sqliteDir = mkdtempSync(join(tmpdir(), 'vigia-store-'));
let postgres: TestPostgres | null = null;

const subjects: Subject[] = [
  {
    name: 'sqlite',
    open: () => openStore({ dialect: 'sqlite', file: join(sqliteDir, 'vigia.db') }),
    cleanup: async () => rmSync(sqliteDir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    open: async () => {
      postgres = await startTestPostgres();
      return openStore({ dialect: 'postgres', url: postgres.url });
    },
    cleanup: async () => postgres?.stop(),
  },
];

const tower = (code: string) => ({ name: `Torre ${code}`, code, latitude: -7.23, longitude: -35.88 });
const device = (host: string, extra: Partial<DeviceInput> = {}): DeviceInput => ({
  name: `dev ${host}`,
  host,
  kind: 'sector_ap',
  ...extra,
});

describe.each(subjects)('repository on $name', (subject) => {
  let repo: Repository;

  beforeAll(async () => {
    repo = await subject.open();
  }, 120_000);
  afterAll(async () => {
    await repo?.close();
    await subject.cleanup();
  });

  it('creates, reads, updates and deletes towers and devices with their fields intact', async () => {
    const t = await repo.towers.create({ ...tower('CG-01'), address: 'Serra do Monte' });
    expect(t).toMatchObject({
      id: expect.any(Number),
      code: 'CG-01',
      address: 'Serra do Monte',
      maintenanceUntil: null,
    });
    const root = await repo.devices.create(
      device('10.0.0.1', { towerId: t.id, kind: 'router', tags: ['core', 'pop'] }),
    );
    const child = await repo.devices.create(device('10.0.0.2', { towerId: t.id, parentId: root.id }));
    expect(root.tags).toEqual(['core', 'pop']);
    expect(root.enabled).toBe(true);
    expect(child.parentId).toBe(root.id);

    const renamed = await repo.devices.update(child.id, { name: 'AP Norte', enabled: false });
    expect(renamed).toMatchObject({ name: 'AP Norte', enabled: false, host: '10.0.0.2' });
    expect((await repo.devices.get(child.id))?.name).toBe('AP Norte');
    // The driver-level list reads exactly what the query builder reads, maintenance included.
    await repo.devices.setMaintenance(root.id, {
      maintenanceUntil: 9_000_000_000_000,
      maintenanceBy: 'ana',
      maintenanceReason: 'troca de rádio',
    });
    const listed = (await repo.devices.list()).filter((d) => d.id === root.id || d.id === child.id);
    expect(listed).toEqual([await repo.devices.get(root.id), await repo.devices.get(child.id)]);

    await repo.devices.delete(root.id);
    expect((await repo.devices.get(child.id))?.parentId).toBeNull();
    await repo.towers.delete(t.id);
    expect((await repo.devices.get(child.id))?.towerId).toBeNull();
    await repo.devices.delete(child.id);
  });

  it('refuses a duplicate address or tower code with a clear conflict, keeping the first', async () => {
    await repo.devices.create(device('10.9.9.9'));
    await expect(repo.devices.create(device('10.9.9.9'))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('10.9.9.9'),
    });
    await repo.towers.create(tower('DUP'));
    await expect(repo.towers.create(tower('DUP'))).rejects.toMatchObject({ code: 'conflict' });
    expect((await repo.devices.list()).filter((d) => d.host === '10.9.9.9')).toHaveLength(1);
  });

  it('imports many devices all or nothing', async () => {
    const before = (await repo.devices.list()).length;
    const created = await repo.devices.createMany(
      Array.from({ length: 300 }, (_, i) => device(`10.1.${i >> 8}.${i & 255}`)),
    );
    expect(created).toHaveLength(300);
    await expect(repo.devices.createMany([device('10.2.0.1'), device('10.1.0.1')])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await repo.devices.list()).length).toBe(before + 300);
    expect(await repo.devices.list()).not.toContainEqual(expect.objectContaining({ host: '10.2.0.1' }));
  });

  it('keeps one current status per device through batched upserts', async () => {
    const devices = await repo.devices.createMany(
      Array.from({ length: 50 }, (_, i) => device(`10.3.0.${i}`)),
    );
    await Promise.all([
      repo.status.upsertMany(devices.map((d) => deviceStatus(d.id, 'up', 1000))),
      repo.status.upsertMany(devices.slice(0, 10).map((d) => deviceStatus(d.id, 'down', 2000))),
    ]);
    const all = new Map((await repo.status.all()).map((s) => [s.deviceId, s]));
    expect(all.get(devices[0]!.id)).toMatchObject({ state: 'down', since: 2000 });
    expect(all.get(devices[20]!.id)).toMatchObject({ state: 'up', since: 1000, rttMs: 1.5 });
  });

  it('stores samples and rollups, reads them by range and deletes by age', async () => {
    const d = await repo.devices.create(device('10.4.0.1'));
    const samples: PingSample[] = Array.from({ length: 100 }, (_, i) => ({
      deviceId: d.id,
      at: 1_000_000 + i * 30_000,
      rttMs: 5 + (i % 3),
      minMs: 4,
      maxMs: 9,
      jitterMs: 1,
      lossPct: 0,
      state: 'up',
    }));
    await repo.ping.insertSamples(samples);
    expect(await repo.ping.samples(d.id, 1_000_000, 1_000_000 + 10 * 30_000)).toHaveLength(11);
    const rollup = {
      deviceId: d.id,
      bucket: 1_200_000,
      samples: 10,
      minMs: 4,
      avgMs: 6,
      maxMs: 9,
      lossPct: 0,
      upPct: 100,
    };
    await repo.ping.upsertRollups([rollup]);
    await repo.ping.upsertRollups([{ ...rollup, samples: 11, avgMs: 6.5 }]);
    expect(await repo.ping.rollups(d.id, 0, 2_000_000)).toEqual([{ ...rollup, samples: 11, avgMs: 6.5 }]);
    expect(await repo.ping.deleteSamplesBefore(1_000_000 + 50 * 30_000)).toBe(50);
    expect(await repo.ping.deleteRollupsBefore(2_000_000)).toBe(1);
  });

  it('keeps one open alarm per source, subject and type, through acknowledge and clear', async () => {
    const d = await repo.devices.create(device('10.5.0.1'));
    const down = {
      source: 'icmp' as const,
      deviceId: d.id,
      towerId: null,
      ref: null,
      type: 'device_down',
      severity: 'major' as const,
      params: { device: d.name },
      affected: 1,
      raisedAt: 5000,
    };
    const [first] = await repo.alarms.raiseMany([down]);
    expect(first).toEqual({
      ...down,
      id: expect.any(Number),
      state: 'active',
      acknowledgedAt: null,
      acknowledgedBy: null,
      clearedAt: null,
      clearedBy: null,
      note: null,
    });
    expect(await repo.alarms.raiseMany([down])).toEqual([]);
    const [acked] = await repo.alarms.acknowledge([first!.id], 'ana', 'rádio trocado', 6000);
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ana', note: 'rádio trocado' });
    expect(await repo.alarms.raiseMany([down])).toEqual([]);
    const key = `icmp:${d.id}:0:device_down:`;
    expect((await repo.alarms.open([key])).map((alarm) => alarm.id)).toEqual([first!.id]);
    expect(await repo.alarms.clearMany([first!.id], 7000, null)).toMatchObject([
      { state: 'cleared', clearedAt: 7000, clearedBy: null },
    ]);
    expect(await repo.alarms.clearMany([first!.id], 8000, 'ana')).toEqual([]);
    const [again] = await repo.alarms.raiseMany([down]);
    expect(again?.id).not.toBe(first!.id);
    const listed = await repo.alarms.list({ states: ['cleared'], deviceId: d.id, limit: 10 });
    expect(listed.map((a) => a.id)).toEqual([first!.id]);
  });

  it('tells subjects apart by tower, reference and source; updates facts in place', async () => {
    const t = await repo.towers.create(tower('ALM'));
    const d = await repo.devices.create(device('10.5.1.1', { towerId: t.id }));
    const alarm = (deviceId: number | null, ref: string | null, source: 'icmp' | 'snmp' = 'icmp') => ({
      source,
      deviceId,
      towerId: deviceId === null ? t.id : null,
      ref,
      type: 'tower_down',
      severity: 'critical' as const,
      params: { tower: 'Torre ALM', subscribers: 40 },
      affected: 12,
      raisedAt: 9000,
    });
    const raised = await repo.alarms.raiseMany([
      alarm(null, null),
      alarm(null, null),
      alarm(d.id, null),
      alarm(d.id, 'if:1'),
      alarm(d.id, 'if:2'),
      alarm(d.id, 'if:2', 'snmp'),
    ]);
    expect(raised.map((row) => [row.source, row.deviceId, row.towerId, row.ref])).toEqual([
      ['icmp', null, t.id, null],
      ['icmp', d.id, null, null],
      ['icmp', d.id, null, 'if:1'],
      ['icmp', d.id, null, 'if:2'],
      ['snmp', d.id, null, 'if:2'],
    ]);
    const [updated] = await repo.alarms.updateMany([
      { id: raised[0]!.id, affected: 30, severity: 'major', params: { tower: 'Torre ALM', subscribers: 41 } },
      { id: 999_999, affected: 1, severity: 'major', params: {} },
    ]);
    expect(updated).toMatchObject({
      affected: 30,
      severity: 'major',
      params: { tower: 'Torre ALM', subscribers: 41 },
    });
    expect((await repo.alarms.open()).length).toBeGreaterThanOrEqual(5);
  });

  it('deletes only the alarms cleared before the retention limit', async () => {
    const d = await repo.devices.create(device('10.5.2.1'));
    const base = {
      source: 'snmp' as const,
      deviceId: d.id,
      towerId: null,
      type: 'if_down',
      severity: 'major' as const,
      params: { interface: 'ether1' },
      affected: 1,
      raisedAt: 1_000,
    };
    const [old, recent, open] = await repo.alarms.raiseMany([
      { ...base, ref: 'if:1' },
      { ...base, ref: 'if:2' },
      { ...base, ref: 'if:3' },
    ]);
    await repo.alarms.clearMany([old!.id], 2_000, null);
    await repo.alarms.clearMany([recent!.id], 5_000, 'ana');
    expect(await repo.alarms.deleteClearedBefore(3_000)).toBe(1);
    const left = await repo.alarms.list({ states: ['active', 'cleared'], deviceId: d.id, limit: 10 });
    expect(left.map((alarm) => alarm.id).sort()).toEqual([recent!.id, open!.id].sort());
  });

  it('serialises concurrent writes of every kind without losing one', async () => {
    const devices = await repo.devices.createMany(
      Array.from({ length: 20 }, (_, i) => device(`10.7.0.${i}`)),
    );
    const at = 50_000_000;
    const sample = (deviceId: number, k: number): PingSample => ({
      deviceId,
      at: at + k,
      rttMs: 2,
      minMs: 1,
      maxMs: 3,
      jitterMs: 0.5,
      lossPct: 0,
      state: 'up',
    });
    const raise = (deviceId: number) =>
      repo.alarms.raiseMany([
        {
          source: 'icmp',
          deviceId,
          towerId: null,
          ref: null,
          type: 'latency_anomaly',
          severity: 'minor',
          params: {},
          affected: 1,
          raisedAt: at,
        },
      ]);
    const [, , raised] = await Promise.all([
      Promise.all(
        devices.map((d) => repo.ping.insertSamples(Array.from({ length: 30 }, (_, k) => sample(d.id, k)))),
      ),
      Promise.all(
        devices.map((d, i) =>
          repo.status.upsertMany([
            { deviceId: d.id, state: 'up', since: at + i, lastCheck: at, rttMs: 2, lossPct: 0, cause: null },
          ]),
        ),
      ),
      Promise.all(devices.slice(0, 5).flatMap((d) => [raise(d.id), raise(d.id), raise(d.id)])),
      Promise.all(
        devices.map((d) =>
          repo.audit.add({
            at: 0,
            actor: 'sync',
            action: 'device.touch',
            target: `device:${d.id}`,
            details: '',
          }),
        ),
      ),
      Promise.all(devices.map((d, i) => repo.settings.set(`concurrent.${d.id}`, i))),
    ]);
    for (const d of devices) expect(await repo.ping.samples(d.id, at, at + 100)).toHaveLength(30);
    const statuses = new Map((await repo.status.all()).map((s) => [s.deviceId, s]));
    devices.forEach((d, i) => expect(statuses.get(d.id)?.since).toBe(at + i));
    expect(raised.flat()).toHaveLength(5);
    expect(new Set(raised.flat().map((alarm) => alarm.deviceId)).size).toBe(5);
    const settings = await repo.settings.all();
    devices.forEach((d, i) => expect(settings[`concurrent.${d.id}`]).toBe(i));
  });

  it('drops the rows of a device deleted while they waited, keeping the rest of the batch', async () => {
    const [kept, gone] = await repo.devices.createMany([device('10.8.0.1'), device('10.8.0.2')]);
    await repo.devices.delete(gone!.id);
    const at = 60_000_000;
    const row = (deviceId: number): PingSample => ({
      deviceId,
      at,
      rttMs: null,
      minMs: null,
      maxMs: null,
      jitterMs: null,
      lossPct: 100,
      state: 'down',
    });
    await Promise.all([
      repo.ping.insertSamples([row(kept!.id), row(gone!.id)]),
      repo.status.upsertMany([deviceStatus(kept!.id, 'down', at), deviceStatus(gone!.id, 'down', at)]),
    ]);
    expect(await repo.ping.samples(kept!.id, at, at)).toHaveLength(1);
    const ids = (await repo.status.all()).map((s) => s.deviceId);
    expect(ids).toContain(kept!.id);
    expect(ids).not.toContain(gone!.id);
  });

  it('enqueues a notification once per idempotency key and tracks its delivery', async () => {
    const message = {
      channel: 'telegram',
      destination: '-100123',
      idempotencyKey: 'alarm-1:raised:telegram:-100123',
      payload: '{"text":"Torre caiu"}',
      nextAttemptAt: 0,
      createdAt: 0,
    };
    expect(await repo.outbox.enqueue(message)).toBe(true);
    expect(await repo.outbox.enqueue(message)).toBe(false);
    const [due] = await repo.outbox.due(10, 10);
    expect(due).toMatchObject({ state: 'pending', attempts: 0 });
    await repo.outbox.markRetry([due!.id], 500, '429 Too Many Requests');
    expect(await repo.outbox.due(10, 10)).toHaveLength(0);
    expect((await repo.outbox.due(600, 10))[0]).toMatchObject({
      attempts: 1,
      lastError: '429 Too Many Requests',
    });
    await repo.outbox.markSent([due!.id], 700);
    expect(await repo.outbox.due(10_000, 10)).toHaveLength(0);
    expect(await repo.outbox.stats(0)).toEqual({ pending: 0, failed: 0, sent: 1 });
    expect(await repo.outbox.deleteFinishedBefore(1)).toBe(1);
  });

  it('lets one workstation claim a message, takes back an expired claim, and releases after a restart', async () => {
    const base = { channel: 'webhook', destination: 'ops', payload: '{}', nextAttemptAt: 0, createdAt: 0 };
    await repo.outbox.enqueue({ ...base, idempotencyKey: 'a' });
    await repo.outbox.enqueue({ ...base, idempotencyKey: 'b' });
    const ids = (await repo.outbox.due(10, 10)).map((m) => m.id);
    const [first, second] = await Promise.all([
      repo.outbox.claim(ids, 'ws-1', 10, 1_000),
      repo.outbox.claim(ids, 'ws-2', 10, 1_000),
    ]);
    expect(first!.length + second!.length).toBe(2);
    expect(first!.length === 0 || second!.length === 0).toBe(true);
    const owner = first!.length ? 'ws-1' : 'ws-2';
    expect(await repo.outbox.due(500, 10)).toHaveLength(0);
    // The claim's lease ran out: another workstation may take it.
    expect(await repo.outbox.claim(ids, 'ws-3', 2_000, 3_000)).toHaveLength(2);
    expect(await repo.outbox.releaseClaims(owner)).toBe(0);
    expect(await repo.outbox.releaseClaims('ws-3')).toBe(2);
    await repo.outbox.markFailed([ids[0]!], 'chat not found');
    expect(await repo.outbox.recentFailures(5)).toMatchObject([{ id: ids[0], lastError: 'chat not found' }]);
    expect(await repo.outbox.stats(0)).toEqual({ pending: 1, failed: 1, sent: 0 });
  });

  it('keeps SNMP settings sealed, poll outcomes, and interface and wireless rollups', async () => {
    const d = await repo.devices.create(device('10.6.0.1'));
    const config = {
      deviceId: d.id,
      enabled: true,
      port: 161,
      version: '3' as const,
      user: 'noc',
      sealedCredentials: 'v1:abc',
      intervalS: 60,
    };
    await repo.snmp.setConfig(config);
    await repo.snmp.setConfig({ ...config, intervalS: 120 });
    await repo.snmp.setPollOutcomes([{ deviceId: d.id, at: 9_000, error: 'no SNMP answer' }]);
    expect(await repo.snmp.configs()).toEqual([
      { ...config, intervalS: 120, lastPollAt: 9_000, lastError: 'no SNMP answer' },
    ]);
    const rollup = {
      deviceId: d.id,
      ifIndex: 3,
      bucket: 300_000,
      samples: 5,
      inBpsAvg: 1e6,
      inBpsMax: 2e6,
      outBpsAvg: 5e5,
      outBpsMax: 9e5,
      errorsPerSecAvg: 0,
      discardsPerSecAvg: 0.1,
      utilizationMaxPct: 20,
    };
    await repo.snmp.upsertInterfaceRollups([rollup]);
    await repo.snmp.upsertInterfaceRollups([{ ...rollup, samples: 6 }]);
    expect(await repo.snmp.interfaceRollups(d.id, 0, 1e6)).toEqual([{ ...rollup, samples: 6 }]);
    const wireless = {
      deviceId: d.id,
      bucket: 300_000,
      samples: 5,
      signalAvgDbm: -63.5,
      signalMinDbm: -70,
      noiseFloorDbm: -96,
      ccqAvgPct: 91,
      capacityAvgPct: null,
      clientsMax: 23,
    };
    await repo.snmp.upsertWirelessRollups([wireless]);
    expect(await repo.snmp.wirelessRollups(d.id, 0, 1e6)).toEqual([wireless]);
    expect(await repo.snmp.deleteRollupsBefore(1e6)).toBe(2);
    await repo.snmp.deleteConfig(d.id);
    expect(await repo.snmp.configs()).toEqual([]);
  });

  it('stores settings as JSON and an audit trail, newest first', async () => {
    await repo.settings.set('icmp.intervalMs', 30_000);
    await repo.settings.set('notify.paused', { until: null });
    await repo.settings.set('icmp.intervalMs', 15_000);
    expect(await repo.settings.get('icmp.intervalMs')).toBe(15_000);
    expect(await repo.settings.all()).toMatchObject({ 'notify.paused': { until: null } });
    await repo.audit.add({
      at: 1,
      actor: 'ana',
      action: 'maintenance.start',
      target: 'tower:1',
      details: '1h',
    });
    await repo.audit.add({ at: 2, actor: 'rui', action: 'alarm.ack', target: 'alarm:7', details: '' });
    expect((await repo.audit.list(2)).map((e) => e.actor)).toEqual(['rui', 'ana']);
  });
});
