import { describe, expect, it } from 'vitest';
import { initialIntervalState, nextInterval } from '../../../../shared/domain/monitor/adaptive-interval';
import { defaultMonitorConfig, resolveMonitorConfig } from '../../../../shared/domain/monitor/config';
import { addToRollup, toRollup, type RollupAccumulator } from '../../../../shared/domain/monitor/rollup';
import { shouldLogSample } from '../../../../shared/domain/monitor/smart-log';

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

describe('smart logging', () => {
  const rule = defaultMonitorConfig.smartLog;
  const at = 1_000_000;
  it.each([
    ['first sample', null, { at, state: 'up', rttMs: 10 }, true],
    ['nothing new', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: 12 }, false],
    ['state change', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'down', rttMs: null }, true],
    ['big jump', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: 40 }, true],
    [
      '20 ms but under 50 %',
      { at, state: 'up', rttMs: 200 },
      { at: at + 30_000, state: 'up', rttMs: 225 },
      false,
    ],
    [
      '50 % but under 20 ms',
      { at, state: 'up', rttMs: 2 },
      { at: at + 30_000, state: 'up', rttMs: 4 },
      false,
    ],
    ['10 minutes passed', { at, state: 'up', rttMs: 10 }, { at: at + 600_000, state: 'up', rttMs: 10 }, true],
    ['reply vanished', { at, state: 'up', rttMs: 10 }, { at: at + 30_000, state: 'up', rttMs: null }, true],
  ] as const)('%s', (_name, last, current, expected) => {
    expect(shouldLogSample(last, current, rule)).toBe(expected);
  });
});

describe('rollups', () => {
  const check = (at: number, rtt: number | null, inMaintenance = false) => ({
    at,
    answered: rtt !== null,
    lossPct: rtt === null ? 100 : 0,
    avgMs: rtt,
    minMs: rtt === null ? null : rtt - 1,
    maxMs: rtt === null ? null : rtt + 1,
    inMaintenance,
  });

  it('aggregates every check of a bucket and hands it over when the next bucket starts', () => {
    let acc: RollupAccumulator | null = null;
    const finished: RollupAccumulator[] = [];
    for (const c of [
      check(0, 10),
      check(30_000, 20),
      check(60_000, null),
      check(90_000, 30),
      check(300_000, 5),
    ]) {
      const step = addToRollup(acc, c, 300_000);
      acc = step.acc;
      if (step.finished) finished.push(step.finished);
    }
    expect(finished).toHaveLength(1);
    expect(toRollup(7, finished[0]!)).toEqual({
      deviceId: 7,
      bucket: 0,
      samples: 4,
      minMs: 9,
      avgMs: 20,
      maxMs: 31,
      lossPct: 25,
      upPct: 75,
    });
  });

  it('leaves checks in maintenance out of availability', () => {
    let acc = addToRollup(null, check(0, null, true), 300_000).acc;
    expect(toRollup(1, acc)).toBeNull();
    acc = addToRollup(acc, check(30_000, 10), 300_000).acc;
    expect(toRollup(1, acc)).toMatchObject({ samples: 1, upPct: 100, lossPct: 0 });
  });
});

describe('monitor config', () => {
  it('merges nested groups over the defaults', () => {
    const config = resolveMonitorConfig({ downAfter: 3, interval: { stableMs: 120_000 } });
    expect(config.downAfter).toBe(3);
    expect(config.interval).toEqual({ ...defaultMonitorConfig.interval, stableMs: 120_000 });
  });
  it.each([{ downAfter: 0 }, { anomaly: { warmup: 100 } }, { sectorFailPct: 0 }])('rejects %o', (input) => {
    expect(() => resolveMonitorConfig(input)).toThrow(/invalid monitor config/);
  });
});
