import type { Caller } from '../../../shared/contract/caller';
import { testCaller } from '../../helpers/callers';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiOutput } from '../../../shared/contract/api';
import { backupApiMethods } from '../../../shared/contract/backup';
import { backupApiHandlers } from '../../../electron/engine/backup/api-handlers';
import { BackupRuns } from '../../../electron/engine/backup/backup-runs';
import { BACKUP_SETTINGS_KEY, BackupService } from '../../../electron/engine/backup/backup-service';
import { DutyRequests } from '../../../electron/engine/cluster/duty-requests';
import { gitExport } from '../../../electron/engine/backup/git-export';
import { openStore } from '../../../electron/engine/store/open-store';
import type { Repository } from '../../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../../electron/engine/store/secret-cipher';
import { runJob } from '../../../electron/workers/backup/run-job';
import { vendorFixture } from '../../helpers/fake-device-fixtures';
import { startFakeDevice, type FakeDevice } from '../../helpers/fake-ssh-device';
import { FAKE_PASSWORD, FAKE_USER } from '../../helpers/backup-jobs';
import { MemoryAlarmPort } from '../../helpers/memory-alarm-port';

let dir: string;
let repo: Repository;
let alarms: MemoryAlarmPort;
let service: BackupService;
let handlers: ReturnType<typeof backupApiHandlers>;
// Inputs parsed by the contract first, as the dispatcher does.
type BackupMethod = keyof typeof backupApiMethods;
const api = new Proxy({} as { [M in BackupMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> }, {
  get: (_target, method: keyof typeof backupApiMethods) => (input: unknown) =>
    (handlers[method] as (parsed: unknown, caller: Caller) => Promise<unknown>)(
      backupApiMethods[method].input.parse(input),
      testCaller,
    ),
});
let nextAddress = 10;
const fakes: FakeDevice[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-backup-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const cipher = createFileKeyCipher(dir);
  alarms = new MemoryAlarmPort();
  // The worker's code in this process: the transport the engine would reach over IPC.
  service = new BackupService({
    repo,
    cipher,
    alarms,
    transport: {
      handOver: (lanes) => lanes,
      run: (job) => runJob(job, { abort: null }),
      cancel: async () => undefined,
    },
    exportTo: gitExport,
  });
  // One instance alone (SQLite): every run is this instance's.
  const duties = new DutyRequests({
    store: null,
    leads: () => true,
    ledGroups: () => [],
    language: () => 'en',
    log: () => undefined,
  });
  const runs = new BackupRuns({ repo, service, duties, groupOf: () => 1, log: () => undefined });
  handlers = backupApiHandlers({ repo, cipher, service, runs });
  await repo.settings.set(BACKUP_SETTINGS_KEY, { gitExport: { enabled: true, dir: join(dir, 'git') } });
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fakeCisco(run: number, extra: object = {}) {
  const fixture = vendorFixture('cisco-ios', { run, hostname: 'borda-01' });
  const fake = await startFakeDevice({
    ...fixture.behaviour,
    username: FAKE_USER,
    password: FAKE_PASSWORD,
    host: `127.31.${process.pid % 250}.${nextAddress++}`,
    ...extra,
  });
  fakes.push(fake);
  return { fake, fixture };
}

/** Cisco backup settings for a device, as the operator saves them. */
const configure = (deviceId: number, port: number, enableSecret: string) =>
  api['backup.target.set']({
    target: {
      deviceId,
      enabled: true,
      profile: 'cisco-ios',
      port,
      username: FAKE_USER,
      auth: { kind: 'password', password: FAKE_PASSWORD },
      enableSecret,
    },
  });

async function runAndWait(deviceIds: number[] | null) {
  await api['backup.run']({ deviceIds });
  await service.whenIdle();
}

describe('backup service with the store', () => {
  it('stores a version only when the configuration changed, alarms the change with its diff, and exports to git', async () => {
    const { fake, fixture } = await fakeCisco(1);
    const device = await repo.devices.create({ name: 'borda-01', host: fake.host, kind: 'router' });
    const summary = await configure(device.id, fake.port, 'en4ble');
    expect(summary).toMatchObject({
      secretSet: true,
      enableSecretSet: true,
      authKind: 'password',
      knownHostKey: null,
    });
    expect(JSON.stringify(summary)).not.toContain(FAKE_PASSWORD);
    const stored = await repo.backup.target(device.id);
    expect(stored!.sealedSecrets).not.toContain(FAKE_PASSWORD);

    await runAndWait(null);
    expect(service.progress()).toMatchObject({ total: 1, done: 1, failed: 0, changed: 1, cancelled: false });
    const [first] = await api['backup.versions']({ deviceId: device.id });
    expect((await api['backup.version']({ id: first!.id })).content).toBe(fixture.stored);
    expect((await api['backup.target.get']({ deviceId: device.id }))!.knownHostKey).toBe(fake.hostKey);
    expect(alarms.ofDevice(device.id)).toEqual({});

    // Same configuration, other clock lines: no new version.
    await runAndWait([device.id]);
    expect(await api['backup.versions']({ deviceId: device.id })).toHaveLength(1);

    // The device's configuration changes (same host key, same port).
    await fake.close();
    const changed = vendorFixture('cisco-ios', { run: 3, hostname: 'borda-01' });
    const answer = changed.behaviour.answers['show running-config']!.replace(
      'line vty 0 4',
      'ip route 0.0.0.0 0.0.0.0 10.0.0.1\nline vty 0 4',
    );
    const again = await startFakeDevice({
      ...changed.behaviour,
      answers: { 'show running-config': answer },
      username: FAKE_USER,
      password: FAKE_PASSWORD,
      host: fake.host,
      port: fake.port,
    });
    fakes.push(again);
    // A new host key on the same address: refused, alarmed, nothing stored.
    await runAndWait([device.id]);
    expect((await api['backup.overview']()).rows[0]).toMatchObject({
      hostKeyPending: true,
      failure: { code: 'host_key_changed' },
    });
    expect(alarms.ofDevice(device.id)['host-key-changed']).toMatchObject({
      shown: again.hostKey,
      trusted: fake.hostKey,
    });
    expect(await api['backup.versions']({ deviceId: device.id })).toHaveLength(1);

    await api['backup.hostKey.trust']({ deviceId: device.id });
    await runAndWait([device.id]);
    const versions = await api['backup.versions']({ deviceId: device.id });
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({ linesAdded: 1, linesRemoved: 0 });
    expect(alarms.ofDevice(device.id)).toEqual({
      'config-changed': {
        device: 'borda-01',
        added: 1,
        removed: 0,
        versionId: versions[0]!.id,
        link: `#/backups?device=${device.id}&from=${versions[1]!.id}&to=${versions[0]!.id}`,
      },
    });
    const diff = await api['backup.diff']({ fromId: versions[1]!.id, toId: versions[0]!.id });
    expect(diff.added).toBe(1);
    expect(diff.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.kind !== 'same'))).toEqual([
      { kind: 'added', text: 'ip route 0.0.0.0 0.0.0.0 10.0.0.1' },
    ]);
    const log = execFileSync('git', ['-C', join(dir, 'git'), 'log', '--format=%an|%s'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^Vigia\|borda-01 \d{4}-\d\d-\d\dT/);
  });

  it('does not send the credentials to a new address until the operator confirms', async () => {
    const { fake } = await fakeCisco(1);
    const device = await repo.devices.create({ name: 'borda-02', host: fake.host, kind: 'router' });
    await configure(device.id, fake.port, 'en4ble');
    await repo.devices.update(device.id, { host: '127.0.0.2' }); // never contacted
    await runAndWait([device.id]);
    const row = (await api['backup.overview']()).rows.find((candidate) => candidate.deviceId === device.id)!;
    expect(row).toMatchObject({
      addressChanged: true,
      failure: { code: 'address_changed', detail: `${fake.host} → 127.0.0.2` },
    });
    expect(fake.logins).toBe(0);
    // Saving without the secret for the new address is refused.
    await expect(
      api['backup.target.set']({
        target: {
          deviceId: device.id,
          enabled: true,
          profile: 'cisco-ios',
          port: fake.port,
          username: FAKE_USER,
        },
      }),
    ).rejects.toThrow(/password or key/);
    await repo.devices.update(device.id, { host: fake.host });
    await runAndWait([device.id]);
    expect(
      (await api['backup.overview']()).rows.find((candidate) => candidate.deviceId === device.id)!.failure,
    ).toBeNull();
  });

  it("trusts a jump host's key on first use, alarms a changed one apart, and goes on once the operator trusts it", async () => {
    const { fake } = await fakeCisco(1);
    const jump = await startFakeDevice({
      prompt: '$ ',
      answers: {},
      username: 'salto',
      password: 'salto-senha',
      forwarding: true,
      host: `127.31.${process.pid % 250}.${nextAddress++}`,
    });
    fakes.push(jump);
    const device = await repo.devices.create({ name: 'borda-04', host: fake.host, kind: 'router' });
    const jumpInput = { host: jump.host, port: jump.port, username: 'salto' };
    await api['backup.target.set']({
      target: {
        deviceId: device.id,
        enabled: true,
        profile: 'cisco-ios',
        port: fake.port,
        username: FAKE_USER,
        auth: { kind: 'password', password: FAKE_PASSWORD },
        enableSecret: 'en4ble',
        jump: { ...jumpInput, auth: { kind: 'password', password: 'salto-senha' } },
      },
    });
    await runAndWait([device.id]);
    const first = await api['backup.target.get']({ deviceId: device.id });
    expect(first?.jump).toMatchObject({ knownHostKey: jump.hostKey, offeredHostKey: null });

    // The jump host shows another key than the one trusted: nothing is sent through it.
    const stored = (await repo.backup.target(device.id))!;
    const other = 'SHA256:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    await repo.backup.setJump(device.id, stored.jump!.replace(jump.hostKey, other));
    const loginsBefore = jump.logins;
    await runAndWait([device.id]);
    expect(jump.logins).toBe(loginsBefore);
    expect(alarms.ofDevice(device.id)['jump-host-key-changed']).toEqual({
      device: 'borda-04',
      host: jump.host,
      trusted: other,
      shown: jump.hostKey,
    });
    expect(alarms.ofDevice(device.id).failed).toBeUndefined();
    const row = (await api['backup.overview']()).rows.find((candidate) => candidate.deviceId === device.id)!;
    expect(row).toMatchObject({ hostKeyPending: true, failure: { code: 'jump_host_key_changed' } });

    // Saving the settings again keeps the jump host's keys: its address did not change.
    await api['backup.target.set']({
      target: {
        deviceId: device.id,
        enabled: true,
        profile: 'cisco-ios',
        port: fake.port,
        username: FAKE_USER,
        enableSecret: 'en4ble',
        jump: jumpInput,
      },
    });
    expect((await api['backup.target.get']({ deviceId: device.id }))?.jump).toMatchObject({
      knownHostKey: other,
      offeredHostKey: jump.hostKey,
    });

    await api['backup.hostKey.trust']({ deviceId: device.id });
    await runAndWait([device.id]);
    expect(alarms.ofDevice(device.id)['jump-host-key-changed']).toBeUndefined();
    expect((await api['backup.target.get']({ deviceId: device.id }))?.jump).toMatchObject({
      knownHostKey: jump.hostKey,
      offeredHostKey: null,
    });
  });

  it('fails a bad device with its reason, keeps its last good version, and counts it on the dashboard', async () => {
    const { fake } = await fakeCisco(1);
    const device = await repo.devices.create({ name: 'borda-03', host: fake.host, kind: 'router' });
    await configure(device.id, fake.port, 'errado');
    await runAndWait([device.id]);
    expect(alarms.ofDevice(device.id).failed).toMatchObject({ code: 'enable_failed' });
    const { counts } = await api['backup.overview']();
    expect(counts).toMatchObject({ failing: 1, stale: 1 });
  });

  it('keeps the newest versions within the retention and always the current one', async () => {
    const device = (await repo.devices.list()).find((candidate) => candidate.name === 'borda-01')!;
    expect(await repo.backup.prune(1, 0)).toBe(1);
    expect(await api['backup.versions']({ deviceId: device.id })).toHaveLength(1);
    expect(await repo.backup.prune(1, Date.now() + 1_000)).toBe(0);
  });
});

describe('backup lanes', () => {
  it('take the next device while the one before is stored, and count each once it is', async () => {
    const first = await fakeCisco(1);
    const second = await fakeCisco(1);
    const devices = [
      await repo.devices.create({ name: 'lane-a', host: first.fake.host, kind: 'router' }),
      await repo.devices.create({ name: 'lane-b', host: second.fake.host, kind: 'router' }),
    ];
    await configure(devices[0]!.id, first.fake.port, 'en4ble');
    await configure(devices[1]!.id, second.fake.port, 'en4ble');
    // The store of the first device's outcome holds until released (its alarms are the last step).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowAlarms = new (class extends MemoryAlarmPort {
      override async clear(...args: Parameters<MemoryAlarmPort['clear']>): Promise<void> {
        if (args[0].subject.deviceId === devices[0]!.id) await held;
        return super.clear(...args);
      }
    })();
    const started: number[] = [];
    let secondStarted = () => undefined as void;
    const secondRuns = new Promise<void>((resolve) => (secondStarted = resolve));
    const lanes = new BackupService({
      repo,
      cipher: createFileKeyCipher(dir),
      alarms: slowAlarms,
      transport: {
        handOver: (lanes) => lanes,
        run: (job) => {
          started.push(job.deviceId);
          if (job.deviceId === devices[1]!.id) secondStarted();
          return runJob(job, { abort: null });
        },
        cancel: async () => undefined,
      },
    });
    await repo.settings.set(BACKUP_SETTINGS_KEY, { parallelism: 1 });
    try {
      await lanes.start(devices.map((device) => device.id));
      await secondRuns;
      expect(started).toEqual(devices.map((device) => device.id));
      expect(lanes.progress()).toMatchObject({ done: 0 });
      expect(lanes.isRunning(devices[0]!.id)).toBe(true);
      release();
      await lanes.whenIdle();
      expect(lanes.progress()).toMatchObject({ total: 2, done: 2, failed: 0, changed: 2 });
      expect(lanes.isRunning(devices[0]!.id)).toBe(false);
    } finally {
      release();
      await repo.settings.set(BACKUP_SETTINGS_KEY, { gitExport: { enabled: true, dir: join(dir, 'git') } });
    }
  });
});
