import { describe, expect, it } from 'vitest';
import {
  initialFlapState,
  recordHealthChange,
  settleFlapping,
} from '../../../../../shared/domain/monitor/flapping';

const rule = { flapChanges: 5, flapWindowMs: 600_000, flapQuietMs: 600_000 };
const MIN = 60_000;

describe('flapping', () => {
  it.each([
    ['5 changes in 10 min flap', [0, 1, 2, 3, 4].map((m) => m * MIN), true],
    ['4 changes do not', [0, 1, 2, 3].map((m) => m * MIN), false],
    ['5 changes spread over 20 min do not', [0, 5, 10, 15, 20].map((m) => m * MIN), false],
  ])('%s', (_name, times, flapping) => {
    let state = initialFlapState;
    for (const at of times) state = recordHealthChange(state, at, rule);
    expect(state.flapping).toBe(flapping);
    expect(state.changes.length).toBeLessThanOrEqual(rule.flapChanges);
  });

  it('holds a flapping device until it has been quiet for the quiet period', () => {
    let state = initialFlapState;
    for (let i = 0; i < 8; i++) state = recordHealthChange(state, i * 20_000, rule);
    expect(settleFlapping(state, 140_000 + 9 * MIN, rule).flapping).toBe(true);
    const released = settleFlapping(state, 140_000 + 10 * MIN, rule);
    expect(released).toMatchObject({ flapping: false, changes: [] });
  });
});
