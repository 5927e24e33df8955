import { afterAll, describe, expect, it } from 'vitest';
import { builtInProfileIds } from '../../../shared/contract/backup';
import { runJob } from '../../../electron/workers/backup/run-job';
import { vendorFixture } from '../../helpers/fake-device-fixtures';
import { startFakeDevice, type FakeDevice } from '../../helpers/fake-ssh-device';
import { FAKE_PASSWORD, FAKE_USER, jobFor } from '../../helpers/backup-jobs';

const devices: FakeDevice[] = [];
afterAll(async () => {
  await Promise.all(devices.map((device) => device.close()));
});

describe.each(builtInProfileIds)('backup of a %s device', (profile) => {
  it('reads the whole configuration through the banner and the pager, without the lines that change on every run', async () => {
    const fixture = vendorFixture(profile, { bytes: 6_000 });
    const device = await startFakeDevice({
      ...fixture.behaviour,
      username: FAKE_USER,
      password: FAKE_PASSWORD,
      loginSuffix: fixture.loginSuffix,
    });
    devices.push(device);
    const first = await runJob(jobFor(device, profile), { abort: null });
    expect(first.failure).toBeNull();
    expect(first.config).toBe(fixture.stored);
    expect(first.hostKey).toBe(device.hostKey);
    expect(first.crypto?.weak).toEqual([]);
    expect(first.attempts).toBe(1);

    // A second run (its clock lines changed, where the vendor prints any) hashes the same and sends no text back.
    const again = vendorFixture(profile, { bytes: 6_000, run: 2 });
    const rerunDevice = await startFakeDevice({
      ...again.behaviour,
      username: FAKE_USER,
      password: FAKE_PASSWORD,
      loginSuffix: again.loginSuffix,
    });
    devices.push(rerunDevice);
    const second = await runJob(jobFor(rerunDevice, profile, { knownHash: first.hash }), { abort: null });
    expect(second.failure).toBeNull();
    expect(second.hash).toBe(first.hash);
    expect(second.config).toBeNull();
  });
});
