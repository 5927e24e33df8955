import { createHash } from 'node:crypto';
import type { BackupJob, BackupOutcome } from '../../shared/contract/backup-worker';
import { targetToStore } from '../../electron/engine/backup/target-secrets';
import type { Repository } from '../../electron/engine/store/repository';
import type { SecretCipher } from '../../electron/engine/store/secret-cipher';

/**
 * A backup transport that answers every job at once with a configuration of its own — no SSH: for
 * tests of what runs where and when (the SSH jobs: backup-service.test.ts). While `held`, jobs
 * wait until cancelled, and end as the worker ends a cancelled job.
 */
export function instantBackupTransport() {
  const ran: number[] = [];
  const waiting = new Map<number, () => void>();
  const transport = {
    ran,
    held: false,
    waiting,
    handOver: (lanes: number) => lanes,
    run: async (job: BackupJob, _lanes: number): Promise<BackupOutcome> => {
      ran.push(job.deviceId);
      let failure: BackupOutcome['failure'] = null;
      if (transport.held) {
        await new Promise<void>((done) => waiting.set(job.deviceId, done));
        failure = { code: 'cancelled', detail: '' };
      }
      const config = `hostname device-${job.deviceId}\nrun ${ran.length}\n`;
      return {
        deviceId: job.deviceId,
        startedAt: Date.now(),
        durationMs: 1,
        attempts: 1,
        failure,
        hostKey: 'SHA256:AAAA',
        jumpHostKey: null,
        crypto: null,
        hash: failure ? null : createHash('sha256').update(config).digest('hex'),
        config: failure ? null : config,
        bytes: failure ? 0 : config.length,
      };
    },
    cancel: async (deviceIds: number[]) => {
      for (const id of deviceIds) waiting.get(id)?.();
    },
  };
  return transport;
}

/** An enabled backup target for the instant transport (its password is sealed, and never sent). */
export async function saveInstantTarget(
  repo: Repository,
  cipher: SecretCipher,
  deviceId: number,
  host: string,
): Promise<void> {
  await repo.backup.saveTarget(
    await targetToStore(
      {
        deviceId,
        enabled: true,
        profile: 'cisco-ios',
        port: 22,
        username: 'noc',
        auth: { kind: 'password', password: 'not-sent-anywhere' },
        enableSecret: null,
      },
      null,
      host,
      cipher,
    ),
  );
}
