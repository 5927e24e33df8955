import type { Alarm } from '../../../shared/contract/entities';
import { icmpAlarmTypes, type PlannedAlarm } from '../../../shared/domain/monitor/alarm-plan';
import { markedCause, massOutageKey, outageAlarmTypes } from '../../../shared/domain/outage/causes';
import {
  stepMassOutage,
  type MassOutage,
  type MassOutageRule,
} from '../../../shared/domain/outage/mass-outage';
import { markMassOutage, massOutageAlarm } from '../../../shared/domain/outage/mass-outage-plan';
import type { DesiredAlarm } from '../alarms/port';

export const MASS_OUTAGE_REF = 'monitor:mass-outage';

/** The root cause an open ICMP alarm stands for ("device:<id>", "tower:<id>"), if it is one. */
function rootOfAlarm(alarm: Alarm): string | null {
  if (alarm.type === icmpAlarmTypes.deviceDown) return `device:${alarm.deviceId}`;
  if (alarm.type === icmpAlarmTypes.towerDown) return `tower:${alarm.towerId}`;
  return null;
}

/**
 * The monitor's memory of the mass-outage verdict between cycles: the roots that had already
 * failed, and the mass outage going on. After a restart it resumes from the open alarms, so
 * devices that were already down are not taken for a new mass outage, and one going on goes on.
 */
export class MassOutageWatch {
  private outage: MassOutage | null = null;
  private previous: ReadonlySet<string> = new Set();

  constructor(private readonly rule: () => MassOutageRule) {}

  resume(icmp: readonly Alarm[], monitor: readonly Alarm[]): void {
    const open = monitor.find((alarm) => alarm.type === outageAlarmTypes.massOutage);
    const members = new Map<string, number>();
    const previous = new Set<string>();
    for (const alarm of icmp) {
      const root = rootOfAlarm(alarm);
      if (root === null) continue;
      previous.add(root);
      if (open && markedCause(alarm) === massOutageKey) members.set(root, alarm.affected);
    }
    this.previous = previous;
    this.outage = open && members.size > 0 ? { since: open.raisedAt, members } : null;
  }

  /** This evaluation's verdict: the ICMP plan with members marked, and the mass-outage alarm wanted (none or one). */
  judge(
    plan: readonly PlannedAlarm[],
    failedRoots: ReadonlyMap<string, number>,
    monitored: number,
    at: number,
  ): { plan: PlannedAlarm[]; massOutage: DesiredAlarm[] } {
    const step = stepMassOutage(
      this.outage,
      { monitored, failedRoots, previousRoots: this.previous },
      this.rule(),
      at,
    );
    this.outage = step.outage;
    this.previous = new Set(failedRoots.keys());
    const alarm = massOutageAlarm(this.outage, monitored);
    return {
      plan: markMassOutage(plan, this.outage),
      massOutage: alarm
        ? [{ source: 'monitor', subject: { deviceId: null, towerId: null, ref: MASS_OUTAGE_REF }, ...alarm }]
        : [],
    };
  }

  current(): MassOutage | null {
    return this.outage;
  }
}
