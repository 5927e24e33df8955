import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLLER_GROUP } from '../../shared/contract/cluster';
import { clusterApiHandlers } from '../../electron/engine/cluster/api-handlers';
import { LeaseKeeper, type Term } from '../../electron/engine/cluster/lease-keeper';
import { leaseTimings } from '../../shared/domain/cluster/lease';
import { isFenced } from '../../electron/engine/store/errors';
import { openStore } from '../../electron/engine/store/open-store';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { testCaller } from '../helpers/callers';

// Leases and fencing on a real PostgreSQL: two instances (lease keepers and stores of their own
// sessions) in one process, a two-second cycle (Vigia's shortest is 5 s: the shorter the cycle, the
// larger a share of it one slow turn of a loaded machine's event loop takes). Every address is
// 127.0.0.1.
const CYCLE_MS = 2_000;
let postgres: TestPostgres;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});

afterAll(async () => {
  for (const item of open.reverse()) await item.close();
  await postgres?.stop();
});

async function instance(id: string, url = postgres.url, cycleMs = () => CYCLE_MS) {
  const holder = `${id}/1/00000000`;
  const repo = await openStore({ dialect: 'postgres', url, fenceAs: holder });
  open.push(repo);
  const keeper = new LeaseKeeper({
    url,
    holder,
    instanceId: id,
    label: `host-${id}`,
    cycleMs,
    log: () => undefined,
  });
  const changes: ReadonlyMap<number, Term>[] = [];
  open.push({ close: () => keeper.release() });
  return { repo, keeper, changes, start: () => keeper.start((terms) => changes.push(terms)) };
}

const status = (deviceId: number, at: number) => ({
  deviceId,
  state: 'up' as const,
  since: at,
  lastCheck: at,
  rttMs: 1,
  lossPct: 0,
  cause: null,
});

