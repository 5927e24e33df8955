import type { Alarm, DeviceState, DeviceStatus } from '../../../shared/contract/entities';
import { deviceStates, severities } from '../../../shared/contract/vocabulary';

/** Worst first: what colours a tower and the tray. */
export const stateRank: Record<DeviceState, number> = {
  down: 0,
  unreachable: 1,
  flapping: 2,
  degraded: 3,
  maintenance: 4,
  unknown: 5,
  up: 6,
};

export function countByState(statuses: Iterable<DeviceStatus>, total: number): Record<DeviceState, number> {
  const counts = Object.fromEntries(deviceStates.map((state) => [state, 0])) as Record<DeviceState, number>;
  let known = 0;
  for (const status of statuses) {
    counts[status.state]++;
    known++;
  }
  counts.unknown += Math.max(0, total - known);
  return counts;
}

export function worstState(states: Iterable<DeviceState>): DeviceState | null {
  let worst: DeviceState | null = null;
  for (const state of states) if (worst === null || stateRank[state] < stateRank[worst]) worst = state;
  return worst;
}

const severityRank = Object.fromEntries(severities.map((severity, i) => [severity, i]));

/** Severest first, then newest. */
export function sortAlarms(alarms: Alarm[]): Alarm[] {
  return [...alarms].sort(
    (a, b) => severityRank[a.severity]! - severityRank[b.severity]! || b.raisedAt - a.raisedAt,
  );
}
