import { describe, expect, it } from 'vitest';
import {
  defaultSnmpThresholds,
  evaluateThreshold,
  initialThresholdState,
  resolveThresholds,
  thresholdRuleProblem,
  thresholdsForDevice,
  type ThresholdRule,
} from '../../../../../shared/domain/snmp/thresholds';

function run(rule: ThresholdRule, values: (number | null)[]) {
  let state = initialThresholdState;
  return values.map((value) => {
    const step = evaluateThreshold(rule, state, value);
    state = step.state;
    return step.transition;
  });
}

describe('evaluateThreshold', () => {
  const utilization = defaultSnmpThresholds.utilizationPct;
  const signal = defaultSnmpThresholds.signalDbm;

  it.each([
    { name: 'one busy poll is not enough', rule: utilization, values: [95, 50], expected: [null, null] },
    {
      name: 'two busy polls raise once',
      rule: utilization,
      values: [95, 96, 97],
      expected: [null, 'raise', null],
    },
    {
      name: 'hovering between clear and raise keeps the alarm',
      rule: utilization,
      values: [95, 95, 85, 89, 85],
      expected: [null, 'raise', null, null, null],
    },
    {
      name: 'back under the clear level twice clears',
      rule: utilization,
      values: [95, 95, 70, 70],
      expected: [null, 'raise', null, 'clear'],
    },
    {
      name: 'a missing value changes nothing',
      rule: utilization,
      values: [95, null, 95],
      expected: [null, null, 'raise'],
    },
    {
      name: 'a weak signal raises after three polls',
      rule: signal,
      values: [-80, -78, -76],
      expected: [null, null, 'raise'],
    },
    {
      name: 'a fading signal that recovers briefly does not raise',
      rule: signal,
      values: [-80, -70, -80, -79],
      expected: [null, null, null, null],
    },
  ])('$name', ({ rule, values, expected }) => {
    expect(run(rule, values)).toEqual(expected);
  });
});

describe('thresholds configuration', () => {
  it('device overrides win over tower overrides over the global rules', () => {
    const strictTower = { ...defaultSnmpThresholds.signalDbm, raiseAt: -70, clearAt: -67 };
    const lenientDevice = { ...defaultSnmpThresholds.signalDbm, raiseAt: -82, clearAt: -79 };
    expect(resolveThresholds(defaultSnmpThresholds, { signalDbm: strictTower }).signalDbm.raiseAt).toBe(-70);
    expect(
      resolveThresholds(defaultSnmpThresholds, { signalDbm: strictTower }, { signalDbm: lenientDevice })
        .signalDbm.raiseAt,
    ).toBe(-82);
  });

  it('rejects a rule whose clear level is on the wrong side', () => {
    expect(thresholdRuleProblem({ direction: 'above', raiseAt: 90, clearAt: 95, consecutive: 2 })).toMatch(
      /clear level/,
    );
    expect(thresholdRuleProblem(defaultSnmpThresholds.utilizationPct)).toBeNull();
    expect(thresholdRuleProblem({ ...defaultSnmpThresholds.signalDbm, consecutive: 0 })).toMatch(
      /consecutive/,
    );
  });
});

describe('thresholds for a device from the stored overrides', () => {
  it('applies tower then device overrides and ignores unusable ones', () => {
    const overrides = {
      towers: {
        '3': { signalDbm: { direction: 'below' as const, raiseAt: -70, clearAt: -67, consecutive: 2 } },
      },
      devices: {
        '9': { utilizationPct: { direction: 'above' as const, raiseAt: 95, clearAt: 85, consecutive: 3 } },
        '10': { utilizationPct: { direction: 'above' as const, raiseAt: 95, clearAt: 99, consecutive: 3 } },
      },
    };
    const nine = thresholdsForDevice(overrides, 9, 3);
    expect(nine.utilizationPct.raiseAt).toBe(95);
    expect(nine.signalDbm.raiseAt).toBe(-70);
    expect(thresholdsForDevice(overrides, 10, null).utilizationPct).toEqual(
      defaultSnmpThresholds.utilizationPct,
    );
    expect(thresholdsForDevice(null, 1, null)).toEqual(defaultSnmpThresholds);
  });
});