describe('poller leases on PostgreSQL', () => {
  it('one leader; a hung one is replaced within two cycles and its late writes are refused', async () => {
    const a = await instance('aaaaaaaa-0001');
    const b = await instance('bbbbbbbb-0002');
    const [device] = await a.repo.devices
      .createMany([{ name: 'OLT', host: '127.2.0.1' }])
      .then(() => a.repo.devices.list());
    a.start();
    await expect.poll(() => a.keeper.holdsNow(DEFAULT_POLLER_GROUP)).toBe(true);
    b.start();
    await a.repo.status.upsertMany([status(device!.id, Date.now())]);
    // The follower may not write what only the leader writes.
    const refused = await b.repo.status
      .upsertMany([status(device!.id, Date.now())])
      .catch((error: unknown) => error);
    expect(isFenced(refused)).toBe(true);
    const first = a.keeper.terms().get(DEFAULT_POLLER_GROUP)!;

    // A hangs: it renews no more (its sessions stay open).
    await a.keeper.halt();
    const [hung] = await a.repo.cluster.leaders();
    // Its last renewal, by the database's clock: the lease it left runs one ttl from there.
    const lastRenewal = hung!.expiresAt - leaseTimings(CYCLE_MS).ttlMs;
    await expect.poll(() => b.keeper.holdsNow(DEFAULT_POLLER_GROUP), { interval: 20 }).toBe(true);
    const taken = b.keeper.terms().get(DEFAULT_POLLER_GROUP)!;
    // Taken at the lease's expiry, 1.5 cycles after the last renewal (the follower tries again
    // when the lease it found runs out), by the database's clock, inside the goal of two cycles
    // (the rest is slack for a loaded machine); what this test process's polling adds is not the
    // product's.
    expect(taken.since - lastRenewal).toBeLessThanOrEqual(2 * CYCLE_MS);
    expect(taken.since).toBeGreaterThanOrEqual(hung!.expiresAt);
    expect(taken.epoch).toBe(first.epoch + 1);
    expect(a.keeper.holdsNow(DEFAULT_POLLER_GROUP)).toBe(false);
    const late = await a.repo.status
      .upsertMany([status(device!.id, Date.now())])
      .catch((error: unknown) => error);
    expect(isFenced(late)).toBe(true);
    await b.repo.status.upsertMany([status(device!.id, Date.now())]);
    expect(b.changes.at(-1)).toEqual(
      new Map([[DEFAULT_POLLER_GROUP, b.keeper.terms().get(DEFAULT_POLLER_GROUP)]]),
    );
    const [leader] = await b.repo.cluster.leaders();
    expect(leader).toMatchObject({
      groupId: DEFAULT_POLLER_GROUP,
      instanceId: 'bbbbbbbb-0002',
      label: 'host-bbbbbbbb-0002',
    });
  });

  it('a shortened cycle shortens the leases at once: a leader lost right after is replaced in time', async () => {
    // A store of its own: the first test's leader keeps the default group of the shared one.
    const url = await postgres.createDatabase('retime');
    let cycleMs = 20_000;
    const a = await instance('aaaaaaaa-0011', url, () => cycleMs);
    const b = await instance('bbbbbbbb-0012', url, () => cycleMs);
    a.start();
    await expect.poll(() => a.keeper.holdsNow(DEFAULT_POLLER_GROUP), { timeout: 10_000 }).toBe(true);
    b.start();
    const [long] = await a.repo.cluster.leaders();
    expect(long!.expiresAt - long!.since).toBe(leaseTimings(20_000).ttlMs);

    // The cycle saved shorter (here, and taken up by the other instance): both follow at once.
    cycleMs = CYCLE_MS;
    a.keeper.retime();
    b.keeper.retime();
    await expect
      .poll(async () => (await a.repo.cluster.leaders())[0]!.expiresAt, { timeout: 10_000, interval: 20 })
      .toBeLessThan(long!.expiresAt);
    // The leader is lost right after: the lease it left runs one new ttl from its last renewal,
    // and the follower, following the new cycle, takes it within two new cycles of it.
    await a.keeper.halt();
    const [lost] = await a.repo.cluster.leaders();
    const lastRenewal = lost!.expiresAt - leaseTimings(CYCLE_MS).ttlMs;
    await expect
      .poll(() => b.keeper.holdsNow(DEFAULT_POLLER_GROUP), { timeout: 10_000, interval: 20 })
      .toBe(true);
    const taken = b.keeper.terms().get(DEFAULT_POLLER_GROUP)!;
    expect(taken.since - lastRenewal).toBeLessThanOrEqual(2 * CYCLE_MS);
    expect(taken.epoch).toBe(2);
  });

  it('groups: CRUD, bulk moves, pinning and readable refusals', async () => {
    const url = await postgres.createDatabase('groups');
    const repo = await openStore({ dialect: 'postgres', url });
    open.push(repo);
    const handlers = clusterApiHandlers({
      repo,
      status: async () => ({
        enabled: true,
        self: { instanceId: 'x', label: 'x' },
        leaders: [],
        leading: [],
      }),
      changed: async () => undefined,
      language: () => 'pt-BR',
    });
    await repo.devices.createMany([
      { name: 'A', host: '127.2.1.1' },
      { name: 'B', host: '127.2.1.2' },
      { name: 'C', host: '127.2.1.3' },
    ]);
    const ids = (await repo.devices.list()).map((device) => device.id);
    const north = await handlers['cluster.groups.save'](
      { id: null, name: 'Norte', pinned: ['cccccccc-0003'] },
      testCaller,
    );
    expect(north).toEqual({ id: north.id, name: 'Norte', pinned: ['cccccccc-0003'], devices: 0 });
    await expect(
      handlers['cluster.groups.save']({ id: null, name: 'Norte', pinned: [] }, testCaller),
    ).rejects.toThrow('Já existe um grupo de coleta chamado "Norte".');
    expect(
      await handlers['cluster.groups.assign'](
        { groupId: north.id, deviceIds: [ids[0]!, ids[1]!, 99_999] },
        testCaller,
      ),
    ).toEqual({
      moved: 2,
    });
    expect(
      (await handlers['cluster.groups.list'](undefined, testCaller)).map(({ id, devices }) => [id, devices]),
    ).toEqual([
      [DEFAULT_POLLER_GROUP, 1],
      [north.id, 2],
    ]);
    expect(await repo.cluster.memberships()).toEqual(
      new Map([
        [ids[0], north.id],
        [ids[1], north.id],
      ]),
    );
    await handlers['cluster.groups.assign'](
      { groupId: DEFAULT_POLLER_GROUP, deviceIds: [ids[0]!] },
      testCaller,
    );
    await expect(handlers['cluster.groups.delete']({ id: DEFAULT_POLLER_GROUP }, testCaller)).rejects.toThrow(
      'O grupo padrão não pode ser excluído',
    );
    await handlers['cluster.groups.delete']({ id: north.id }, testCaller);
    await expect(handlers['cluster.groups.delete']({ id: north.id }, testCaller)).rejects.toThrow(
      `O grupo de coleta ${north.id} não existe.`,
    );
    expect((await repo.audit.list(10)).map(({ actor, action }) => [actor, action])).toContainEqual([
      testCaller.name,
      'cluster.groups.assign',
    ]);
    // Its devices are back in the default group.
    expect(await repo.cluster.memberships()).toEqual(new Map());
  });

  it('a group pinned elsewhere is never led here, and is handed back when pinned away', async () => {
    const url = await postgres.createDatabase('pinned');
    const a = await instance('dddddddd-0004', url);
    const north = (await a.repo.cluster.saveGroup({ id: null, name: 'Norte', pinned: ['eeeeeeee-0005'] }))!;
    a.start();
    await expect.poll(() => a.keeper.holdsNow(DEFAULT_POLLER_GROUP)).toBe(true);
    expect(a.keeper.holdsNow(north.id)).toBe(false);
    await a.repo.cluster.saveGroup({ id: north.id, name: 'Norte', pinned: [] });
    await expect.poll(() => a.keeper.holdsNow(north.id)).toBe(true);
    await a.repo.cluster.saveGroup({ id: DEFAULT_POLLER_GROUP, name: '', pinned: ['eeeeeeee-0005'] });
    await expect.poll(() => a.keeper.holdsNow(DEFAULT_POLLER_GROUP)).toBe(false);
    // Led no more here the moment it is pinned away; its lease row goes with the next query.
    await expect
      .poll(async () => (await a.repo.cluster.leaders()).map((leader) => leader.groupId))
      .toEqual([north.id]);
  });
});
