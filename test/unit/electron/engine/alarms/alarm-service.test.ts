import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlarmRetention } from '../../../../../electron/engine/alarms/alarm-retention';
import { AlarmService } from '../../../../../electron/engine/alarms/alarm-service';
import type { DesiredAlarm } from '../../../../../electron/engine/alarms/port';
import { EventBus } from '../../../../../electron/engine/event-bus';
import { openStore } from '../../../../../electron/engine/store/open-store';
import type { Repository } from '../../../../../electron/engine/store/repository';
import type { VigiaEvent } from '../../../../../shared/contract/events';

let dir: string;
let repo: Repository;
let bus: EventBus;
let events: VigiaEvent[];
let ids: number[];
const clock = { t: 1_800_000_000_000, now: () => clock.t };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-alarm-service-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  ids = (
    await repo.devices.createMany(
      Array.from({ length: 6 }, (_, i) => ({ name: `AP ${i + 1}`, host: `127.20.0.${i + 1}` })),
    )
  ).map((device) => device.id);
  bus = new EventBus();
  events = [];
  bus.subscribe((event) => events.push(event));
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const service = (chunkSize?: number) =>
  AlarmService.load({ repo, bus, now: clock.now, ...(chunkSize ? { chunkSize } : {}) });

const down = (index: number, extra: Partial<DesiredAlarm> = {}): DesiredAlarm => ({
  source: 'icmp',
  type: 'device_down',
  subject: { deviceId: ids[index]!, towerId: null, ref: null },
  severity: 'major',
  params: { device: `AP ${index + 1}` },
  ...extra,
});

const kinds = () =>
  events.map((event) => `${event.type} ${'alarm' in event ? event.alarm.params.device : ''}`);

