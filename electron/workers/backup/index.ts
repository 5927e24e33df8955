// Utility-process entry of the configuration backup worker: each request is one device's job, so
// that the engine bounds the parallelism and a slow or hostile device holds only its own job.
import { backupWorkerApi } from '../../../shared/contract/backup-worker';
import { serveWorker } from '../host/serve-worker';
import { BackupError } from './backup-error';
import { runJob, type JobControl } from './run-job';

const running = new Map<number, JobControl>();

serveWorker('backup', backupWorkerApi, {
  'backup.run': async (job) => {
    const control: JobControl = { abort: null };
    running.set(job.deviceId, control);
    try {
      return await runJob(job, control);
    } finally {
      if (running.get(job.deviceId) === control) running.delete(job.deviceId);
    }
  },
  'backup.cancel': async ({ deviceIds }) => {
    let cancelled = 0;
    for (const deviceId of deviceIds) {
      const control = running.get(deviceId);
      if (!control?.abort) continue;
      control.abort(new BackupError('cancelled', ''));
      cancelled++;
    }
    return { cancelled };
  },
});
