import type { Severity } from '../../contract/entities';

/** A cycle is late when none finished for this many of its intervals. */
export const CYCLE_LATE_FACTOR = 2;
/** A collector restarting more than this many times within RESTART_WINDOW_MS is flapping. */
export const RESTART_LIMIT = 3;
export const RESTART_WINDOW_MS = 10 * 60_000;
/** The notification backlog must have grown over this whole window before it alarms. */
export const BACKLOG_WINDOW_MS = 5 * 60_000;

export type SelfAlarmType = 'cycle_late' | 'collector_restarts' | 'backlog_growing' | 'store_refusing';

/** An alarm about Vigia itself, shaped as the alarm port's DesiredAlarm (source `self`). */
export interface SelfAlarm {
  source: 'self';
  type: SelfAlarmType | 'stale_data';
  subject: { deviceId: number | null; towerId: null; ref: string | null };
  severity: Severity;
  params: Record<string, string | number>;
}

export interface SelfFacts {
  now: number;
  /** When the engine started, and when its ICMP cycle last finished (null before the first). */
  startedAt: number;
  lastCycleAt: number | null;
  intervalMs: number;
  /** Each collector restart seen, with its time. */
  restarts: readonly { worker: string; at: number }[];
  /** Notifications waiting in the outbox, sampled over time (oldest first). */
  backlog: readonly { at: number; pending: number }[];
  /** Why the last probe write failed; null when the store took it. */
  storeWriteError: string | null;
}

const selfAlarm = (
  type: SelfAlarmType,
  severity: Severity,
  params: SelfAlarm['params'],
  ref: string | null = null,
): SelfAlarm => ({
  source: 'self',
  type,
  subject: { deviceId: null, towerId: null, ref },
  severity,
  params,
});

/** The ICMP cycle is late: no cycle finished for more than twice its interval. */
export function cycleLate(facts: SelfFacts): SelfAlarm | null {
  const since = facts.lastCycleAt ?? facts.startedAt;
  const lateMs = facts.now - since;
  if (lateMs <= CYCLE_LATE_FACTOR * facts.intervalMs) return null;
  return selfAlarm('cycle_late', 'critical', {
    seconds: Math.round(lateMs / 1000),
    intervalS: Math.round(facts.intervalMs / 1000),
  });
}

/** One alarm per collector that restarted more than RESTART_LIMIT times in the last 10 minutes. */
export function restartingCollectors(facts: SelfFacts): SelfAlarm[] {
  const counts = new Map<string, number>();
  for (const restart of facts.restarts)
    if (facts.now - restart.at <= RESTART_WINDOW_MS)
      counts.set(restart.worker, (counts.get(restart.worker) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count > RESTART_LIMIT)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([worker, count]) =>
      selfAlarm(
        'collector_restarts',
        'major',
        { worker, restarts: count, minutes: RESTART_WINDOW_MS / 60_000 },
        `self:worker:${worker}`,
      ),
    );
}

/**
 * The notification backlog grew for 5 minutes: the samples cover the whole window, never went
 * down within it, and end higher than they began (a steady or draining queue is not alarming).
 */
export function backlogGrowing(facts: SelfFacts): SelfAlarm | null {
  const start = facts.now - BACKLOG_WINDOW_MS;
  const baseline = facts.backlog.filter((sample) => sample.at <= start).at(-1);
  if (!baseline) return null;
  const window = [baseline, ...facts.backlog.filter((sample) => sample.at > start && sample.at <= facts.now)];
  const last = window.at(-1)!;
  if (last.pending <= baseline.pending) return null;
  for (let i = 1; i < window.length; i++) if (window[i]!.pending < window[i - 1]!.pending) return null;
  return selfAlarm('backlog_growing', 'major', {
    from: baseline.pending,
    to: last.pending,
    minutes: BACKLOG_WINDOW_MS / 60_000,
  });
}

/** The store refused the probe write. */
export function storeRefusing(facts: SelfFacts): SelfAlarm | null {
  return facts.storeWriteError === null
    ? null
    : selfAlarm('store_refusing', 'critical', { error: facts.storeWriteError.slice(0, 200) });
}

/** Every alarm Vigia should have open about itself, from these facts. */
export function selfAlarms(facts: SelfFacts): SelfAlarm[] {
  return [
    cycleLate(facts),
    ...restartingCollectors(facts),
    backlogGrowing(facts),
    storeRefusing(facts),
  ].filter((alarm): alarm is SelfAlarm => alarm !== null);
}