describe('alarm service', () => {
  it('raises once, updates when the facts change, clears once; each change one event', async () => {
    const alarms = await service();
    await alarms.raise(down(0), 1_000);
    await alarms.raise(down(0), 2_000);
    await alarms.raise(down(0, { severity: 'critical', affected: 3 }), 3_000);
    await alarms.clear({ source: 'icmp', type: 'device_down', subject: down(0).subject }, 4_000);
    await alarms.clear({ source: 'icmp', type: 'device_down', subject: down(0).subject }, 5_000);
    expect(kinds()).toEqual(['alarm.raised AP 1', 'alarm.updated AP 1', 'alarm.cleared AP 1']);
    const [stored] = await repo.alarms.list({ states: ['cleared'], limit: 10 });
    expect(stored).toMatchObject({
      source: 'icmp',
      type: 'device_down',
      deviceId: ids[0],
      ref: null,
      severity: 'critical',
      affected: 3,
      params: { device: 'AP 1' },
      raisedAt: 1_000,
      clearedAt: 4_000,
      clearedBy: null,
    });
    expect(alarms.openAlarms('icmp')).toEqual([]);
  });

  it('applies a batch of raises and clears in one write, the last word on an identity winning', async () => {
    const alarms = await service();
    await alarms.raise(down(0), 1_000);
    await alarms.raise(down(1), 1_000);
    events.length = 0;
    let writes = 0;
    const raiseMany = repo.alarms.raiseMany.bind(repo.alarms);
    repo.alarms.raiseMany = (rows) => (writes++, raiseMany(rows));
    const changes = await alarms.applyMany(
      {
        raise: [down(2), down(3, { severity: 'minor' }), down(3), down(1, { severity: 'critical' }), down(4)],
        clear: [0, 4, 5].map((i) => ({
          source: 'icmp' as const,
          type: 'device_down',
          subject: down(i).subject,
        })),
      },
      2_000,
    );
    expect(changes).toEqual({ raised: 3, updated: 1, cleared: 1 });
    expect(writes).toBe(1);
    expect(kinds()).toEqual([
      'alarm.raised AP 3',
      'alarm.raised AP 4',
      'alarm.raised AP 5',
      'alarm.updated AP 2',
      'alarm.cleared AP 1',
    ]);
    const open = await repo.alarms.open();
    expect(open.map((alarm) => [alarm.params.device, alarm.severity, alarm.raisedAt]).sort()).toEqual([
      ['AP 2', 'critical', 1_000],
      ['AP 3', 'major', 2_000],
      ['AP 4', 'major', 2_000],
      ['AP 5', 'major', 2_000],
    ]);
  });

  it('reconciles one source: raises the new, updates the changed, clears the rest, leaves others alone', async () => {
    const alarms = await service();
    await alarms.raise({
      ...down(5),
      source: 'snmp',
      type: 'if_down',
      subject: { ...down(5).subject, ref: 'if:1' },
    });
    expect(await alarms.reconcile('icmp', [down(0), down(1), down(2)], 1_000)).toEqual({
      raised: 3,
      updated: 0,
      cleared: 0,
    });
    events = [];
    expect(
      await alarms.reconcile('icmp', [down(1, { params: { device: 'AP 2 (renamed)' } }), down(3)], 2_000),
    ).toEqual({ raised: 1, updated: 1, cleared: 2 });
    expect(kinds().sort()).toEqual([
      'alarm.cleared AP 1',
      'alarm.cleared AP 3',
      'alarm.raised AP 4',
      'alarm.updated AP 2 (renamed)',
    ]);
    expect(alarms.openAlarms('snmp')).toHaveLength(1);
    expect((await repo.alarms.open()).map((alarm) => alarm.params.device).sort()).toEqual([
      'AP 2 (renamed)',
      'AP 4',
      'AP 6',
    ]);
  });

  it('neither updates nor clears frozen alarms, and compares only within the scope', async () => {
    const alarms = await service();
    await alarms.reconcile('icmp', [down(0), down(1), down(2)], 1_000);
    const frozenId = ids[0];
    const changes = await alarms.reconcile('icmp', [down(0, { severity: 'critical' })], 2_000, {
      frozen: (alarm) => alarm.deviceId === frozenId,
      scope: (alarm) => alarm.deviceId !== ids[2],
    });
    expect(changes).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect(
      alarms
        .openAlarms('icmp')
        .map((alarm) => [alarm.params.device, alarm.severity])
        .sort(),
    ).toEqual([
      ['AP 1', 'major'],
      ['AP 3', 'major'],
    ]);
  });

  it('adopts an alarm another workstation opened, instead of opening a second one', async () => {
    const alarms = await service();
    await repo.alarms.raiseMany([
      {
        source: 'icmp',
        deviceId: ids[0]!,
        towerId: null,
        ref: null,
        type: 'device_down',
        severity: 'major',
        params: { device: 'AP 1' },
        affected: 1,
        raisedAt: 500,
      },
    ]);
    expect(await alarms.reconcile('icmp', [down(0, { affected: 2 }), down(1)], 1_000)).toEqual({
      raised: 1,
      updated: 1,
      cleared: 0,
    });
    expect(await repo.alarms.open()).toHaveLength(2);
    expect(alarms.openAlarms('icmp').find((alarm) => alarm.deviceId === ids[0])).toMatchObject({
      affected: 2,
      raisedAt: 500,
    });
  });

  it('acknowledges with a note and clears by hand with a reason, both audited and published', async () => {
    const alarms = await service();
    await alarms.reconcile('icmp', [down(0), down(1)], 1_000);
    const [first, second] = alarms.openAlarms('icmp');
    clock.t = 2_000;
    expect(await alarms.acknowledge([first!.id], 'ana', 'técnico a caminho')).toMatchObject([
      {
        id: first!.id,
        state: 'acknowledged',
        acknowledgedBy: 'ana',
        acknowledgedAt: 2_000,
        note: 'técnico a caminho',
      },
    ]);
    expect(alarms.openAlarms('icmp').find((alarm) => alarm.id === first!.id)?.state).toBe('acknowledged');
    clock.t = 3_000;
    const cleared = await alarms.clearByOperator([second!.id, 999_999], 'bia', 'falso positivo');
    expect(cleared).toMatchObject([{ id: second!.id, state: 'cleared', clearedAt: 3_000, clearedBy: 'bia' }]);
    expect(events.slice(-2).map((event) => event.type)).toEqual(['alarm.updated', 'alarm.cleared']);
    expect(
      (await repo.audit.list(2)).map((entry) => [entry.action, entry.actor, entry.target, entry.details]),
    ).toEqual([
      ['alarm.clear', 'bia', `alarms:${second!.id}`, 'falso positivo'],
      ['alarm.acknowledge', 'ana', `alarms:${first!.id}`, 'técnico a caminho'],
    ]);
    // The condition still holds: the source raises it again, as a new alarm.
    await alarms.reconcile('icmp', [down(0), down(1)], 4_000);
    expect(alarms.openAlarms('icmp').map((alarm) => alarm.id)).not.toContain(second!.id);
    expect(alarms.openAlarms('icmp')).toHaveLength(2);
  });

  it('writes in chunks, letting the event loop run between them', async () => {
    const alarms = await service(2);
    // A turn of the event loop is counted each time the loop gets to its check phase.
    let ticks = 0;
    let counting = true;
    const tick = () => {
      ticks += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const raisedAt: number[] = [];
    bus.subscribe((event) => {
      if (event.type === 'alarm.raised') raisedAt.push(ticks);
    });
    await alarms.reconcile(
      'icmp',
      [0, 1, 2, 3, 4, 5].map((i) => down(i)),
      1_000,
    );
    counting = false;
    expect(raisedAt).toHaveLength(6);
    // Three chunks of two: the timer ran between the first chunk's events and the last's.
    expect(raisedAt[5]!).toBeGreaterThan(raisedAt[0]!);
    expect(await repo.alarms.open()).toHaveLength(6);
  });

  it('loads the open alarms the store holds after a restart', async () => {
    const first = await service();
    await first.reconcile('icmp', [down(0), down(1)], 1_000);
    const second = await service();
    expect(
      second
        .openAlarms('icmp')
        .map((alarm) => alarm.params.device)
        .sort(),
    ).toEqual(['AP 1', 'AP 2']);
    events = [];
    expect(await second.reconcile('icmp', [down(0), down(1)], 2_000)).toEqual({
      raised: 0,
      updated: 0,
      cleared: 0,
    });
    expect(events).toEqual([]);
  });
});

describe('alarm service, store stalled', () => {
  it('decides and publishes from memory when the store does not answer, and stores it all once it does', async () => {
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    // The store freezes: every alarm write waits until the test lets it go, the write in
    // progress hanging all along (as a frozen PostgreSQL's does).
    const frozenAt = performance.now();
    let thawed = false;
    void stalled.then(() => (thawed = true));
    const frozen: Repository = {
      ...repo,
      backlog: () => (thawed ? repo.backlog() : { queued: 1, waitingMs: performance.now() - frozenAt }),
      alarms: {
        ...repo.alarms,
        raiseMany: (rows) => stalled.then(() => repo.alarms.raiseMany(rows)),
        clearMany: (ids, at, by) => stalled.then(() => repo.alarms.clearMany(ids, at, by)),
      },
    };
    const alarms = await AlarmService.load({ repo: frozen, bus, now: clock.now, stallMs: 50 });
    const started = performance.now();
    expect(await alarms.reconcile('icmp', [down(0), down(1)], 1_000)).toEqual({
      raised: 2,
      updated: 0,
      cleared: 0,
    });
    expect(await alarms.reconcile('icmp', [down(1)], 2_000)).toEqual({ raised: 0, updated: 0, cleared: 1 });
    // Decided without the frozen store, which would never have answered: a stall of 50 ms each,
    // and whatever a loaded machine adds.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(kinds()).toEqual(['alarm.raised AP 1', 'alarm.raised AP 2', 'alarm.cleared AP 1']);
    expect(alarms.backlog()).toBe(2);
    expect(await repo.alarms.open()).toEqual([]);

    release();
    await alarms.idle();
    const published = events.flatMap((event) => ('alarm' in event ? [event.alarm] : []));
    const stored = await repo.alarms.list({ states: ['active', 'cleared'], limit: 10 });
    expect(stored.map((alarm) => [alarm.id, alarm.params.device, alarm.state]).sort()).toEqual(
      [
        [published[0]!.id, 'AP 1', 'cleared'],
        [published[1]!.id, 'AP 2', 'active'],
      ].sort(),
    );
    expect(alarms.backlog()).toBe(0);
  });
});

describe('alarm service, store busy', () => {
  it('publishes a change only once it is stored while the store answers, however slowly (a kill -9 then loses nothing)', async () => {
    // Every alarm write takes four stalls' time, the store answering all along (a long queue of
    // other writes ahead of it, each landing): nothing hangs, so nothing is decided from memory.
    const slow = <T>(write: () => Promise<T>) =>
      new Promise((resolve) => setTimeout(resolve, 200)).then(write);
    const busy: Repository = {
      ...repo,
      alarms: {
        ...repo.alarms,
        raiseMany: (rows) => slow(() => repo.alarms.raiseMany(rows)),
        clearMany: (ids, at, by) => slow(() => repo.alarms.clearMany(ids, at, by)),
      },
    };
    const storedWhenPublished: string[] = [];
    bus.subscribe((event) => {
      if (event.type !== 'alarm.raised' && event.type !== 'alarm.cleared') return;
      // Read synchronously from SQLite at the moment of the event: what a kill -9 would leave.
      void repo.alarms
        .list({ states: ['active', 'cleared'], limit: 10 })
        .then((stored) =>
          storedWhenPublished.push(
            `${event.type} ${stored.find((alarm) => alarm.id === event.alarm.id)?.state ?? 'absent'}`,
          ),
        );
    });
    const alarms = await AlarmService.load({ repo: busy, bus, now: clock.now, stallMs: 50 });
    await alarms.reconcile('icmp', [down(0)], 1_000);
    await alarms.reconcile('icmp', [], 2_000);
    await alarms.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(kinds()).toEqual(['alarm.raised AP 1', 'alarm.cleared AP 1']);
    expect(storedWhenPublished).toEqual(['alarm.raised active', 'alarm.cleared cleared']);
  });
});

describe('alarm retention', () => {
  it('deletes alarms cleared longer ago than the days it is given, never open ones', async () => {
    const alarms = await service();
    const day = 86_400_000;
    await alarms.reconcile('icmp', [down(0), down(1), down(2)], 0);
    const [a, b] = alarms.openAlarms('icmp');
    await alarms.clear({ source: 'icmp', type: 'device_down', subject: down(0).subject }, 10 * day);
    await alarms.clear({ source: 'icmp', type: 'device_down', subject: down(1).subject }, 100 * day);
    let days = 365;
    const retention = new AlarmRetention({
      repo,
      days: () => days,
      now: () => 400 * day,
      onError: (e) => {
        throw e;
      },
    });
    expect(await retention.run()).toBe(1);
    days = 30;
    expect(await retention.run()).toBe(1);
    expect(
      (await repo.alarms.list({ states: ['active', 'cleared'], limit: 10 })).map((alarm) => alarm.deviceId),
    ).toEqual([ids[2]]);
    expect([a?.deviceId, b?.deviceId]).toEqual([ids[0], ids[1]]);
  });
});
