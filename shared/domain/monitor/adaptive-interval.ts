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

export interface IntervalState {
  intervalMs: number;
  /** Cycles in a row without any state change. */
  stableCycles: number;
}

export const initialIntervalState = (rule: IntervalRule): IntervalState => ({
  intervalMs: rule.unstableMs,
  stableCycles: 0,
});

export function nextInterval(
  state: IntervalState,
  cycle: { offline: number; changes: number },
  rule: IntervalRule,
): IntervalState {
  const stableCycles = cycle.changes > 0 ? 0 : state.stableCycles + 1;
  if (cycle.offline >= rule.offlineCritical) return { intervalMs: rule.criticalMs, stableCycles };
  return { intervalMs: stableCycles >= rule.stableCycles ? rule.stableMs : rule.unstableMs, stableCycles };
}
