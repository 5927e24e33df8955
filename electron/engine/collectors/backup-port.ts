import type { BackupJob, BackupWorkerApi } from '../../../shared/contract/backup-worker';
import type { BackupTransport } from '../backup/backup-service';
import type { SupervisedWorker } from './supervisor';

/** The backup service's transport over the backup worker process. */
export function workerBackupTransport(worker: SupervisedWorker<BackupWorkerApi>): BackupTransport {
  return {
    // The worker ends every job within its own deadline; the margin covers the trip and a restart.
    run: (job: BackupJob) => worker.call('backup.run', job, { timeoutMs: job.timeouts.jobMs + 30_000 }),
    cancel: async (deviceIds: number[]) => {
      if (deviceIds.length > 0) await worker.call('backup.cancel', { deviceIds });
    },
  };
}
