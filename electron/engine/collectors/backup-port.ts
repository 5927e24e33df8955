import type { BackupJob, BackupOutcome, BackupWorkerApi } from '../../../shared/contract/backup-worker';
import type { SupervisedWorker } from './supervisor';

/** The backup worker as the backup service sees it. */
export interface BackupTransport {
  /** How many jobs to hand over at once so that `lanes` of them run. */
  handOver(lanes: number): number;
  /** One device's job, run when one of the `lanes` is free. */
  run(job: BackupJob, lanes: number): Promise<BackupOutcome>;
  cancel(deviceIds: number[]): Promise<void>;
}

/** The backup service's transport over the backup worker process. */
export function workerBackupTransport(worker: SupervisedWorker<BackupWorkerApi>): BackupTransport {
  return {
    // Twice the lanes: the jobs beyond them wait in the worker, so that a lane's next job is
    // there the moment one ends, instead of a trip to the engine and back.
    handOver: (lanes) => lanes * 2,
    // The worker ends every job within its own deadline, and a job waits in it at most until the
    // jobs ahead of it end; the margin covers the trip and a restart.
    run: (job, lanes) =>
      worker.call('backup.run', { job, lanes }, { timeoutMs: 2 * job.timeouts.jobMs + 30_000 }),
    cancel: async (deviceIds: number[]) => {
      if (deviceIds.length > 0) await worker.call('backup.cancel', { deviceIds });
    },
  };
}
