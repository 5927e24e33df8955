import { describe, expect, it } from 'vitest';
import type { EngineHealth } from '../../../../../shared/contract/events';
import { healthVerdict } from '../../../../../shared/domain/observability/verdict';

const NOW = 1_800_000_000_000;
const healthy: EngineHealth = {
  startedAt: NOW - 600_000,
  lastCycleAt: NOW - 20_000,
  lastCycleMs: 800,
  intervalMs: 30_000,
  devicesMonitored: 1_000,
  workers: [
    { name: 'pinger', state: 'running', pid: 10, restarts: 0, lastError: null, since: NOW - 600_000 },
  ],
  storeOk: true,
  storeError: null,
  store: { problem: null, silentS: 0, queued: 0, droppedSamples: 0 },
};

describe('health verdict', () => {
  it('is healthy when the store answers, collectors run and the cycle is on time', () => {
    expect(healthVerdict(healthy, NOW)).toEqual({ ok: true, reasons: [] });
  });

  it('names every reason it is not', () => {
    const verdict = healthVerdict(
      {
        ...healthy,
        lastCycleAt: NOW - 61_000,
        storeOk: false,
        storeError: 'SQLITE_FULL',
        workers: [{ ...healthy.workers[0]!, state: 'restarting' }],
      },
      NOW,
    );
    expect(verdict).toEqual({
      ok: false,
      reasons: [
        { code: 'store_down', params: { error: 'SQLITE_FULL' } },
        { code: 'worker_down', params: { worker: 'pinger', state: 'restarting' } },
        { code: 'cycle_late', params: { seconds: 61, intervalS: 30 } },
      ],
    });
  });

  it('allows a cycle exactly twice its interval, and ignores cycles with nothing to monitor', () => {
    expect(healthVerdict({ ...healthy, lastCycleAt: NOW - 60_000 }, NOW).ok).toBe(true);
    expect(healthVerdict({ ...healthy, devicesMonitored: 0, lastCycleAt: null }, NOW).ok).toBe(true);
  });

  it('gives the first cycle three intervals after start before calling it stalled', () => {
    const starting = { ...healthy, startedAt: NOW - 91_000, lastCycleAt: null, lastCycleMs: null };
    expect(healthVerdict(starting, NOW).reasons).toEqual([
      { code: 'starting', params: { seconds: 91, intervalS: 30 } },
    ]);
    expect(healthVerdict({ ...starting, startedAt: NOW - 89_000 }, NOW).ok).toBe(true);
  });
});
