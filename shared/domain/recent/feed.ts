import type { Alarm, DeviceStatus } from '../../contract/entities';
import {
  recentAlarmActions,
  type RecentAlarmAction,
  type RecentChange,
  type RecentCursor,
} from '../../contract/recent';

/** A state change ranks below an alarm's moments at the same millisecond; then raised, acknowledged, cleared. */
export const stateRank = 0;
export const alarmRank = (action: RecentAlarmAction): number => recentAlarmActions.indexOf(action) + 1;

export function cursorOf(change: RecentChange): RecentCursor {
  return change.kind === 'state'
    ? { at: change.at, rank: stateRank, id: change.deviceId }
    : { at: change.at, rank: alarmRank(change.action), id: change.alarm.id };
}

/** The feed's order: newest first, then by rank and id, descending (the cursor's order). */
export function compareRecent(a: RecentChange, b: RecentChange): number {
  const x = cursorOf(a);
  const y = cursorOf(b);
  return y.at - x.at || y.rank - x.rank || y.id - x.id;
}

/** One line per moment: the same change read from the store and heard as an event is listed once. */
export const recentKey = (change: RecentChange): string => {
  const { at, rank, id } = cursorOf(change);
  return `${at}:${rank}:${id}`;
};

/** `fresh` and `kept` merged newest first, each moment once (the fresher copy), at most `cap`. */
export function mergeRecent(
  fresh: readonly RecentChange[],
  kept: readonly RecentChange[],
  cap: number,
): RecentChange[] {
  const seen = new Set<string>();
  const merged: RecentChange[] = [];
  for (const change of [...fresh, ...kept]) {
    const key = recentKey(change);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(change);
  }
  return merged.sort(compareRecent).slice(0, cap);
}

/**
 * The changes a status batch announces, given each device's status before it: a new `since` opens
 * a state (the store records the same moment; see history.ts).
 */
export function stateChangesOf(
  statuses: readonly DeviceStatus[],
  before: (deviceId: number) => DeviceStatus | undefined,
): RecentChange[] {
  const changes: RecentChange[] = [];
  for (const status of statuses) {
    const previous = before(status.deviceId);
    if (previous?.since === status.since) continue;
    changes.push({
      kind: 'state',
      at: status.since,
      deviceId: status.deviceId,
      from: previous?.state ?? null,
      to: status.state,
      cause: status.cause,
    });
  }
  return changes;
}

/** The moment an alarm event announces, given the alarm as known before it (null: not known). */
export function alarmMomentOf(
  type: 'alarm.raised' | 'alarm.updated' | 'alarm.cleared',
  alarm: Alarm,
  before: Alarm | undefined,
): RecentChange | null {
  if (type === 'alarm.raised') return { kind: 'alarm', action: 'raised', at: alarm.raisedAt, alarm };
  if (type === 'alarm.cleared')
    return alarm.clearedAt === null ? null : { kind: 'alarm', action: 'cleared', at: alarm.clearedAt, alarm };
  // An update is also a changed count of affected devices: only a new acknowledgement is a moment.
  if (alarm.acknowledgedAt === null || before?.acknowledgedAt === alarm.acknowledgedAt) return null;
  return { kind: 'alarm', action: 'acknowledged', at: alarm.acknowledgedAt, alarm };
}
