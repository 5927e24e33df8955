import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../../../electron/workers/backup/backup-error';
import { JobLanes } from '../../../../../electron/workers/backup/job-lanes';
import type { JobControl } from '../../../../../electron/workers/backup/run-job';

/** A job the test ends by hand (or that ends with the cancel that aborts it). */
function heldJob(started: number[], deviceId: number) {
  let end = (_value: string) => undefined as void;
  const job = (control: JobControl) => {
    started.push(deviceId);
    return new Promise<string>((resolve) => {
      end = resolve;
      control.abort = (error) => resolve(error.failure.code);
    });
  };
  return { job, end: (value: string) => end(value) };
}

describe('job lanes', () => {
  it('runs at most `lanes` jobs at once and starts the next waiting one the moment one ends', async () => {
    const lanes = new JobLanes<string>(null);
    const started: number[] = [];
    const jobs = [1, 2, 3, 4].map((deviceId) => heldJob(started, deviceId));
    const results = jobs.map((held, index) => lanes.run(index + 1, 2, held.job, () => 'not started'));
    expect(started).toEqual([1, 2]);
    jobs[1]!.end('b');
    expect(await results[1]).toBe('b');
    expect(started).toEqual([1, 2, 3]);
    jobs[0]!.end('a');
    await results[0];
    expect(started).toEqual([1, 2, 3, 4]);
    jobs[2]!.end('c');
    jobs[3]!.end('d');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('aborts the running jobs of a cancel and answers its waiting ones without starting them', async () => {
    const lanes = new JobLanes<string>(null);
    const started: number[] = [];
    const jobs = [1, 2, 3, 4].map((deviceId) => heldJob(started, deviceId));
    const results = jobs.map((held, index) => lanes.run(index + 1, 2, held.job, () => 'not started'));
    expect(lanes.cancel([2, 3])).toBe(2);
    expect(await results[1]).toBe('cancelled');
    expect(await results[2]).toBe('not started');
    // The lane the cancel freed goes to the job that still waits.
    expect(started).toEqual([1, 2, 4]);
    jobs[0]!.end('a');
    jobs[3]!.end('d');
    expect(await Promise.all(results)).toEqual(['a', 'cancelled', 'not started', 'd']);
  });

  it('follows the lanes of the latest job handed over', async () => {
    const lanes = new JobLanes<string>(null);
    const started: number[] = [];
    const jobs = [1, 2, 3].map((deviceId) => heldJob(started, deviceId));
    const first = lanes.run(1, 1, jobs[0]!.job, () => '');
    const second = lanes.run(2, 1, jobs[1]!.job, () => '');
    expect(started).toEqual([1]);
    const third = lanes.run(3, 3, jobs[2]!.job, () => '');
    expect(started).toEqual([1, 2, 3]);
    jobs.forEach((held) => held.end('done'));
    expect(await Promise.all([first, second, third])).toEqual(['done', 'done', 'done']);
  });

  it('passes a job that fails on to its caller and frees its lane', async () => {
    const lanes = new JobLanes<string>(null);
    const failing = lanes.run(
      1,
      1,
      () => Promise.reject(new BackupError('empty', '')),
      () => '',
    );
    const next = lanes.run(
      2,
      1,
      async () => 'ran',
      () => '',
    );
    await expect(failing).rejects.toThrow('empty');
    expect(await next).toBe('ran');
  });
});
