import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobLanes } from '../../../../../electron/workers/backup/job-lanes';
import { MAX_START_SPACING_MS, StartSpacing } from '../../../../../electron/workers/backup/start-spacing';

describe('start spacing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The gap the spacing leaves after a start that followed another one on time. */
  const gapWhileJobsWait = (spacing: StartSpacing, lanes: number) => {
    spacing.started(0, lanes);
    const due = spacing.wait(0);
    spacing.started(due, lanes);
    return spacing.wait(due);
  };

  it('spaces starts by the longest gap until a job has ended', () => {
    const spacing = new StartSpacing();
    expect(spacing.wait(0)).toBe(0);
    expect(gapWhileJobsWait(spacing, 50)).toBe(MAX_START_SPACING_MS);
  });

  it('spaces starts by 90% of a job’s typical length over the lanes, never more than the longest gap', () => {
    const fast = new StartSpacing();
    fast.ended(100);
    expect(gapWhileJobsWait(fast, 50)).toBeCloseTo(1.8);
    const slow = new StartSpacing();
    slow.ended(30_000);
    expect(gapWhileJobsWait(slow, 50)).toBe(MAX_START_SPACING_MS);
    // The typical length moves a tenth of the way to each job's.
    const moving = new StartSpacing();
    moving.ended(1_000);
    moving.ended(0);
    expect(gapWhileJobsWait(moving, 45)).toBeCloseTo((0.9 * 900) / 45);
  });

  it('keeps the next start due on time after one that ran late, and leaves half a gap after an idle time', () => {
    const late = new StartSpacing();
    late.started(0, 50);
    late.started(25, 50);
    expect(late.wait(25)).toBe(2 * MAX_START_SPACING_MS - 25);
    const idle = new StartSpacing();
    idle.started(0, 50);
    idle.started(1_000, 50);
    expect(idle.wait(1_000)).toBe(MAX_START_SPACING_MS / 2);
  });

  it('never holds back a single lane', () => {
    const spacing = new StartSpacing();
    spacing.started(0, 1);
    expect(spacing.wait(0)).toBe(0);
  });

  it('makes the lanes start their jobs apart, and then one as soon as a lane is free', async () => {
    vi.useFakeTimers();
    const lanes = new JobLanes<number>();
    const started: number[] = [];
    const ends: (() => void)[] = [];
    const results = [1, 2, 3, 4].map((deviceId) =>
      lanes.run(
        deviceId,
        3,
        () => {
          started.push(deviceId);
          return new Promise<number>((resolve) => ends.push(() => resolve(deviceId)));
        },
        () => 0,
      ),
    );
    expect(started).toEqual([1]);
    await vi.advanceTimersByTimeAsync(MAX_START_SPACING_MS);
    expect(started).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(MAX_START_SPACING_MS);
    expect(started).toEqual([1, 2, 3]);
    // 1 s later the first job ends; its lane's next job is due long since.
    await vi.advanceTimersByTimeAsync(1_000);
    ends[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 2, 3, 4]);
    ends.slice(1).forEach((end) => end());
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4]);
  });
});
