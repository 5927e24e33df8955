import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLLER_GROUP } from '../../shared/contract/cluster';
import { OpticalConfigInput } from '../../shared/contract/optical';
import type { ProbeRequest } from '../../shared/contract/synthetic-worker';
import { defaultCadences, defaultRules } from '../../shared/domain/optical/defaults';
import { BackupRuns } from '../../electron/engine/backup/backup-runs';
import { BackupService } from '../../electron/engine/backup/backup-service';
import { DutyRequests } from '../../electron/engine/cluster/duty-requests';
import { DutyStore } from '../../electron/engine/cluster/duty-store';
import { EventRelay } from '../../electron/engine/cluster/event-relay';
import { GroupDutyBoard } from '../../electron/engine/cluster/group-duty';
import { LeaseKeeper } from '../../electron/engine/cluster/lease-keeper';
import { PadtecSimulator } from '../../electron/engine/demo/padtec/simulator';
import { EventBus } from '../../electron/engine/event-bus';
import { opticalApiHandlers } from '../../electron/engine/optical/api-handlers';
import { OpticalService } from '../../electron/engine/optical/optical-service';
import { isFenced } from '../../electron/engine/store/errors';
import { openStore } from '../../electron/engine/store/open-store';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { syntheticApiHandlers } from '../../electron/engine/synthetic/api-handlers';
import { SyntheticService } from '../../electron/engine/synthetic/synthetic-service';
import { testCaller } from '../helpers/callers';
import { instantBackupTransport, saveInstantTarget } from '../helpers/instant-backup-transport';
import { MemoryAlarmPort } from '../helpers/memory-alarm-port';
import { endpointInput, inProcessOpticalTransport } from '../helpers/optical-transport';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

// The leader-only work beside the pollers on a real PostgreSQL: two instances (lease keepers,
// store sessions, event relays and duty requests of their own) in one process, a one-second cycle;
// the default group is pinned to A, a "site B" group to B. Every address is 127.0.0.1 (the probes
// and backups never leave the process; the optical endpoint is a simulator on loopback).
let postgres: TestPostgres;
const open: { close(): Promise<void> }[] = [];
const keyDir = mkdtempSync(join(tmpdir(), `vigia-cluster-duties-${process.pid}-`));

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  for (const item of open.reverse()) await item.close();
  await postgres?.stop();
  rmSync(keyDir, { recursive: true, force: true });
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
  // Operators' actions for the other's groups go through the store, woken by the relay's notices.
  const duties = new DutyRequests({
    store: new DutyStore(postgres.url, holder),
    leads: (group) => duty.leads(group),
    ledGroups: () => [...keeper.terms().keys()].filter((group) => keeper.holdsNow(group)),
    language: () => 'en',
    log: () => undefined,
  });
  const relay = new EventRelay({
    url: postgres.url,
    holder,
    repo,
    bus: new EventBus(),
    inventoryChanged: async () => undefined,
    groupsChanged: async () => undefined,
    dutyNotice: (kind, ids) => duties.notice(kind, ids),
    log: () => undefined,
  });
  open.push({ close: () => relay.stop() }, { close: () => duties.stop() });
  /** Devices moved between groups: read again, as the cluster role does on the relay's notice. */
  const membershipChanged = async () => {
    const read = await repo.cluster.memberships();
    membership.clear();
    for (const [device, group] of read) membership.set(device, group);
    duty.changed();
  };
  const start = async () => {
    await relay.start();
    duties.start();
    keeper.start(() => void membershipChanged());
  };
  return { holder, repo, keeper, duty, duties, start, membershipChanged };
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

