// Backup jobs for the tests and benchmark, against fake devices on loopback.
import { BackupJob, backupWorkerApi } from '../../shared/contract/backup-worker';
import { builtInProfiles, type BuiltInProfileId } from '../../shared/domain/backup/profiles';
import { BackupService } from '../../electron/engine/backup/backup-service';
import { targetToStore } from '../../electron/engine/backup/target-secrets';
import { workerBackupTransport } from '../../electron/engine/collectors/backup-port';
import type { Supervisor } from '../../electron/engine/collectors/supervisor';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import type { Repository } from '../../electron/engine/store/repository';
import type { SecretCipher } from '../../electron/engine/store/secret-cipher';
import type { FakeDevice } from './fake-ssh-device';
import { MemoryAlarmPort } from './memory-alarm-port';

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

/** Saves a device's Cisco IOS target with the fake devices' password login, sealed as the app seals it. */
export async function saveFakeTarget(
  repo: Repository,
  cipher: SecretCipher,
  device: { id: number; host: string },
  port: number,
): Promise<void> {
  await repo.backup.saveTarget(
    await targetToStore(
      {
        deviceId: device.id,
        enabled: true,
        profile: 'cisco-ios',
        port,
        username: FAKE_USER,
        auth: { kind: 'password', password: FAKE_PASSWORD },
        enableSecret: 'en4ble',
      },
      null,
      device.host,
      cipher,
    ),
  );
}

/** The backup service driving the real backup worker process over IPC, wired as the engine wires it. */
export function workerBackupService(supervisor: Supervisor, repo: Repository, cipher: SecretCipher) {
  const worker = supervisor.supervise({
    name: 'backup',
    entry: resolveWorkerEntry('backup'),
    api: backupWorkerApi,
  });
  const service = new BackupService({
    repo,
    cipher,
    alarms: new MemoryAlarmPort(),
    transport: workerBackupTransport(worker),
  });
  return { worker, service };
}
