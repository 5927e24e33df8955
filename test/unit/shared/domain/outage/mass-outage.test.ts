import { describe, expect, it } from 'vitest';
import {
  defaultMassOutageRule,
  stepMassOutage,
  type MassOutage,
} from '../../../../../shared/domain/outage/mass-outage';
import { markMassOutage, massOutageAlarm } from '../../../../../shared/domain/outage/mass-outage-plan';
import type { PlannedAlarm } from '../../../../../shared/domain/monitor/alarm-plan';

const rule = defaultMassOutageRule;
const AT = 1_000_000;

/** `count` devices that each failed on their own (no parent, no tower), ids from `first`. */
const ownFailures = (count: number, first = 1): Map<string, number> =>
  new Map(Array.from({ length: count }, (_, i) => [`device:${first + i}`, 1]));

const step = (
  failedRoots: Map<string, number>,
  monitored: number,
  current: MassOutage | null = null,
  previous: Iterable<string> = [],
) => stepMassOutage(current, { monitored, failedRoots, previousRoots: new Set(previous) }, rule, AT);

describe('the mass-outage verdict', () => {
  it('starts when exactly the share fails in one cycle, not one device fewer', () => {
    expect(step(ownFailures(50), 100).started).toBe(true);
    expect(step(ownFailures(49), 100)).toEqual({ outage: null, started: false, ended: false });
  });

  it('needs at least 20 devices, whatever the share', () => {
    expect(step(ownFailures(19), 19).started).toBe(false);
    expect(step(ownFailures(20), 20).outage?.members.size).toBe(20);
    expect(step(ownFailures(20), 40).started).toBe(true);
  });

  it('blames a common parent or tower instead: one root standing for the share is its own alarm', () => {
    // A core router and its 59 dependants, plus 5 devices failing on their own: 65 of 100 down.
    const behindParent = new Map([['device:1', 60], ...ownFailures(5, 100)]);
    expect(step(behindParent, 100).started).toBe(false);
    // Two towers of 30 devices each and nothing else in common: no single one to blame.
    expect(
      step(
        new Map([
          ['tower:1', 30],
          ['tower:2', 30],
        ]),
        100,
      ).started,
    ).toBe(true);
  });

  it('counts only failures new in this cycle', () => {
    // 40 were already down before; 20 more fall now: 60 % down, but only 20 % at once.
    const failed = ownFailures(60);
    const before = [...ownFailures(40).keys()];
    expect(step(failed, 100, null, before).started).toBe(false);
  });

  it('takes later failures in, and ends once no more than a quarter is still down', () => {
    const start = step(ownFailures(60), 100);
    const outage = start.outage!;
    const grown = step(ownFailures(70), 100, outage, ownFailures(60).keys());
    expect(grown.outage?.members.size).toBe(70);
    const still26 = step(ownFailures(26), 100, grown.outage, ownFailures(70).keys());
    expect(still26).toMatchObject({ started: false, ended: false });
    expect(still26.outage?.since).toBe(AT);
    expect(step(ownFailures(25), 100, grown.outage, ownFailures(70).keys())).toEqual({
      outage: null,
      started: false,
      ended: true,
    });
  });

  it('marks the members’ alarms with it as their cause and says how many it stands for', () => {
    const outage = step(ownFailures(30), 40).outage;
    const plan: PlannedAlarm[] = [
      {
        type: 'device_down',
        deviceId: 1,
        towerId: null,
        severity: 'major',
        affected: 1,
        params: { device: 'a' },
      },
      {
        type: 'device_down',
        deviceId: 99,
        towerId: null,
        severity: 'major',
        affected: 1,
        params: { device: 'z' },
      },
      {
        type: 'degraded',
        deviceId: 2,
        towerId: null,
        severity: 'warning',
        affected: 1,
        params: { device: 'b' },
      },
    ];
    expect(markMassOutage(plan, outage).map((alarm) => alarm.params)).toEqual([
      { device: 'a', cause: 'monitor:mass-outage' },
      { device: 'z' },
      { device: 'b' },
    ]);
    expect(massOutageAlarm(outage, 40)).toEqual({
      type: 'mass-outage',
      severity: 'critical',
      affected: 30,
      params: { count: 30, share: 75 },
    });
    expect(markMassOutage(plan, null)).toEqual(plan);
    expect(massOutageAlarm(null, 40)).toBeNull();
  });
});
