import { describe, expect, it } from 'vitest';
import { addToRollup, toRollup, type RollupAccumulator } from '../../../../../shared/domain/monitor/rollup';

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
