import { backupWorkerApi } from '../../../shared/contract/backup-worker';
import type { AlarmPort } from '../alarms/port';
import { workerBackupTransport, type BackupTransport } from '../collectors/backup-port';
import type { DutyRouter } from '../cluster/duty-requests';
import type { GroupDuty } from '../cluster/group-duty';
import type { Supervisor } from '../collectors/supervisor';
import { resolveWorkerEntry } from '../collectors/worker-entry';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';
import { backupApiHandlers, type BackupApiHandlers } from './api-handlers';
import { BackupScheduler } from './backup-scheduler';
import { BackupRuns } from './backup-runs';
import { BackupService } from './backup-service';
import { gitExport } from './git-export';

export interface RunningBackup {
  handlers: BackupApiHandlers;
  stop(): Promise<void>;
}

/**
 * The configuration backup: its worker process (or the demo's simulated devices), the service
 * that runs and stores backups, its schedule and cleanup, and its API methods.
 */
export function startBackup(deps: {
  repo: Repository;
  cipher: SecretCipher;
  alarms: AlarmPort;
  supervisor: Supervisor;
  /** Schedules take the devices of the poller groups led here. */
  duty: Pick<GroupDuty, 'leadsDevice' | 'groupOf'>;
  /** An operator's run goes to the leader of each device's group. */
  duties: DutyRouter;
  /** The demo's devices instead of the worker: the demo never connects anywhere. */
  demoTransport: BackupTransport | null;
  log: (message: string) => void;
}): RunningBackup {
  const transport =
    deps.demoTransport ??
    workerBackupTransport(
      deps.supervisor.supervise({
        name: 'backup',
        entry: resolveWorkerEntry('backup'),
        api: backupWorkerApi,
      }),
    );
  const service = new BackupService({
    repo: deps.repo,
    cipher: deps.cipher,
    alarms: deps.alarms,
    transport,
    exportTo: gitExport,
    log: deps.log,
    handles: (deviceId) => deps.duty.leadsDevice(deviceId),
  });
  const runs = new BackupRuns({
    repo: deps.repo,
    service,
    duties: deps.duties,
    groupOf: (deviceId) => deps.duty.groupOf(deviceId),
    log: deps.log,
  });
  const scheduler = new BackupScheduler(deps.repo, service, deps.log);
  scheduler.start();
  if (deps.demoTransport) {
    // The demo shows backups at once: a first round, then a second in which a few configurations change.
    void service
      .start(null)
      .then(() => service.whenIdle())
      .then(() => service.start(null))
      .catch((error: Error) => deps.log(`demo backups: ${error.message}`));
  }
  return {
    handlers: backupApiHandlers({ repo: deps.repo, cipher: deps.cipher, service, runs }),
    async stop() {
      scheduler.stop();
      await runs.cancel();
      await service.cancel();
      await service.whenIdle();
    },
  };
}
