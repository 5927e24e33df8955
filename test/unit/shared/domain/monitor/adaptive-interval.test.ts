import { describe, expect, it } from 'vitest';
import {
  initialIntervalState,
  nextInterval,
  withRule,
} from '../../../../../shared/domain/monitor/adaptive-interval';
import { defaultMonitorConfig } from '../../../../../shared/domain/monitor/config';

describe('adaptive interval under a rule changed in Settings', () => {
  const rule = defaultMonitorConfig.interval;
  const faster = { ...rule, criticalMs: 5_000, unstableMs: 10_000, stableMs: 20_000 };

  it('keeps its level and takes the new length of that level', () => {
    const unstable = initialIntervalState(rule);
    expect(withRule(unstable, faster)).toEqual({ level: 'unstable', intervalMs: 10_000, stableCycles: 0 });

    let stable = unstable;
    for (let i = 0; i < rule.stableCycles; i++)
      stable = nextInterval(stable, { offline: 0, changes: 0 }, rule);
    expect(stable).toEqual({ level: 'stable', intervalMs: 60_000, stableCycles: 3 });
    expect(withRule(stable, faster)).toEqual({ level: 'stable', intervalMs: 20_000, stableCycles: 3 });

    const critical = nextInterval(unstable, { offline: rule.offlineCritical, changes: 1 }, rule);
    expect(withRule(critical, faster)).toEqual({ level: 'critical', intervalMs: 5_000, stableCycles: 0 });
  });

  it('tells the levels apart even when two of them have the same length', () => {
    const flat = { ...rule, criticalMs: 30_000, unstableMs: 30_000, stableMs: 30_000 };
    const critical = nextInterval(initialIntervalState(flat), { offline: 9, changes: 1 }, flat);
    expect(withRule(critical, faster).intervalMs).toBe(5_000);
  });
});

describe('adaptive interval', () => {
  const rule = defaultMonitorConfig.interval;
  it('walks 30 → 60 s when stable, back to 30 s on a change, 15 s with 5 offline', () => {
    const cycles = [
      { offline: 0, changes: 1 },
      { offline: 0, changes: 0 },
      { offline: 0, changes: 0 },
      { offline: 0, changes: 0 },
      { offline: 0, changes: 0 },
      { offline: 1, changes: 1 },
      { offline: 5, changes: 4 },
      { offline: 5, changes: 0 },
      { offline: 0, changes: 5 },
    ];
    let state = initialIntervalState(rule);
    const seen = cycles.map((c) => (state = nextInterval(state, c, rule)).intervalMs / 1000);
    expect(seen).toEqual([30, 30, 30, 60, 60, 30, 15, 15, 30]);
  });
});
