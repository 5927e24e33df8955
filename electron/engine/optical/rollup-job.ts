import { DAY_MS, HOUR_MS, type OpticalRepository } from '../store/repo/optical';

/** Retention of seed 003: raw 30 days, hourly a year, daily three years. */
export const RETENTION_MS = { raw: 30 * DAY_MS, hour: 365 * DAY_MS, day: 3 * 365 * DAY_MS } as const;

/**
 * Brings the hourly and daily aggregates up to date (the current hour and day included, so charts
 * are never behind; re-running only overwrites them) and drops what is past its retention.
 */
export async function rollUpAndPurge(repo: OpticalRepository, now: number): Promise<void> {
  const hour = now - (now % HOUR_MS);
  const day = now - (now % DAY_MS);
  await repo.rollUp('hour', hour - 2 * HOUR_MS, hour + HOUR_MS);
  await repo.rollUp('day', day - DAY_MS, day + DAY_MS);
  await repo.deleteBefore('raw', now - RETENTION_MS.raw);
  await repo.deleteBefore('hour', now - RETENTION_MS.hour);
  await repo.deleteBefore('day', now - RETENTION_MS.day);
}
