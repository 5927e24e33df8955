import type { BackupRunProgress } from '../../contract/backup';
import type { BackupPartProgress } from '../../contract/duty-requests';

/** Where a part ended when it failed as a whole (its leader gone): what had not ended failed. */
export function failedPart(part: BackupPartProgress): BackupPartProgress {
  const left = part.total - part.done;
  return { ...part, done: part.total, failed: part.failed + left, finished: true };
}

/**
 * A backup run pressed on one instance as the operator sees it: its parts — the devices of each
 * poller group, each backed up by its group's leader — counted together.
 */
export function runProgress(
  run: Pick<BackupRunProgress, 'runId' | 'startedAt' | 'finishedAt' | 'cancelled'>,
  parts: readonly BackupPartProgress[],
): BackupRunProgress {
  const sum = (field: 'total' | 'done' | 'failed' | 'changed') =>
    parts.reduce((total, part) => total + part[field], 0);
  return {
    ...run,
    total: sum('total'),
    done: sum('done'),
    failed: sum('failed'),
    changed: sum('changed'),
    cancelled: run.cancelled || parts.some((part) => part.cancelled),
  };
}
