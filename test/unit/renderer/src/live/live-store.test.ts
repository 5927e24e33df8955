import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../../../../../shared/contract/api';
import type { VigiaClient } from '../../../../../shared/contract/client';
import type { DeviceState, DeviceStatus } from '../../../../../shared/contract/entities';
import type { RunningEngine } from '../../../../../electron/engine/start-engine';
import { LiveStore, RECENT_KEPT } from '../../../../../renderer/src/live/live-store';
import { recentKey } from '../../../../../shared/domain/recent/feed';
import { deviceDownAlarm } from '../../../../helpers/alarms';
import { startTestEngine } from '../../../../helpers/test-engine';
import { deviceStatus } from '../../../../helpers/device-status';

// The UI's live store over a real engine (demo network, real SQLite): the client is the engine's
// own call and event stream, as the preload bridge gives it. The browser's frame clock and
// location are the only stand-ins.
vi.stubGlobal('requestAnimationFrame', (callback: (at: number) => void) =>
  setTimeout(() => callback(performance.now()), 0),
);
vi.stubGlobal('window', { location: { hash: '' } });

let running: Awaited<ReturnType<typeof startTestEngine>>;
let engine: RunningEngine;
const nextFrame = () => new Promise((done) => setTimeout(done, 0));

/** The engine as a VigiaClient; `hold` may delay or fail one method's answer. */
function clientOf(hold: (method: ApiMethod, answer: unknown) => Promise<unknown> = async (_m, a) => a) {
  return {
    invoke: async (method, input) => (await hold(method, await engine.call(method, input))) as never,
    subscribe: (listener) => engine.subscribe(listener),
  } satisfies VigiaClient;
}

const status = (deviceId: number, state: DeviceState, since: number): DeviceStatus =>
  deviceStatus(deviceId, state, since, { rttMs: null, lossPct: null });

beforeAll(async () => {
  running = await startTestEngine('live');
  engine = running.engine;
});

afterAll(() => running?.stop());

