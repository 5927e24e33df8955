import type { BackupFailure, BackupFailureCode } from '../../../shared/contract/backup-worker';

// Failures that another attempt may not repeat: the network or the device's load, not its setup.
const retryable = new Set<BackupFailureCode>([
  'connect_failed',
  'connect_timeout',
  'step_timeout',
  'connection_lost',
  'no_prompt',
]);

/** A job's failure with the reason the operator reads. */
export class BackupError extends Error {
  readonly failure: BackupFailure;

  constructor(code: BackupFailureCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'BackupError';
    this.failure = { code, detail: detail.slice(0, 500) };
  }

  get retryable(): boolean {
    return retryable.has(this.failure.code);
  }
}
