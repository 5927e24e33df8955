import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLLER_GROUP } from '../../shared/contract/cluster';
import type { ProbeRequest } from '../../shared/contract/synthetic-worker';
import { GroupDutyBoard } from '../../electron/engine/cluster/group-duty';
import { LeaseKeeper } from '../../electron/engine/cluster/lease-keeper';
import { isFenced } from '../../electron/engine/store/errors';
import { openStore } from '../../electron/engine/store/open-store';
import { SyntheticService } from '../../electron/engine/synthetic/synthetic-service';
import { MemoryAlarmPort } from '../helpers/memory-alarm-port';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

// The leader-only work beside the pollers on a real PostgreSQL: two instances (lease keepers and
// store sessions of their own) in one process, a one-second cycle; the default group is pinned to
// A, a "site B" group to B. Every address is 127.0.0.1 (the probes never leave the process).
let postgres: TestPostgres;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  for (const item of open.reverse()) await item.close();
  await postgres?.stop();
});

async function instance(id: string) {
  const holder = `${id}/1/00000000`;
  const repo = await openStore({ dialect: 'postgres', url: postgres.url, fenceAs: holder });
  open.push(repo);
  const keeper = new LeaseKeeper({
    url: postgres.url,
    holder,
    instanceId: id,
    label: `host-${id}`,
    cycleMs: () => 1_000,
    log: () => undefined,
  });
  open.push({ close: () => keeper.release() });
  const membership = new Map<number, number>();
  const duty = new GroupDutyBoard({
    holds: (group) => keeper.holdsNow(group),
    groupOf: (deviceId) => membership.get(deviceId) ?? DEFAULT_POLLER_GROUP,
  });
  const start = () =>
    keeper.start(() => {
      void repo.cluster.memberships().then((read) => {
        membership.clear();
        for (const [device, group] of read) membership.set(device, group);
        duty.changed();
      });
    });
  return { holder, repo, keeper, duty, start };
}

/** A probe runner that answers every check at once and remembers which it was asked to run. */
function countingRunner() {
  const ran: number[] = [];
  return {
    ran,
    run: async (probes: ProbeRequest[]) =>
      probes.map(({ id }) => {
        ran.push(id);
        return {
          id,
          at: Date.now(),
          ok: false,
          timings: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: null, totalMs: 1 },
          status: null,
          error: 'refused' as const,
          detail: null,
        };
      }),
  };
}

/** Waits for a condition (setup runs outside a test, where expect.poll cannot). */
async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function fencedInsert(holder: string, text: string, values: unknown[]): Promise<unknown> {
  const client = new pg.Client({ connectionString: postgres.url, options: `-c vigia.instance=${holder}` });
  await client.connect();
  try {
    await client.query(text, values);
    return null;
  } catch (error) {
    return error;
  } finally {
    await client.end();
  }
}

const checkInput = (name: string, groupId: number) => ({
  name,
  spec: { kind: 'tcp' as const, host: '127.0.0.1', port: 9 },
  intervalS: 30,
  timeoutMs: 1_000,
  enabled: true,
  severity: 'major' as const,
  uplink: false,
  groupId,
});

const backupRow = `INSERT INTO backup_versions (device_id, taken_at, hash, bytes, lines_added, lines_removed, content)
  VALUES ($1, 1, 'h', 1, 0, 0, '\\x00')`;
const syntheticAlarm = `INSERT INTO alarms (source, ref, type, severity, state, params, raised_at)
  VALUES ('synthetic', $1, 'check_failed', 'major', 'active', '{}', 1)`;

describe('leader-only work per poller group on one PostgreSQL', () => {
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  let deviceA: number;
  let deviceB: number;
  let siteB: number;

  beforeAll(async () => {
    a = await instance('aaaaaaaa-0001');
    b = await instance('bbbbbbbb-0002');
    await a.repo.devices.createMany([
      { name: 'OLT central', host: '127.3.0.1' },
      { name: 'OLT site B', host: '127.3.0.2' },
    ]);
    [deviceA, deviceB] = (await a.repo.devices.list()).map((device) => device.id).sort((x, y) => x - y) as [
      number,
      number,
    ];
    await a.repo.cluster.saveGroup({ id: DEFAULT_POLLER_GROUP, name: 'Central', pinned: ['aaaaaaaa-0001'] });
    siteB = (await a.repo.cluster.saveGroup({ id: null, name: 'Site B', pinned: ['bbbbbbbb-0002'] }))!.id;
    await a.repo.cluster.assign(siteB, [deviceB]);
    a.start();
    b.start();
    await until(
      () =>
        a.keeper.holdsNow(DEFAULT_POLLER_GROUP) &&
        b.duty.leadsDevice(deviceB) &&
        !a.duty.leadsDevice(deviceB),
    );
  }, 60_000);

  it("refuses a backup or a synthetic alarm written by an instance that does not lead its subject's group", async () => {
    const checkB = await a.repo.synthetic.createCheck(checkInput('Portal site B', siteB));
    expect(isFenced(await fencedInsert(a.holder, backupRow, [deviceB]))).toBe(true);
    expect(await fencedInsert(b.holder, backupRow, [deviceB])).toBeNull();
    expect(await fencedInsert(a.holder, backupRow, [deviceA])).toBeNull();
    expect(isFenced(await fencedInsert(b.holder, backupRow, [deviceA]))).toBe(true);
    const ref = `synthetic:check:${checkB.id}`;
    expect(isFenced(await fencedInsert(a.holder, syntheticAlarm, [ref]))).toBe(true);
    expect(await fencedInsert(b.holder, syntheticAlarm, [ref])).toBeNull();
    await a.repo.synthetic.deleteCheck(checkB.id);
  });

  it("runs a synthetic check on its group's leader alone, the other reading its results, and follows a move", async () => {
    const check = await a.repo.synthetic.createCheck(checkInput('DNS site B', siteB));
    // The services' clock: moved past the check's 30 s interval to make it due again.
    let clock = Date.now();
    const services = [a, b].map((side) => {
      const runner = countingRunner();
      const alarms = new MemoryAlarmPort();
      const service = new SyntheticService({
        repo: side.repo,
        runner,
        alarms,
        now: () => clock,
        leads: (group) => side.duty.leads(group),
      });
      open.push({ close: () => service.stop() });
      return { runner, alarms, service };
    });
    const [onA, onB] = services as [(typeof services)[0], (typeof services)[0]];
    await onA.service.start();
    await onB.service.start();
    await onA.service.tick();
    await onB.service.tick();
    expect(onA.runner.ran).toEqual([]);
    expect(onB.runner.ran).toEqual([check.id]);
    // A follows B's results from the store (its page and uplink signal show them).
    await onA.service.tick();
    expect(onA.service.get(check.id)?.last).toMatchObject({ ok: false, error: 'refused' });

    // Site B may now be led by any instance, and B hands it back: A takes it and runs the check.
    await a.repo.cluster.saveGroup({ id: siteB, name: 'Site B', pinned: ['aaaaaaaa-0001'] });
    await expect.poll(() => a.keeper.holdsNow(siteB), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => b.keeper.holdsNow(siteB), { timeout: 10_000 }).toBe(false);
    clock += 31_000;
    await onB.service.tick();
    await onA.service.tick();
    expect(onA.runner.ran).toEqual([check.id]);
    expect(onB.runner.ran).toEqual([check.id]);
    await a.repo.synthetic.deleteCheck(check.id);
  }, 60_000);
});