/** A query outside any instance (no fencing holder), as a tool would run it. */
async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
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
  /** The optical endpoint of site B (its collect test saves it; the fence test writes for it). */
  let endpointId: number;

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
    await a.start();
    await b.start();
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

  it('runs a check pressed on a follower once, on its group leader, and answers the follower', async () => {
    // Disabled: only "run now" runs it, never the schedule.
    const check = await a.repo.synthetic.createCheck({
      ...checkInput('Portal run-now', siteB),
      enabled: false,
    });
    const [onA, onB] = [a, b].map((side) => {
      const runner = countingRunner();
      const service = new SyntheticService({
        repo: side.repo,
        runner,
        alarms: new MemoryAlarmPort(),
        leads: (group) => side.duty.leads(group),
      });
      open.push({ close: () => service.stop() });
      const api = syntheticApiHandlers({ repo: side.repo, service, duties: side.duties, now: Date.now });
      return { runner, service, api };
    }) as [Sides, Sides];
    type Sides = {
      runner: ReturnType<typeof countingRunner>;
      service: SyntheticService;
      api: ReturnType<typeof syntheticApiHandlers>;
    };
    await onA.service.start();
    await onB.service.start();

    const result = await onA.api['synthetic.checks.runNow']({ id: check.id }, testCaller);
    expect(onA.runner.ran).toEqual([]);
    expect(onB.runner.ran).toEqual([check.id]);
    expect(result).toMatchObject({ checkId: check.id, ok: false, error: 'refused' });
    expect(await a.repo.synthetic.recent(check.id, 10)).toEqual([result]);
    // The follower's page shows it at once, not at its next round.
    expect(onA.service.get(check.id)?.last).toEqual(result);
    await a.repo.synthetic.deleteCheck(check.id);
  }, 30_000);

  it('backs every device up when pressed on a follower, each by its group leader, with progress and cancel there', async () => {
    const cipher = createFileKeyCipher(keyDir);
    // Devices of their own: the first test stored placeholder versions for deviceA and deviceB.
    const hosts = new Map<number, string>();
    for (const host of ['127.3.1.1', '127.3.1.2', '127.3.1.3']) {
      const device = await a.repo.devices.create({ name: `Backup ${host}`, host, kind: 'router' });
      hosts.set(device.id, host);
    }
    const [central, siteB1, siteB2] = [...hosts.keys()] as [number, number, number];
    await a.repo.cluster.assign(siteB, [siteB1, siteB2]);
    await a.membershipChanged();
    await b.membershipChanged();
    for (const [deviceId, host] of hosts) await saveInstantTarget(a.repo, cipher, deviceId, host);
    const [onA, onB] = [a, b].map((side) => {
      const transport = instantBackupTransport();
      const service = new BackupService({
        repo: side.repo,
        cipher,
        alarms: new MemoryAlarmPort(),
        transport,
        handles: (deviceId) => side.duty.leadsDevice(deviceId),
      });
      const runs = new BackupRuns({
        repo: side.repo,
        service,
        duties: side.duties,
        groupOf: (deviceId) => side.duty.groupOf(deviceId),
        log: () => undefined,
      });
      open.push({ close: () => runs.cancel().then(() => service.whenIdle()) });
      return { transport, service, runs };
    }) as [Side, Side];
    type Side = {
      transport: ReturnType<typeof instantBackupTransport>;
      service: BackupService;
      runs: BackupRuns;
    };

    // "Back up all" on A: its own device here, site B's two on B; one progress bar on A.
    // Returned once each leader took its part up (the fake's instant jobs may be done by then).
    expect(await onA.runs.start(null)).toMatchObject({ total: 3 });
    await expect.poll(() => onA.runs.progress()?.finishedAt ?? null, { timeout: 15_000 }).not.toBeNull();
    expect(onA.runs.progress()).toMatchObject({ total: 3, done: 3, failed: 0, changed: 3, cancelled: false });
    expect(onA.transport.ran).toEqual([central]);
    expect(onB.transport.ran.sort((x, y) => x - y)).toEqual([siteB1, siteB2]);
    for (const deviceId of hosts.keys()) expect(await a.repo.backup.versions(deviceId)).toHaveLength(1);

    // Again, B's jobs held: their progress reaches A as it goes, and A's cancel stops them on B.
    onB.transport.held = true;
    await onA.runs.start(null);
    await until(() => onB.transport.waiting.size === 2);
    await expect.poll(() => onA.runs.progress(), { timeout: 15_000 }).toMatchObject({ total: 3, done: 1 });
    expect(onA.runs.isRunning(siteB1)).toBe(true);
    await onA.runs.cancel();
    await expect.poll(() => onA.runs.progress()?.finishedAt ?? null, { timeout: 15_000 }).not.toBeNull();
    expect(onA.runs.progress()).toMatchObject({ total: 3, done: 3, failed: 2, changed: 1, cancelled: true });
    expect(onB.transport.ran).toHaveLength(4);
    await onB.service.whenIdle();
    expect(onB.service.progress()).toMatchObject({ done: 2, failed: 2 });
  }, 60_000);

  it("collects an optical endpoint now on its group's leader when pressed on a follower", async () => {
    const sim = new PadtecSimulator({ sites: 1, cardsPerSite: 2, measuresPerCard: 3 });
    const baseUrl = await sim.listen();
    open.push({ close: () => sim.close() });
    const start = (side: typeof a) =>
      OpticalService.start({
        repo: side.repo,
        cipher: createFileKeyCipher(keyDir),
        transport: inProcessOpticalTransport(),
        alarms: new MemoryAlarmPort(),
        schedule: false,
        duty: side.duty,
        log: () => undefined,
        fetch: { timeoutMs: 2_000, retries: 0 },
      });
    const onA = await start(a);
    open.push({ close: () => onA.stop() });
    await onA.configure(
      OpticalConfigInput.parse({
        endpoints: [endpointInput(baseUrl, { name: 'Backbone site B', groupId: siteB })],
        cadences: defaultCadences,
        rules: defaultRules,
      }),
      'tester',
    );
    // B reads the endpoints A saved at its start, as an instance does.
    const onB = await start(b);
    open.push({ close: () => onB.stop() });
    endpointId = onA.settings().endpoints[0]!.id;
    const apiOnA = opticalApiHandlers(onA, a.duties);
    opticalApiHandlers(onB, b.duties);

    await apiOnA['optical.collectNow']({ endpointId, collection: 'inventory' }, testCaller);
    await apiOnA['optical.collectNow']({ endpointId, collection: 'measures' }, testCaller);
    expect(onB.health()[0]).toMatchObject({ state: 'ok', cards: 2 });
    expect(onA.health()[0]?.state).not.toBe('ok');
    const { rows } = await sql(`SELECT count(*)::int AS n FROM optical_samples`);
    expect(rows[0]).toEqual({ n: 6 });
  }, 30_000);

  it("says so in the operator's language, running nothing, when no instance leads the group", async () => {
    const siteC = (await a.repo.cluster.saveGroup({ id: null, name: 'Site C', pinned: ['cccccccc-0003'] }))!
      .id;
    const check = await a.repo.synthetic.createCheck({
      ...checkInput('Portal site C', siteC),
      enabled: false,
    });
    const runner = countingRunner();
    const service = new SyntheticService({ repo: a.repo, runner, alarms: new MemoryAlarmPort() });
    await service.start();
    open.push({ close: () => service.stop() });
    const api = syntheticApiHandlers({ repo: a.repo, service, duties: a.duties, now: Date.now });
    await expect(api['synthetic.checks.runNow']({ id: check.id }, testCaller)).rejects.toMatchObject({
      error: {
        code: 'unavailable',
        message:
          'No workstation leads poller group "Site C" right now; nothing was run. Try again in a moment.',
      },
    });
    expect(runner.ran).toEqual([]);
    const { rows } = await sql(`SELECT count(*)::int AS n FROM duty_requests WHERE group_id = $1`, [siteC]);
    expect(rows[0]).toEqual({ n: 0 });
    await a.repo.synthetic.deleteCheck(check.id);
    await a.repo.cluster.deleteGroup(siteC);
  });

  it('forgets answered requests after an hour, and keeps those still running for a live leader', async () => {
    const store = new DutyStore(postgres.url, a.holder);
    open.push({ close: () => store.close() });
    const before = await sql(
      `SELECT state, count(*)::int AS n FROM duty_requests GROUP BY state ORDER BY state`,
    );
    expect(before.rows.length).toBeGreaterThan(0);
    expect(before.rows.every((row: { state: string }) => row.state === 'done')).toBe(true);
    await sql(`UPDATE duty_requests SET updated_at = updated_at - 7200000`);
    await store.prune();
    expect((await sql(`SELECT count(*)::int AS n FROM duty_requests`)).rows[0]).toEqual({ n: 0 });
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

  it("refuses a deposed leader's late synthetic result, optical sample and optical alarm", async () => {
    // Site B moved to A in the test before: B led it and leads it no more, but leads site D — a
    // leader still, of another group.
    const siteD = (await a.repo.cluster.saveGroup({ id: null, name: 'Site D', pinned: ['bbbbbbbb-0002'] }))!
      .id;
    await expect.poll(() => b.keeper.holdsNow(siteD), { timeout: 10_000 }).toBe(true);
    const check = await a.repo.synthetic.createCheck(checkInput('Late result', siteB));
    const late = {
      checkId: check.id,
      at: Date.now(),
      ok: true,
      dnsMs: null,
      connectMs: 1,
      tlsMs: null,
      firstByteMs: null,
      totalMs: 1,
      status: null,
      error: null,
      detail: null,
    };
    expect(isFenced(await b.repo.synthetic.insertResults([late]).catch((error: unknown) => error))).toBe(
      true,
    );
    await a.repo.synthetic.insertResults([late]);
    expect(await a.repo.synthetic.recent(check.id, 10)).toHaveLength(1);

    const [measure] = await a.repo.optical.registerMeasures([
      { endpointId, uid: 'late-1', cardUid: 'card-1', key: 1 },
    ]);
    const sample = { measureId: measure!.id, at: Date.now(), value: -3.5 };
    expect(isFenced(await b.repo.optical.insertSamples([sample]).catch((error: unknown) => error))).toBe(
      true,
    );
    await a.repo.optical.insertSamples([sample]);
    const { rows } = await sql(`SELECT count(*)::int AS n FROM optical_samples WHERE measure_id = $1`, [
      measure!.id,
    ]);
    expect(rows[0]).toEqual({ n: 1 });

    const opticalAlarm = `INSERT INTO alarms (source, ref, type, severity, state, params, raised_at)
      VALUES ('optical', $1, 'endpoint', 'major', 'active', '{}', 1)`;
    const ref = `optical:${endpointId}:endpoint`;
    expect(isFenced(await fencedInsert(b.holder, opticalAlarm, [ref]))).toBe(true);
    expect(await fencedInsert(a.holder, opticalAlarm, [ref])).toBeNull();
    await a.repo.synthetic.deleteCheck(check.id);
    await a.repo.cluster.deleteGroup(siteD);
  });
});
