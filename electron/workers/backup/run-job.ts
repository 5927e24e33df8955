import { createHash } from 'node:crypto';
import type { Client } from 'ssh2';
import type { BackupJob, BackupOutcome, NegotiatedCrypto } from '../../../shared/contract/backup-worker';
import { normalizeConfig } from '../../../shared/domain/backup/capture';
import { BackupError } from './backup-error';
import { captureConfig } from './capture-session';
import { connect, forward } from './ssh-connect';
import type { Shell } from './shell';

const RETRY_PAUSE_MS = 500;

/** The key a host showed, from a changed-key failure ("<trusted> → <shown>"). */
const shownKeyOf = (error: Error): string | null => /→ (SHA256:\S+)/.exec(error.message)?.[1] ?? null;

/** Something that can stop a job from outside: a cancel, or its own deadline. */
export interface JobControl {
  /** Set by the job: fails whatever it is waiting on with this error. */
  abort: ((error: BackupError) => void) | null;
}

interface Attempt {
  config: string;
  hostKey: string;
  crypto: NegotiatedCrypto;
}

async function attempt(
  job: BackupJob,
  control: JobControl,
  seen: { hostKey: string | null; jumpHostKey: string | null },
): Promise<Attempt> {
  const clients: Client[] = [];
  let shell: Shell | null = null;
  let aborted: BackupError | null = null;
  control.abort = (error) => {
    aborted = error;
    shell?.end(error);
    for (const client of clients) client.destroy();
  };
  const common = { legacyCrypto: job.legacyCrypto, connectMs: job.timeouts.connectMs };
  try {
    let sock;
    if (job.jump) {
      const jump = await connect({
        ...common,
        endpoint: job.jump,
        loginSuffix: '',
        label: `${job.jump.host}: `,
      }).catch((error: unknown) => {
        // A changed key on the jump host is the jump host's, reported apart from the device's.
        if (error instanceof BackupError && error.failure.code === 'host_key_changed') {
          seen.jumpHostKey = shownKeyOf(error);
          throw new BackupError('jump_host_key_changed', error.failure.detail);
        }
        throw error;
      });
      seen.jumpHostKey = jump.hostKey;
      clients.push(jump.client);
      if (aborted) throw aborted;
      sock = await forward(jump.client, job.jump.host, job.target.host, job.target.port);
    }
    const target = await connect({
      ...common,
      endpoint: job.target,
      loginSuffix: job.profile.loginSuffix,
      label: '',
      ...(sock ? { sock } : {}),
    }).catch((error: unknown) => {
      // The key shown is reported even when the job stops there (a changed key).
      seen.hostKey = shownKeyOf(error as Error) ?? seen.hostKey;
      throw error;
    });
    clients.push(target.client);
    seen.hostKey = target.hostKey;
    if (aborted) throw aborted;
    const config = await captureConfig(target.client, job, (opened) => (shell = opened));
    return { config, hostKey: target.hostKey, crypto: target.crypto };
  } catch (error) {
    throw aborted ?? error;
  } finally {
    control.abort = null;
    for (const client of clients.reverse()) client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One device's backup, retried on what may pass (a timeout, a cut connection) within the job's
 * deadline. Never rejects: the failure and its reason are in the outcome. `control.abort` is set
 * while it runs, for a cancel.
 */
export async function runJob(job: BackupJob, control: JobControl, now = Date.now): Promise<BackupOutcome> {
  const startedAt = now();
  const deadline = startedAt + job.timeouts.jobMs;
  const seen: { hostKey: string | null; jumpHostKey: string | null } = { hostKey: null, jumpHostKey: null };
  const running: JobControl = { abort: null };
  let stopped: BackupError | null = null;
  control.abort = (error) => {
    stopped = error;
    running.abort?.(error);
  };
  const jobTimer = setTimeout(
    () => control.abort?.(new BackupError('job_timeout', `${job.timeouts.jobMs} ms`)),
    job.timeouts.jobMs,
  );
  let attempts = 0;
  const outcome = (fields: Partial<BackupOutcome>): BackupOutcome => ({
    deviceId: job.deviceId,
    startedAt,
    durationMs: now() - startedAt,
    attempts,
    failure: null,
    hostKey: seen.hostKey,
    jumpHostKey: seen.jumpHostKey,
    crypto: null,
    hash: null,
    config: null,
    bytes: 0,
    ...fields,
  });
  try {
    for (;;) {
      attempts++;
      try {
        const result = await attempt(job, running, seen);
        const stored = normalizeConfig(job.profile, result.config, job.maskSecrets);
        const hash = createHash('sha256').update(stored).digest('hex');
        return outcome({
          hostKey: result.hostKey,
          crypto: result.crypto,
          hash,
          config: hash === job.knownHash ? null : stored,
          bytes: Buffer.byteLength(stored),
        });
      } catch (error) {
        const failure =
          error instanceof BackupError ? error : new BackupError('connect_failed', (error as Error).message);
        const pauseMs = RETRY_PAUSE_MS * attempts;
        if (stopped || !failure.retryable || attempts > job.retries || now() + pauseMs >= deadline) {
          return outcome({ failure: ((stopped as BackupError | null) ?? failure).failure });
        }
        await pause(pauseMs);
      }
    }
  } finally {
    clearTimeout(jobTimer);
    control.abort = null;
  }
}