describe('the live store', () => {
  it('loads the network once and announces it in one frame', async () => {
    // The load alone: the demo engine's own events (cycles, health) would announce frames too.
    const store = new LiveStore({ ...clientOf(), subscribe: () => () => undefined });
    let announced = 0;
    store.subscribe(() => announced++);
    await store.start();
    expect(store.loaded).toBe(true);
    expect(store.error).toBeNull();
    expect([...store.devices.keys()].sort((a, b) => a - b)).toEqual(
      (await engine.call('devices.list', undefined)).map((device) => device.id).sort((a, b) => a - b),
    );
    expect([...store.towers.values()]).toEqual(await engine.call('towers.list', undefined));
    expect(store.info).toEqual(await engine.call('app.info', undefined));
    expect(store.inventoryVersion).toBe(1);
    await expect.poll(() => announced).toBe(1);
    expect(store.version).toBe(1);
  });

  it('reads the network again after a lost connection, dropping what was deleted meanwhile', async () => {
    // A client whose events never arrive: what happens meanwhile is only known by reading again.
    const store = new LiveStore({ ...clientOf(), subscribe: () => () => undefined });
    await store.start();
    const added = await engine.call('devices.create', { name: 'resync-novo', host: '127.0.0.77' });
    const gone = [...store.devices.values()].find((device) => device.id !== added.id)!;
    await engine.call('devices.delete', { id: gone.id });
    expect(store.devices.has(added.id)).toBe(false);
    await store.resync();
    expect(store.devices.get(added.id)?.name).toBe('resync-novo');
    expect(store.devices.has(gone.id)).toBe(false);
    expect(store.statuses.has(gone.id)).toBe(false);
    expect(store.inventoryVersion).toBe(2);
  });

  it('applies what the engine announces while it loads after the load, in order', async () => {
    const spare = await engine.call('towers.create', {
      name: 'Sobra',
      code: 'SB-1',
      latitude: 0,
      longitude: 0,
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => (release = done));
    let held: () => void = () => undefined;
    const holding = new Promise<void>((done) => (held = done));
    const store = new LiveStore(
      clientOf(async (method, answer) => {
        if (method !== 'towers.list') return answer;
        // The list still holds the tower; its deletion is announced before the list arrives.
        held();
        await released;
        return answer;
      }),
    );
    const loading = store.start();
    await holding;
    await engine.call('towers.delete', { id: spare.id });
    release();
    await loading;
    expect(store.towers.has(spare.id)).toBe(false);
    expect(store.loaded).toBe(true);
  });

  it('follows inventory and alarm events, and batches a burst into one announcement', async () => {
    const store = new LiveStore(clientOf());
    await store.start();
    await nextFrame();
    let announced = 0;
    store.subscribe(() => announced++);
    const inventory = store.inventoryVersion;
    const tower = await engine.call('towers.create', {
      name: 'Nova',
      code: 'NV-1',
      latitude: -7,
      longitude: -35,
    });
    await expect.poll(() => store.towers.get(tower.id)).toEqual(tower);
    expect(store.inventoryVersion).toBe(inventory + 1);
    await engine.call('towers.delete', { id: tower.id });
    await expect.poll(() => store.towers.has(tower.id)).toBe(false);
    expect(store.inventoryVersion).toBe(inventory + 2);

    await expect.poll(() => announced).toBeGreaterThan(0);
    announced = 0;
    const version = store.version;
    const [device] = store.devices.values();
    for (let i = 0; i < 50; i++) store.apply({ type: 'ui.openDevice', deviceId: device!.id });
    store.apply({ type: 'device.upserted', device: { ...device!, name: 'Renomeado' } });
    store.apply({ type: 'device.upserted', device: { ...device!, name: 'Renomeado de novo' } });
    await nextFrame();
    expect(announced).toBe(1);
    expect(store.version).toBe(version + 1);
    expect(store.devices.get(device!.id)!.name).toBe('Renomeado de novo');
    expect(window.location.hash).toBe(`#/devices/${device!.id}`);

    // An import arrives as one event: every device applied, the inventory bumped once.
    const before = store.inventoryVersion;
    const renamed = [...store.devices.values()].slice(0, 3).map((d) => ({ ...d, notes: 'importado' }));
    store.apply({ type: 'devices.upserted', devices: renamed });
    expect(renamed.map((d) => store.devices.get(d.id)?.notes)).toEqual([
      'importado',
      'importado',
      'importado',
    ]);
    expect(store.inventoryVersion).toBe(before + 1);

    store.apply({ type: 'device.deleted', id: device!.id });
    expect(store.devices.has(device!.id)).toBe(false);
    expect(store.statuses.has(device!.id)).toBe(false);
  });

  it('keeps the last 100 moments, newest first, ignoring updates that keep the state', async () => {
    const store = new LiveStore(clientOf());
    await store.start();
    const ids = [...store.devices.keys()].slice(0, 150);
    expect(ids).toHaveLength(150);
    const before = new Map(ids.map((id) => [id, store.statuses.get(id)?.state ?? null]));
    const next = (id: number): DeviceState => (before.get(id) === 'flapping' ? 'degraded' : 'flapping');
    // Later than anything the demo engine stored, so these are the newest moments.
    const at = Date.now() + 86_400_000;
    store.apply({
      type: 'status.changed',
      at,
      statuses: ids.map((id, i) => status(id, next(id), at + i)),
    });
    expect(store.recent).toHaveLength(RECENT_KEPT);
    expect(store.recentHasOlder).toBe(true);
    expect(store.recent[0]).toEqual({
      kind: 'state',
      deviceId: ids[149],
      from: before.get(ids[149]!),
      to: next(ids[149]!),
      at: at + 149,
      cause: null,
    });
    expect(store.recent[99]).toMatchObject({ kind: 'state', deviceId: ids[50], at: at + 50 });

    // A new sample of the same state: the status refreshes, the list stays as it was.
    const changes = store.recent;
    store.apply({
      type: 'status.changed',
      at,
      statuses: [{ ...status(ids[0]!, next(ids[0]!), at), rttMs: 3 }],
    });
    expect(store.recent).toBe(changes);
    expect(store.statuses.get(ids[0]!)!.rttMs).toBe(3);
  });

  it('opens with what happened before it, then hears alarms raised, acknowledged and cleared', async () => {
    // Whatever the engine stored before the page opened is listed at once.
    await vi.waitFor(
      async () => expect((await engine.call('recent.list', { limit: 5 })).items.length).toBeGreaterThan(0),
      {
        timeout: 60_000,
        interval: 100,
      },
    );
    const [stored] = (await engine.call('recent.list', { limit: 1 })).items;
    const store = new LiveStore({ ...clientOf(), subscribe: () => () => undefined });
    await store.start();
    expect(store.recent.map(recentKey)).toContain(recentKey(stored!));

    const at = Date.now() + 2 * 86_400_000;
    const alarm = deviceDownAlarm(900_001, 'AP Norte', { deviceId: null, raisedAt: at });
    const acknowledged = {
      ...alarm,
      state: 'acknowledged' as const,
      acknowledgedAt: at + 1,
      acknowledgedBy: 'joana',
      note: 'Equipe a caminho',
    };
    store.apply({ type: 'alarm.raised', alarm });
    store.apply({ type: 'alarm.updated', alarm: { ...alarm, affected: 4 } });
    store.apply({ type: 'alarm.updated', alarm: acknowledged });
    store.apply({ type: 'alarm.cleared', alarm: { ...acknowledged, state: 'cleared', clearedAt: at + 2 } });
    expect(
      store.recent
        .slice(0, 3)
        .map((moment) => [moment.kind, moment.kind === 'alarm' && moment.action, moment.at]),
    ).toEqual([
      ['alarm', 'cleared', at + 2],
      ['alarm', 'acknowledged', at + 1],
      ['alarm', 'raised', at],
    ]);
    expect(store.recent[1]).toMatchObject({ alarm: { acknowledgedBy: 'joana', note: 'Equipe a caminho' } });
  });

  it('says why it could not load, and stays unloaded', async () => {
    const store = new LiveStore(
      clientOf(async (method, answer) => {
        if (method === 'status.snapshot') throw new Error('O motor não respondeu.');
        return answer;
      }),
    );
    await store.start();
    expect(store.loaded).toBe(false);
    expect(store.error).toBe('O motor não respondeu.');
  });
});
