import type { BackupJob, BackupOutcome, BackupWorkerApi } from '../../../shared/contract/backup-worker';
import type { SupervisedWorker } from './supervisor';

/** The backup worker as the backup service sees it. */
export interface BackupTransport {
  run(job: BackupJob): Promise<BackupOutcome>;
  cancel(deviceIds: number[]): Promise<void>;
}

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
