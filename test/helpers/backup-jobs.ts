// Backup jobs for the tests and benchmark, against fake devices on loopback.
import { BackupJob } from '../../shared/contract/backup-worker';
import { builtInProfiles, type BuiltInProfileId } from '../../shared/domain/backup/profiles';
import type { FakeDevice } from './fake-ssh-device';

export const FAKE_USER = 'noc';
export const FAKE_PASSWORD = 'n0c-senha';

export function jobFor(
  device: Pick<FakeDevice, 'host' | 'port'>,
  profile: BuiltInProfileId,
  overrides: Partial<BackupJob> = {},
): BackupJob {
  return BackupJob.parse({
    deviceId: 1,
    target: {
      host: device.host,
      port: device.port,
      username: FAKE_USER,
      auth: { kind: 'password', password: FAKE_PASSWORD },
      knownHostKey: null,
    },
    jump: null,
    enableSecret: 'en4ble',
    profile: builtInProfiles[profile],
    legacyCrypto: false,
    maskSecrets: false,
    timeouts: { connectMs: 5_000, stepMs: 5_000, jobMs: 20_000 },
    retries: 0,
    knownHash: null,
    ...overrides,
  });
}
