import type { DeviceState } from '../../contract/entities';

/**
 * Smart logging: a raw sample is written only when it tells something new: the state changed, a
 * reply appeared or vanished, the round trip moved by both `rttDeltaMs` and `rttDeltaPct` % (so
 * 1→2 ms on a LAN and 200→215 ms on a radio link are both noise), or `maxGapMs` passed since the
 * last written sample. Rollups see every check regardless (see rollup.ts).
 */
export interface LoggedPoint {
  at: number;
  state: DeviceState;
  rttMs: number | null;
}

export interface SmartLogRule {
  rttDeltaMs: number;
  rttDeltaPct: number;
  maxGapMs: number;
}

export function shouldLogSample(last: LoggedPoint | null, current: LoggedPoint, rule: SmartLogRule): boolean {
  if (last === null || last.state !== current.state) return true;
  if (current.at - last.at >= rule.maxGapMs) return true;
  if (last.rttMs === null || current.rttMs === null) return last.rttMs !== current.rttMs;
  const delta = Math.abs(current.rttMs - last.rttMs);
  const base = Math.max(last.rttMs, Number.EPSILON);
  return delta >= rule.rttDeltaMs && (delta / base) * 100 >= rule.rttDeltaPct;
}
