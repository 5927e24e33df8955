// Utility-process entry of the configuration backup worker: each request is one device's job, so
// that a slow or hostile device holds only its own job. The engine hands over more jobs than run
// at once (see `JobLanes`), so that a lane never waits for the engine between two jobs.
import { backupWorkerApi, type BackupOutcome } from '../../../shared/contract/backup-worker';
import { serveWorker } from '../host/serve-worker';
import { unreachedOutcome } from '../../../shared/domain/backup/outcome';
import { JobLanes } from './job-lanes';
import { runJob } from './run-job';

const lanes = new JobLanes<BackupOutcome>();

serveWorker('backup', backupWorkerApi, {
  'backup.run': ({ job, lanes: count }) =>
    lanes.run(
      job.deviceId,
      count,
      (control) => runJob(job, control),
      () => unreachedOutcome(job.deviceId, Date.now(), { code: 'cancelled', detail: '' }, 0),
    ),
  'backup.cancel': async ({ deviceIds }) => ({ cancelled: lanes.cancel(deviceIds) }),
});
