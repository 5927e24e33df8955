import type { BackupFailure, BackupOutcome } from '../../contract/backup-worker';

/**
 * The outcome of a job that never reached the device: refused before it (no usable secret), or
 * cancelled while it waited for a lane (`attempts` 0).
 */
export function unreachedOutcome(
  deviceId: number,
  at: number,
  failure: BackupFailure,
  attempts: 0 | 1,
): BackupOutcome {
  return {
    deviceId,
    startedAt: at,
    durationMs: 0,
    attempts,
    failure,
    hostKey: null,
    jumpHostKey: null,
    crypto: null,
    hash: null,
    config: null,
    bytes: 0,
  };
}

/** Whether the job was cancelled before it started: it has no result to store or count. */
export const neverStarted = (outcome: BackupOutcome): boolean => outcome.attempts === 0;
