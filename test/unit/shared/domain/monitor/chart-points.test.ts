import { describe, expect, it } from 'vitest';
import type { PingSample } from '../../../../../shared/contract/entities';
import { chartPoints, MAX_CHART_POINTS } from '../../../../../shared/domain/monitor/chart-points';

const HOUR = 3_600_000;
const from = Date.UTC(2026, 10, 29, 0, 0);

const sample = (at: number, rttMs: number | null, state: PingSample['state'] = 'up'): PingSample => ({
  deviceId: 4,
  at,
  rttMs,
  minMs: rttMs === null ? null : rttMs - 0.1,
  maxMs: rttMs === null ? null : rttMs + 0.1,
  jitterMs: null,
  lossPct: rttMs === null ? 100 : 0,
  state,
});

describe('device chart points from raw samples', () => {
  it('draws every sample of an hour as a point of its own, at its own time', () => {
    const hour = Array.from({ length: 120 }, (_, i) => sample(from + i * 30_000, 1 + (i % 7)));
    const points = chartPoints(4, hour, from, from + HOUR);
    expect(points).toHaveLength(120);
    expect(points[3]).toEqual({
      deviceId: 4,
      bucket: from + 90_000,
      samples: 1,
      minMs: 3.9,
      avgMs: 4,
      maxMs: 4.1,
      lossPct: 0,
      upPct: 100,
    });
  });

  it("shows a new device's first sample, a check without answer as down, and none for maintenance", () => {
    expect(chartPoints(4, [sample(from + 5, 0.4)], from, from + HOUR)).toHaveLength(1);
    expect(
      chartPoints(4, [sample(from, null, 'down'), sample(from + 1_000, 2, 'maintenance')], from, from + HOUR),
    ).toEqual([
      {
        deviceId: 4,
        bucket: from,
        samples: 1,
        minMs: null,
        avgMs: null,
        maxMs: null,
        lossPct: 100,
        upPct: 0,
      },
    ]);
  });

  it('thins a day at 5 s to the points cap, keeping the lowest and highest round trip of each slice', () => {
    const day = Array.from({ length: 17_280 }, (_, i) => sample(from + i * 5_000, 10));
    day[9_001] = sample(day[9_001]!.at, 950);
    day[12_345] = sample(day[12_345]!.at, 0.2);
    day[15_000] = sample(day[15_000]!.at, null, 'down');
    const points = chartPoints(4, day, from, from + 24 * HOUR);
    expect(points.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(points.length).toBeGreaterThan(MAX_CHART_POINTS - 2);
    expect(points.reduce((sum, point) => sum + point.samples, 0)).toBe(17_280);
    expect(Math.max(...points.map((point) => point.maxMs ?? 0))).toBe(950); // stored to the precision of a rollup
    expect(Math.min(...points.map((point) => point.minMs ?? Infinity))).toBe(0.1);
    const lossy = points.filter((point) => point.lossPct > 0);
    expect(lossy).toHaveLength(1);
    expect(lossy[0]!.upPct).toBeLessThan(100);
    const buckets = points.map((point) => point.bucket);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets[0]).toBe(from);
    expect(buckets.at(-1)!).toBeLessThanOrEqual(from + 24 * HOUR);
  });
});
