import { describe, expect, it } from 'vitest';
import type { BackupPartProgress } from '../../../../../shared/contract/duty-requests';
import { failedPart, runProgress } from '../../../../../shared/domain/backup/run-parts';

const part = (fields: Partial<BackupPartProgress>): BackupPartProgress => ({
  total: 0,
  done: 0,
  failed: 0,
  changed: 0,
  cancelled: false,
  finished: false,
  ...fields,
});

describe('a backup run over the parts of several poller groups', () => {
  const run = { runId: 4, startedAt: 1_000, finishedAt: null, cancelled: false };

  it('counts every part together, as one progress bar', () => {
    expect(
      runProgress(run, [
        part({ total: 10, done: 10, failed: 1, changed: 3, finished: true }),
        part({ total: 5, done: 2, changed: 2 }),
      ]),
    ).toEqual({ ...run, total: 15, done: 12, failed: 1, changed: 5, cancelled: false });
  });

  it('is cancelled when the operator cancelled it, or any part was', () => {
    expect(runProgress(run, [part({ total: 2 }), part({ total: 3, cancelled: true })]).cancelled).toBe(true);
    expect(runProgress({ ...run, cancelled: true }, [part({ total: 2 })]).cancelled).toBe(true);
  });

  it('is empty and as given with no parts (no device to back up)', () => {
    expect(runProgress({ ...run, finishedAt: 2_000 }, [])).toEqual({
      ...run,
      finishedAt: 2_000,
      total: 0,
      done: 0,
      failed: 0,
      changed: 0,
      cancelled: false,
    });
  });

  it('counts what had not ended of a part whose leader went away as failed, keeping what ended', () => {
    expect(failedPart(part({ total: 6, done: 4, failed: 1, changed: 2 }))).toEqual(
      part({ total: 6, done: 6, failed: 3, changed: 2, finished: true }),
    );
  });
});
