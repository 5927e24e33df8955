import type { Severity } from '../../contract/entities';
import { icmpAlarmTypes, type PlannedAlarm } from '../monitor/alarm-plan';
import { CAUSE_PARAM, massOutageKey, outageAlarmTypes } from './causes';
import { outageDevices, type MassOutage } from './mass-outage';

/**
 * The ICMP plan under a mass outage: the root-cause alarms of its members stay (an operator sees
 * which devices and towers are down) and name the mass outage as their cause, which holds their
 * notifications. Other alarms, and the members' once it ended, are left as they are.
 */
export function markMassOutage(plan: readonly PlannedAlarm[], outage: MassOutage | null): PlannedAlarm[] {
  if (outage === null) return [...plan];
  return plan.map((alarm) => {
    const root =
      alarm.type === icmpAlarmTypes.deviceDown
        ? `device:${alarm.deviceId}`
        : alarm.type === icmpAlarmTypes.towerDown
          ? `tower:${alarm.towerId}`
          : null;
    return root !== null && outage.members.has(root)
      ? { ...alarm, params: { ...alarm.params, [CAUSE_PARAM]: massOutageKey } }
      : alarm;
  });
}

export interface MassOutageAlarm {
  type: typeof outageAlarmTypes.massOutage;
  severity: Severity;
  affected: number;
  params: { count: number; share: number };
}

/** The one mass-outage alarm: how many devices it stands for and their share of the monitored ones (%). */
export function massOutageAlarm(outage: MassOutage | null, monitored: number): MassOutageAlarm | null {
  if (outage === null) return null;
  const count = outageDevices(outage);
  const share = monitored > 0 ? Math.round((count / monitored) * 1000) / 10 : 0;
  return {
    type: outageAlarmTypes.massOutage,
    severity: 'critical',
    affected: count,
    params: { count, share },
  };
}
