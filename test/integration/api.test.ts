import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiError, ApiMethod } from '../../shared/contract/api';
import type { Tower } from '../../shared/contract/entities';
import type { VigiaEvent } from '../../shared/contract/events';
import { ApiFailure } from '../../shared/contract/api-failure';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import { forkSpawner } from '../../electron/engine/collectors/spawner';

// The whole engine as the desktop app and the server compose it: real SQLite store, real pinger
// and SNMP workers. Every address below is on loopback.
let dir: string;
let engine: RunningEngine;
const events: VigiaEvent[] = [];
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-api-'));
  engine = await startEngine({
    dataDir: dir,
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '9.9.9-test',
    // With local access, every call is this computer's user: the actor the audit log records.
    defaultOperator: 'Ana',
    log: (line) => logs.push(line),
  });
  engine.subscribe((event) => events.push(event));
});

afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(method: ApiMethod, input: unknown): Promise<ApiError> {
  const error = await engine.call(method, input).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).error;
}

const eventsOf = <T extends VigiaEvent['type']>(type: T) =>
  events.filter((event): event is Extract<VigiaEvent, { type: T }> => event.type === type);

let tower: Tower;

describe('API dispatch', () => {
  it('answers app.info and engine.health from the running engine', async () => {
    expect(await engine.call('app.info', undefined)).toMatchObject({
      version: '9.9.9-test',
      demo: false,
      dialect: 'sqlite',
      runtime: 'headless',
    });
    const health = await engine.call('engine.health', undefined);
    expect(health.storeOk).toBe(true);
    expect(health.workers.map((worker) => worker.name).sort()).toEqual([
      'backup',
      'optical',
      'pinger',
      'snmp',
      'synthetic',
      'traps',
    ]);
  });

  it('rejects an unknown method and malformed input with readable errors and field paths', async () => {
    expect(await failure('nope.never' as ApiMethod, {})).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('nope.never'),
    });
    const error = await failure('devices.create', { name: '', host: 'bad host!', kind: 'toaster' });
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['host', 'kind', 'name']);
    expect(error.message).toContain('host');
    expect((await failure('towers.delete', { id: -1 })).issues[0]?.path).toBe('id');
  });

  it('creates, updates and deletes towers, announcing and auditing each change', async () => {
    tower = await engine.call('towers.create', {
      name: 'Torre Alto Branco',
      code: 'AB-01',
      latitude: -7.2,
      longitude: -35.87,
    });
    expect(eventsOf('tower.upserted').at(-1)?.tower).toEqual(tower);
    const renamed = await engine.call('towers.update', { id: tower.id, patch: { name: 'Torre AB' } });
    expect(renamed.name).toBe('Torre AB');
    tower = renamed;
    expect((await failure('towers.create', { ...tower, id: undefined })).code).toBe('conflict');

    const spare = await engine.call('towers.create', {
      name: 'Sobra',
      code: 'SB',
      latitude: 0,
      longitude: 0,
    });
    await engine.call('towers.delete', { id: spare.id });
    expect(eventsOf('tower.deleted').at(-1)?.id).toBe(spare.id);
    expect((await engine.call('towers.list', undefined)).map((t) => t.id)).toEqual([tower.id]);
    expect((await failure('towers.update', { id: spare.id, patch: { name: 'x' } })).code).toBe('not_found');
    expect((await failure('towers.delete', { id: spare.id })).code).toBe('not_found');

    const actions = (await engine.call('audit.list', {})).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['tower.create', 'tower.update', 'tower.delete']));
  });

  it('creates devices that the monitor picks up, and checks their links', async () => {
    const root = await engine.call('devices.create', {
      name: 'Roteador AB',
      host: '127.0.0.1',
      kind: 'router',
      towerId: tower.id,
    });
    expect(eventsOf('device.upserted').at(-1)?.device).toEqual(root);
    const ap = await engine.call('devices.create', {
      name: 'Setor AB 0°',
      host: '127.0.0.2',
      kind: 'sector_ap',
      towerId: tower.id,
      parentId: root.id,
    });
    expect(await engine.call('devices.get', { id: ap.id })).toEqual(ap);
    const monitored = (await engine.call('status.snapshot', undefined)).map((status) => status.deviceId);
    expect(monitored).toEqual(expect.arrayContaining([root.id, ap.id]));

    const duplicate = await failure('devices.create', { name: 'Outro', host: '127.0.0.1' });
    expect(duplicate).toMatchObject({ code: 'conflict', message: expect.stringContaining('127.0.0.1') });
    expect((await failure('devices.create', { name: 'X', host: '127.0.0.9', towerId: 999 })).issues).toEqual([
      { path: 'towerId', message: 'unknown tower' },
    ]);
    expect(
      (await failure('devices.create', { name: 'X', host: '127.0.0.9', parentId: 999 })).issues[0]?.path,
    ).toBe('parentId');
    expect((await failure('devices.get', { id: 999 })).code).toBe('not_found');

    const cycle = await failure('devices.update', { id: root.id, patch: { parentId: ap.id } });
    expect(cycle.code).toBe('invalid_input');
    expect(cycle.issues[0]?.path).toBe('parentId');
    expect(cycle.message).toContain('Setor AB 0°');
    expect((await failure('devices.update', { id: root.id, patch: { parentId: root.id } })).code).toBe(
      'invalid_input',
    );
    expect((await engine.call('devices.get', { id: root.id })).parentId).toBeNull();

    await engine.call('devices.delete', { id: root.id });
    expect(eventsOf('device.deleted').at(-1)?.id).toBe(root.id);
    expect((await failure('devices.delete', { id: root.id })).code).toBe('not_found');
    expect(eventsOf('devices.upserted').at(-1)?.devices).toEqual([
      expect.objectContaining({ id: ap.id, parentId: null }),
    ]);
    expect((await engine.call('devices.get', { id: ap.id })).parentId).toBeNull();
    expect((await engine.call('status.snapshot', undefined)).map((status) => status.deviceId)).not.toContain(
      root.id,
    );
  });

  it('imports devices all or nothing, naming the row at fault', async () => {
    const before = (await engine.call('devices.list', undefined)).length;
    const rows = Array.from({ length: 50 }, (_, i) => ({
      name: `Cliente ${i}`,
      host: `127.0.1.${i + 1}`,
      kind: 'cpe' as const,
      towerId: tower.id,
    }));

    const clash = await failure('devices.importMany', {
      rows: [...rows, { name: 'Dup', host: '127.0.1.7' }],
    });
    expect(clash).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Row 51.*127\.0\.1\.7.*row 7/),
    });
    expect(clash.issues[0]?.path).toBe('rows.50.host');

    const orphan = await failure('devices.importMany', {
      rows: [...rows.slice(0, 3), { name: 'Órfão', host: '127.0.2.1', parentId: 4242 }],
    });
    expect(orphan).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Row 4') });
    expect(orphan.issues[0]?.path).toBe('rows.3.parentId');
    expect(
      (await failure('devices.importMany', { rows: [...rows, { name: '', host: 'x' }] })).issues[0]?.path,
    ).toBe('rows.50.name');
    expect(await engine.call('devices.list', undefined)).toHaveLength(before);

    const upsertsBefore = eventsOf('device.upserted').length;
    expect(await engine.call('devices.importMany', { rows })).toEqual({ created: 50 });
    const listed = await engine.call('devices.list', undefined);
    expect(listed).toHaveLength(before + 50);
    // One event for the whole import, carrying every new device as stored.
    expect(eventsOf('device.upserted')).toHaveLength(upsertsBefore);
    expect(eventsOf('devices.upserted').at(-1)?.devices).toEqual(listed.slice(before));
    expect((await engine.call('audit.list', { limit: 1 }))[0]).toMatchObject({
      action: 'device.import',
      details: '50 devices imported',
    });
  });

  it('serves history, alarms, maintenance and settings', async () => {
    const [device] = await engine.call('devices.list', undefined);
    // Its first check is its first raw sample, on the chart as soon as it is written.
    await vi.waitFor(
      async () =>
        expect(
          (await engine.call('status.history', { deviceId: device!.id, range: '1h' })).length,
        ).toBeGreaterThan(0),
      { timeout: 60_000, interval: 100 },
    );
    const ranges = ['1h', '24h', '7d', '30d'] as const;
    const histories = [];
    for (const range of ranges)
      histories.push(await engine.call('status.history', { deviceId: device!.id, range }));
    // The device is minutes old: up to a day every raw sample is a point of its own, beyond it the
    // rollups; either way all of it, in time order.
    const [hour, day, week, month] = histories;
    expect(day).toEqual(hour);
    expect(month).toEqual(week);
    expect(hour!.length).toBeGreaterThan(0);
    expect(hour!.every((point) => point.deviceId === device!.id && point.samples === 1)).toBe(true);
    for (const history of histories)
      expect(history.map((point) => point.bucket)).toEqual(
        history.map((point) => point.bucket).sort((a, b) => a - b),
      );
    expect((await failure('status.history', { deviceId: device!.id, range: '2y' })).issues[0]?.path).toBe(
      'range',
    );
    // Every device here answers on loopback: no alarm is open.
    expect(await engine.call('alarms.list', { states: ['active'] })).toEqual([]);

    await engine.call('maintenance.start', {
      target: { scope: 'global' },
      minutes: 30,
      reason: 'Troca de nobreak',
    });
    expect(await engine.call('maintenance.global', undefined)).toMatchObject({
      reason: 'Troca de nobreak',
    });
    await engine.call('maintenance.end', { target: { scope: 'global' } });
    expect(await engine.call('maintenance.global', undefined)).toBeNull();

    await engine.call('settings.ui.set', { value: { language: 'en' } });
    expect((await engine.call('settings.get', undefined)).ui.language).toBe('en');
    expect((await engine.call('audit.list', { limit: 1 }))[0]).toMatchObject({
      actor: 'Ana',
      action: 'settings.ui.set',
      target: 'settings.ui',
    });
  });

  it('publishes engine health with every part, the workers included, after each cycle', async () => {
    const [device] = await engine.call('devices.list', undefined);
    const before = eventsOf('engine.health').length;
    await engine.call('devices.pingNow', { ids: [device!.id] });
    const published = eventsOf('engine.health').slice(before);
    expect(published.length).toBeGreaterThan(0);
    for (const { health } of published)
      expect(health.workers.map((worker) => worker.name).sort()).toEqual([
        'backup',
        'optical',
        'pinger',
        'snmp',
        'synthetic',
        'traps',
      ]);
  });

  it('acknowledges and clears alarms by hand, saying who and why, through the alarm service', async () => {
    const device = await engine.call('devices.create', { name: 'OLT Serra', host: '127.0.0.77' });
    await engine.alarms.raise({
      source: 'backup',
      type: 'backup_failed',
      subject: { deviceId: device.id, towerId: null, ref: null },
      severity: 'major',
      params: { device: device.name },
    });
    const [alarm] = engine.alarms.openAlarms('backup').filter((open) => open.deviceId === device.id);
    const [acked] = await engine.call('alarms.acknowledge', { ids: [alarm!.id], note: 'vendo' });
    expect(acked).toMatchObject({
      id: alarm!.id,
      state: 'acknowledged',
      acknowledgedBy: 'Ana',
      note: 'vendo',
    });
    expect((await failure('alarms.clear', { ids: [alarm!.id], reason: '  ' })).issues[0]?.path).toBe(
      'reason',
    );
    const [cleared] = await engine.call('alarms.clear', {
      ids: [alarm!.id],
      reason: 'backup refeito à mão',
    });
    expect(cleared).toMatchObject({ id: alarm!.id, state: 'cleared', clearedBy: 'Ana' });
    expect(eventsOf('alarm.cleared').at(-1)?.alarm.id).toBe(alarm!.id);
    expect(engine.alarms.openAlarms('backup')).toEqual([]);
    expect((await engine.call('audit.list', { limit: 1 }))[0]).toMatchObject({
      actor: 'Ana',
      action: 'alarm.clear',
      target: `alarms:${alarm!.id}`,
      details: 'backup refeito à mão',
    });
    expect(await engine.call('alarms.clear', { ids: [alarm!.id], reason: 'de novo' })).toEqual([]);
  });

  it("forgets a device's SNMP credentials when its address changes, not when its name does", async () => {
    const device = await engine.call('devices.create', { name: 'Switch POP', host: '127.0.0.61' });
    await engine.call('snmp.config.set', {
      config: {
        deviceId: device.id,
        enabled: false,
        credentials: { version: '2c', community: 'pop-community' },
      },
    });
    await engine.call('devices.update', { id: device.id, patch: { name: 'Switch POP 1' } });
    expect(await engine.call('snmp.config.get', { deviceId: device.id })).toMatchObject({ version: '2c' });
    await engine.call('devices.update', { id: device.id, patch: { host: '127.0.0.62' } });
    expect(await engine.call('snmp.config.get', { deviceId: device.id })).toBeNull();
    expect((await engine.call('audit.list', { limit: 1 }))[0]).toMatchObject({
      action: 'snmp.config.delete',
      target: `device:${device.id}`,
    });
  });
});
