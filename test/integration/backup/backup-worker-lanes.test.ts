// The backup service with the worker process it runs in the app: jobs handed over beyond the
// lanes wait in the worker, and a cancel drops them there without a result, while the running one
// fails as cancelled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKUP_SETTINGS_KEY } from '../../../electron/engine/backup/backup-service';
import { forkSpawner } from '../../../electron/engine/collectors/spawner';
import { Supervisor } from '../../../electron/engine/collectors/supervisor';
import { openStore } from '../../../electron/engine/store/open-store';
import type { Repository } from '../../../electron/engine/store/repository';
import { createFileKeyCipher, type SecretCipher } from '../../../electron/engine/store/secret-cipher';
import { FAKE_PASSWORD, FAKE_USER, saveFakeTarget, workerBackupService } from '../../helpers/backup-jobs';
import { vendorFixture } from '../../helpers/fake-device-fixtures';
import { startFakeDevice, type FakeDevice } from '../../helpers/fake-ssh-device';

let dir: string;
let repo: Repository;
let cipher: SecretCipher;
const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
const fakes: FakeDevice[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `vigia-backup-lanes-${process.pid}-`));
  repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  cipher = createFileKeyCipher(dir);
});

afterAll(async () => {
  await supervisor.stopAll();
  await Promise.all(fakes.map((fake) => fake.close()));
  await repo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup worker lanes', () => {
  it('keeps the next job waiting in the worker, and a cancel drops it without a result', async () => {
    const fixture = vendorFixture('cisco-ios', { run: 1, hostname: 'lane' });
    const ids: number[] = [];
    for (let index = 0; index < 3; index++) {
      // Slow to answer: the first job is still running when the run is cancelled.
      const fake = await startFakeDevice({
        ...fixture.behaviour,
        answerDelayMs: 60_000,
        username: FAKE_USER,
        password: FAKE_PASSWORD,
        host: `127.32.${process.pid % 250}.${10 + index}`,
      });
      fakes.push(fake);
      const device = await repo.devices.create({ name: `lane-${index}`, host: fake.host, kind: 'router' });
      await saveFakeTarget(repo, cipher, device, fake.port);
      ids.push(device.id);
    }
    await repo.settings.set(BACKUP_SETTINGS_KEY, { parallelism: 1 });
    const { service } = workerBackupService(supervisor, repo, cipher);

    await service.start(ids);
    // One lane: the first device runs, the second waits in the worker, the third in the engine.
    const waiting = { timeout: 30_000, interval: 20 };
    await vi.waitFor(() => expect(fakes[0]!.logins).toBe(1), waiting);
    await vi.waitFor(
      () => expect(ids.map((id) => service.isRunning(id))).toEqual([true, true, false]),
      waiting,
    );
    expect(fakes.map((fake) => fake.logins)).toEqual([1, 0, 0]);
    await service.cancel();
    await service.whenIdle();

    expect(service.progress()).toMatchObject({ total: 3, done: 1, failed: 1, cancelled: true });
    const targets = new Map((await repo.backup.targets()).map((target) => [target.deviceId, target]));
    expect(targets.get(ids[0]!)).toMatchObject({ lastFailureCode: 'cancelled' });
    expect(targets.get(ids[1]!)).toMatchObject({ lastRunAt: null, lastFailureCode: null });
    expect(targets.get(ids[2]!)).toMatchObject({ lastRunAt: null, lastFailureCode: null });
    expect(fakes.map((fake) => fake.logins)).toEqual([1, 0, 0]);
  });
});
