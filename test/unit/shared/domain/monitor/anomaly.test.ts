import { describe, expect, it } from 'vitest';
import { LatencyAnomalyDetector, hourOfWeek, robustZ } from '../../../../../shared/domain/monitor/anomaly';
import { defaultMonitorConfig } from '../../../../../shared/domain/monitor/config';

const rule = defaultMonitorConfig.anomaly;
const STEP = 30_000;
const steady = (i: number) => 10 + ((i * 7) % 5) * 0.2;

function feed(detector: LatencyAnomalyDetector, values: number[], from = 0) {
  return values.map((rtt, i) => detector.observe(rtt, from + i * STEP));
}

describe('robust z-score', () => {
  it.each([
    [20, 10, 2, 0.5, 3.3725],
    [10, 10, 0, 0.5, 0],
    [11, 10, 0, 0.5, 1.349], // MAD of 0 is floored
    [5, 10, 2, 0.5, -1.68625],
  ])('x=%d median=%d mad=%d', (x, median, mad, floor, z) =>
    expect(robustZ(x, median, mad, floor)).toBeCloseTo(z, 4),
  );
});

describe('hour of week', () => {
  it.each([
    [Date.UTC(2026, 0, 4, 3), -180, 0], // Sunday 00:00 in Brasília
    [Date.UTC(2026, 0, 5, 15), -180, 36], // Monday 12:00
    [Date.UTC(2026, 0, 10, 23), 0, 167], // Saturday 23:00 UTC
  ])('%d at offset %d is slot %d', (at, offset, slot) => expect(hourOfWeek(at, offset)).toBe(slot));
});

describe('latency anomaly detector', () => {
  it('says nothing during warm-up, even for wild values', () => {
    const detector = new LatencyAnomalyDetector(rule);
    const verdicts = feed(
      detector,
      Array.from({ length: rule.warmup }, (_, i) => (i % 5 === 0 ? 500 : 10)),
    );
    expect(verdicts.every((v) => v.z === null && !v.active)).toBe(true);
  });

  it('raises after N consecutive high samples and clears after N normal ones', () => {
    const detector = new LatencyAnomalyDetector(rule);
    feed(
      detector,
      Array.from({ length: 40 }, (_, i) => steady(i)),
    );
    const verdicts = feed(detector, [60, 60, 60, 60, 10, 10, 10], 40 * STEP);
    expect(verdicts.map((v) => v.active)).toEqual([false, false, true, true, true, true, false]);
    expect(verdicts.map((v) => v.changed)).toEqual([false, false, true, false, false, false, true]);
  });

  it('an isolated spike is not an anomaly', () => {
    const detector = new LatencyAnomalyDetector(rule);
    feed(
      detector,
      Array.from({ length: 40 }, (_, i) => steady(i)),
    );
    const verdicts = feed(detector, [90, 10, 90, 10, 90], 40 * STEP);
    expect(verdicts.some((v) => v.active)).toBe(false);
  });

  it('after a week of history, compares with the same hour of the week', () => {
    const fresh = new LatencyAnomalyDetector({ ...rule, utcOffsetMinutes: 0 });
    const start0 = Date.UTC(2026, 0, 4, 0);
    feed(
      fresh,
      Array.from({ length: 60 }, (_, i) => steady(i)),
      start0,
    );
    // Without the history, the same jump is an anomaly.
    expect(feed(fresh, [40, 40, 40], start0 + 60 * STEP).at(-1)!.active).toBe(true);

    const hour = 3_600_000;
    const detector = new LatencyAnomalyDetector({ ...rule, utcOffsetMinutes: 0 });
    // Every day 20:00–21:00 is a busy hour at ~40 ms; the rest of the day ~10 ms.
    const start = Date.UTC(2026, 0, 4, 0);
    const samplesPerHour = 60;
    for (let h = 0; h < 24 * 8; h++) {
      const busy = h % 24 === 20;
      for (let k = 0; k < samplesPerHour; k++) {
        detector.observe((busy ? 40 : 10) + (k % 3) * 0.3, start + h * hour + k * 60_000);
      }
    }
    // At 20:xx on day 9, 40 ms is the usual; the rolling window alone (full of 10 ms) would say otherwise.
    const busyAt = start + (24 * 8 + 20) * hour;
    const verdicts = [0, 1, 2, 3].map((k) => detector.observe(40, busyAt + k * 60_000));
    expect(verdicts.some((v) => v.active)).toBe(false);
    expect(Math.abs(verdicts[3]!.z!)).toBeLessThan(3);
  });

  it('keeps a bounded footprint per device', () => {
    const detector = new LatencyAnomalyDetector(rule);
    feed(
      detector,
      Array.from({ length: 5_000 }, (_, i) => steady(i)),
    );
    const arrays = Object.values(detector).filter((v) => ArrayBuffer.isView(v)) as ArrayBufferView[];
    expect(arrays.reduce((n, a) => n + a.byteLength, 0)).toBeLessThan(2_500);
  });
});
