import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRuns } from '../../../electron/engine/backup/backup-runs';
import { BACKUP_SETTINGS_KEY, BackupService } from '../../../electron/engine/backup/backup-service';
import { DutyRequests } from '../../../electron/engine/cluster/duty-requests';
import { openStore } from '../../../electron/engine/store/open-store';
import type { Repository } from '../../../electron/engine/store/repository';
import { createFileKeyCipher } from '../../../electron/engine/store/secret-cipher';
import { instantBackupTransport, saveInstantTarget } from '../../helpers/instant-backup-transport';
import { MemoryAlarmPort } from '../../helpers/memory-alarm-port';

// One instance alone (SQLite): the operator's run is this instance's, with its progress and cancel;
// between instances on PostgreSQL: test/integration/cluster-duties.test.ts.
let dir: string;
let repo: Repository;
let devices: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-backup-runs-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const cipher = createFileKeyCipher(dir);
  const hosts = ['127.3.2.1', '127.3.2.2', '127.3.2.3'];
  devices = [];
  for (const host of hosts) {
    const device = await repo.devices.create({ name: `Borda ${host}`, host, kind: 'router' });
    devices.push(device.id);
    await saveInstantTarget(repo, cipher, device.id, host);
  }
  // One device at a time: what waits behind the held one is what a cancel withdraws.
  await repo.settings.set(BACKUP_SETTINGS_KEY, { parallelism: 1 });
});

afterAll(async () => {
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

function instance() {
  const transport = instantBackupTransport();
  const service = new BackupService({
    repo,
    cipher: createFileKeyCipher(dir),
    alarms: new MemoryAlarmPort(),
    transport,
  });
  const duties = new DutyRequests({
    store: null,
    leads: () => true,
    ledGroups: () => [],
    language: () => 'pt-BR',
    log: () => undefined,
  });
  const runs = new BackupRuns({ repo, service, duties, groupOf: () => 1, log: () => undefined });
  return { transport, service, runs };
}

describe("an operator's backup run on one instance", () => {
  it('backs up every enabled device, and a device asked for during the run is not taken twice', async () => {
    const { transport, service, runs } = instance();
    expect(await runs.start(null)).toMatchObject({ total: 3, finishedAt: null, cancelled: false });
    expect(await runs.start([devices[0]!])).toMatchObject({ total: 3 });
    await service.whenIdle();
    await expect.poll(() => runs.progress()?.finishedAt ?? null, { timeout: 10_000 }).not.toBeNull();
    expect(runs.progress()).toMatchObject({ total: 3, done: 3, failed: 0, changed: 3, cancelled: false });
    expect(transport.ran).toEqual(devices);
  });

  it('cancels what waits and aborts what runs; what finished stays', async () => {
    const { transport, service, runs } = instance();
    transport.held = true;
    await runs.start(null);
    await expect.poll(() => transport.waiting.size, { timeout: 10_000 }).toBe(1);
    expect(runs.isRunning(devices[0]!)).toBe(true);
    await runs.cancel();
    await service.whenIdle();
    await expect.poll(() => runs.progress()?.finishedAt ?? null, { timeout: 10_000 }).not.toBeNull();
    // The held job ends as cancelled (a failure); the two behind it never started.
    expect(runs.progress()).toMatchObject({ total: 3, done: 1, failed: 1, changed: 0, cancelled: true });
    expect(transport.ran).toEqual([devices[0]]);
    expect(runs.isRunning(devices[0]!)).toBe(false);
    expect(await repo.backup.versions(devices[1]!)).toHaveLength(1);
  });
});
