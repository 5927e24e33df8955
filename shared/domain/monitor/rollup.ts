import type { PingRollup } from '../../contract/entities';
import { storedMs, storedPct } from './precision';

/**
 * Five-minute rollups built from every check, logged or not. Availability (loss, up %) counts
 * only checks outside maintenance; round trips count every answered check. A bucket with no
 * counted check is not written, so a window spent in maintenance leaves a gap, not a 100 %.
 */
export interface RollupCheck {
  at: number;
  answered: boolean;
  lossPct: number;
  avgMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  inMaintenance: boolean;
}

export interface RollupAccumulator {
  bucket: number;
  counted: number;
  up: number;
  lossSum: number;
  rttCount: number;
  rttSum: number;
  rttMin: number;
  rttMax: number;
}

export const bucketOf = (at: number, bucketMs: number): number => at - (at % bucketMs);

const emptyAccumulator = (bucket: number): RollupAccumulator => ({
  bucket,
  counted: 0,
  up: 0,
  lossSum: 0,
  rttCount: 0,
  rttSum: 0,
  rttMin: Number.POSITIVE_INFINITY,
  rttMax: 0,
});

/**
 * Adds one check. When the check opens a new bucket, the previous accumulator is returned as
 * `finished` so the caller can write it. The accumulator is updated in place (10,000 devices per
 * cycle: no allocation per check).
 */
export function addToRollup(
  acc: RollupAccumulator | null,
  check: RollupCheck,
  bucketMs: number,
): { acc: RollupAccumulator; finished: RollupAccumulator | null } {
  const bucket = bucketOf(check.at, bucketMs);
  let finished: RollupAccumulator | null = null;
  let current = acc;
  if (current === null || current.bucket !== bucket) {
    finished = current;
    current = emptyAccumulator(bucket);
  }
  if (!check.inMaintenance) {
    current.counted += 1;
    if (check.answered) current.up += 1;
    current.lossSum += check.lossPct;
  }
  if (check.answered && check.avgMs !== null) {
    current.rttCount += 1;
    current.rttSum += check.avgMs;
    current.rttMin = Math.min(current.rttMin, check.minMs ?? check.avgMs);
    current.rttMax = Math.max(current.rttMax, check.maxMs ?? check.avgMs);
  }
  return { acc: current, finished };
}

export function toRollup(deviceId: number, acc: RollupAccumulator): PingRollup | null {
  if (acc.counted === 0) return null;
  const hasRtt = acc.rttCount > 0;
  return {
    deviceId,
    bucket: acc.bucket,
    samples: acc.counted,
    minMs: hasRtt ? storedMs(acc.rttMin) : null,
    avgMs: hasRtt ? storedMs(acc.rttSum / acc.rttCount) : null,
    maxMs: hasRtt ? storedMs(acc.rttMax) : null,
    lossPct: storedPct(acc.lossSum / acc.counted),
    upPct: storedPct((acc.up / acc.counted) * 100),
  };
}
