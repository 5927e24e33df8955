import { describe, expect, it } from 'vitest';
import { MassOutageWatch } from '../../../../../electron/engine/monitor/mass-outage-watch';
import type { Alarm } from '../../../../../shared/contract/entities';
import { defaultMassOutageRule } from '../../../../../shared/domain/outage/mass-outage';
import type { PlannedAlarm } from '../../../../../shared/domain/monitor/alarm-plan';
import { anAlarm } from '../../../../helpers/alarms';

const AT = 5_000_000;
const downPlan = (ids: number[]): PlannedAlarm[] =>
  ids.map((id) => ({
    type: 'device_down',
    deviceId: id,
    towerId: null,
    severity: 'major',
    affected: 1,
    params: { device: `d${id}` },
  }));
const roots = (ids: number[]) => new Map(ids.map((id) => [`device:${id}`, 1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function stored(partial: Partial<Alarm> & Pick<Alarm, 'id' | 'source' | 'type'>): Alarm {
  return anAlarm({ severity: 'major', ...partial });
}

describe('the monitor’s mass-outage memory', () => {
  it('this cycle: 30 of 40 down at once → their alarms marked and one mass-outage alarm', () => {
    const watch = new MassOutageWatch(() => defaultMassOutageRule);
    const ids = range(1, 30);
    const verdict = watch.judge(downPlan(ids), roots(ids), 40, AT);
    expect(verdict.plan.every((alarm) => alarm.params.cause === 'monitor:mass-outage')).toBe(true);
    expect(verdict.massOutage).toEqual([
      {
        source: 'monitor',
        subject: { deviceId: null, towerId: null, ref: 'monitor:mass-outage' },
        type: 'mass-outage',
        severity: 'critical',
        affected: 30,
        params: { count: 30, share: 75 },
      },
    ]);
    // Next cycle: 25 came back, 5 still down (12.5 % ≤ 25 %): it ends, the 5 are ordinary again.
    const next = watch.judge(downPlan(range(1, 5)), roots(range(1, 5)), 40, AT + 30_000);
    expect(next.massOutage).toEqual([]);
    expect(next.plan.map((alarm) => alarm.params)).toEqual(range(1, 5).map((id) => ({ device: `d${id}` })));
  });

  it('after a restart, devices already down are not a new mass outage, and one going on goes on', () => {
    const ids = range(1, 30);
    const icmp = ids.map((id) =>
      stored({
        id,
        source: 'icmp',
        type: 'device_down',
        deviceId: id,
        params: { cause: 'monitor:mass-outage' },
      }),
    );
    const fresh = new MassOutageWatch(() => defaultMassOutageRule);
    fresh.resume(icmp, []);
    expect(fresh.judge(downPlan(ids), roots(ids), 40, AT).massOutage).toEqual([]);

    const going = new MassOutageWatch(() => defaultMassOutageRule);
    going.resume(icmp, [stored({ id: 99, source: 'monitor', type: 'mass-outage', raisedAt: 2_000 })]);
    expect(going.current()?.since).toBe(2_000);
    const verdict = going.judge(downPlan(ids), roots(ids), 40, AT);
    expect(verdict.massOutage).toHaveLength(1);
    expect(verdict.plan.every((alarm) => alarm.params.cause === 'monitor:mass-outage')).toBe(true);
  });
});
