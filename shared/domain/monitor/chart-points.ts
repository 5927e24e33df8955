import type { PingRollup, PingSample } from '../../contract/entities';
import { addToRollup, toRollup, type RollupAccumulator } from './rollup';

/** Points a device chart draws at most: about one per pixel of a wide chart. */
export const MAX_CHART_POINTS = 1_440;
/**
 * Samples read for one chart at most (the newest): a day at the shortest interval (5 s) is 17,280,
 * so only manual checks on top of that reach it, and one request never reads an unbounded range.
 */
export const MAX_CHART_SAMPLES = 40_000;

/**
 * A device's raw samples in [from, to] as chart points, oldest first: one point per sample while
 * they fit in `maxPoints`, else summed into `maxPoints` equal slices of the range the way the
 * five-minute rollups are (a slice keeps its lowest and highest round trip, so a spike survives
 * the thinning). A sample taken in maintenance counts for no availability, as in a rollup.
 */
export function chartPoints(
  deviceId: number,
  samples: readonly PingSample[],
  from: number,
  to: number,
  maxPoints = MAX_CHART_POINTS,
): PingRollup[] {
  // One sample per slice when they fit: every sample is its own point, at its own time.
  const sliceMs = samples.length <= maxPoints ? 1 : Math.max(1, Math.ceil((to - from + 1) / maxPoints));
  const points: PingRollup[] = [];
  let acc: RollupAccumulator | null = null;
  const close = (finished: RollupAccumulator | null) => {
    const point = finished && toRollup(deviceId, finished);
    if (point) points.push(point);
  };
  for (const sample of samples) {
    const step = addToRollup(
      acc,
      {
        at: sample.at - from,
        answered: sample.rttMs !== null,
        lossPct: sample.lossPct,
        avgMs: sample.rttMs,
        minMs: sample.minMs,
        maxMs: sample.maxMs,
        inMaintenance: sample.state === 'maintenance',
      },
      sliceMs,
    );
    acc = step.acc;
    close(step.finished);
  }
  close(acc);
  // Slices were counted from `from`: back to epoch times.
  return points.map((point) => ({ ...point, bucket: point.bucket + from }));
}
