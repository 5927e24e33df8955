/**
 * The time between cycles adapts to the network: fast while many devices are offline (an outage
 * is being watched), normal while states are changing, slow once nothing changed for a few cycles.
 */
export interface IntervalRule {
  criticalMs: number;
  unstableMs: number;
  stableMs: number;
  offlineCritical: number;
  stableCycles: number;
}

export type IntervalLevel = 'critical' | 'unstable' | 'stable';

export interface IntervalState {
  level: IntervalLevel;
  intervalMs: number;
  /** Cycles in a row without any state change. */
  stableCycles: number;
}

export const initialIntervalState = (rule: IntervalRule): IntervalState => ({
  level: 'unstable',
  intervalMs: rule.unstableMs,
  stableCycles: 0,
});

const msOf = (level: IntervalLevel, rule: IntervalRule): number =>
  level === 'critical' ? rule.criticalMs : level === 'stable' ? rule.stableMs : rule.unstableMs;

/** The same state under a new rule (changed in Settings): the level stays, its length changes. */
export const withRule = (state: IntervalState, rule: IntervalRule): IntervalState => ({
  ...state,
  intervalMs: msOf(state.level, rule),
});

export function nextInterval(
  state: IntervalState,
  cycle: { offline: number; changes: number },
  rule: IntervalRule,
): IntervalState {
  const stableCycles = cycle.changes > 0 ? 0 : state.stableCycles + 1;
  const level: IntervalLevel =
    cycle.offline >= rule.offlineCritical
      ? 'critical'
      : stableCycles >= rule.stableCycles
        ? 'stable'
        : 'unstable';
  return { level, intervalMs: msOf(level, rule), stableCycles };
}
