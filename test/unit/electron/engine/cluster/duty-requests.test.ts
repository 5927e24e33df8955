import { describe, expect, it } from 'vitest';
import type { BackupPartProgress } from '../../../../../shared/contract/duty-requests';
import { DutyRequests } from '../../../../../electron/engine/cluster/duty-requests';

// One instance alone (SQLite): every action runs here, through the same handlers the leader of a
// group serves on a shared PostgreSQL (that path: test/integration/cluster-duties.test.ts).
const alone = () =>
  new DutyRequests({
    store: null,
    leads: () => false,
    ledGroups: () => [],
    language: () => 'pt-BR',
    log: () => undefined,
  });

describe('duty requests of one instance alone', () => {
  it('runs the action here, passing its progress and the cancel through', async () => {
    const duties = alone();
    const seen: BackupPartProgress[] = [];
    let aborted = false;
    duties.serve('backup.run', async ({ deviceIds }, { progress, signal }) => {
      const step = {
        total: deviceIds.length,
        done: 1,
        failed: 0,
        changed: 1,
        cancelled: false,
        finished: false,
      };
      progress(step);
      signal.addEventListener('abort', () => (aborted = true));
      return { ...step, done: deviceIds.length, finished: true };
    });
    const controller = new AbortController();
    const answer = await duties.run(
      'backup.run',
      7,
      { deviceIds: [1, 2] },
      { onProgress: (value) => seen.push(value), signal: controller.signal },
    );
    controller.abort();
    expect(seen).toEqual([{ total: 2, done: 1, failed: 0, changed: 1, cancelled: false, finished: false }]);
    expect(answer).toMatchObject({ total: 2, done: 2, finished: true });
    expect(aborted).toBe(true);
    expect(await duties.leaderless([1, 7])).toEqual([]);
  });

  it('refuses an action nothing here serves', async () => {
    await expect(alone().run('synthetic.runNow', 1, { id: 3 })).rejects.toThrow(
      'no handler for duty synthetic.runNow',
    );
  });
});
