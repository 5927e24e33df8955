import type { AlarmParams, Severity } from '../../contract/entities';
import type { OutagePicture, SectorProblem } from './dependencies';

/**
 * Which ICMP alarms should be open right now. The engine compares this plan with the alarms
 * already open and raises, updates or clears the difference, so each subject has at most one open
 * alarm per type. Severities:
 * - tower_down: critical (a whole site is off the air);
 * - device_down: critical when the device takes dependants down with it, else major;
 * - sector_problem: major (many customers, but the site answers);
 * - flapping: minor (the link is unstable; one alarm instead of a down/up pair per bounce);
 * - degraded and latency_anomaly: warning (still answering).
 */
export const icmpAlarmTypes = {
  towerDown: 'tower_down',
  deviceDown: 'device_down',
  sectorProblem: 'sector_problem',
  flapping: 'flapping',
  degraded: 'degraded',
  latencyAnomaly: 'latency_anomaly',
} as const;
export type IcmpAlarmType = (typeof icmpAlarmTypes)[keyof typeof icmpAlarmTypes];

export interface AlarmSubject {
  type: string;
  deviceId: number | null;
  towerId: number | null;
}

/**
 * One ICMP alarm as the plan wants it: facts, not a sentence. The names are those of this cycle,
 * so a rename shows in the open alarm; the text is rendered where it is read (`renderAlarm`).
 */
export interface PlannedAlarm extends AlarmSubject {
  type: IcmpAlarmType;
  severity: Severity;
  affected: number;
  params: AlarmParams;
}

export interface DeviceAlarmFacts {
  id: number;
  flapping: boolean;
  degraded: boolean;
  anomaly: boolean;
  answering: boolean;
}

export interface AlarmPlanInput {
  outage: OutagePicture;
  sectors: readonly SectorProblem[];
  devices: Iterable<DeviceAlarmFacts>;
  /** True for a device under maintenance (its own, its tower's or the global window). */
  deviceCovered: (id: number) => boolean;
  towerCovered: (id: number) => boolean;
  deviceName: (id: number) => string;
  towerName: (id: number) => string;
  /** Wireless clients of the tower's radios (from SNMP): the subscribers an outage there cuts off. */
  subscribersBehind?: (towerId: number) => number;
}

export function planAlarms(input: AlarmPlanInput): PlannedAlarm[] {
  const { deviceCovered, towerCovered, deviceName, towerName } = input;
  const subscribers = (towerId: number) => input.subscribersBehind?.(towerId) ?? 0;
  const planned: PlannedAlarm[] = [];
  const inSector = new Set<number>();
  for (const sector of input.sectors) {
    for (const id of sector.roots) inSector.add(id);
    if (towerCovered(sector.towerId)) continue;
    planned.push({
      type: icmpAlarmTypes.sectorProblem,
      deviceId: null,
      towerId: sector.towerId,
      severity: 'major',
      affected: sector.failed,
      params: {
        tower: towerName(sector.towerId),
        failed: sector.failed,
        total: sector.total,
        subscribers: subscribers(sector.towerId),
      },
    });
  }
  const flapping = new Set<number>();
  for (const device of input.devices) {
    if (deviceCovered(device.id)) continue;
    const subject = {
      deviceId: device.id,
      towerId: null,
      affected: 1,
      params: { device: deviceName(device.id) },
    };
    if (device.flapping) {
      flapping.add(device.id);
      planned.push({ ...subject, type: icmpAlarmTypes.flapping, severity: 'minor' });
      continue;
    }
    if (device.degraded && device.answering)
      planned.push({ ...subject, type: icmpAlarmTypes.degraded, severity: 'warning' });
    if (device.anomaly && device.answering)
      planned.push({ ...subject, type: icmpAlarmTypes.latencyAnomaly, severity: 'warning' });
  }
  for (const [key, affected] of input.outage.affected) {
    const [kind, idText] = key.split(':');
    const id = Number(idText);
    if (kind === 'tower') {
      if (towerCovered(id)) continue;
      planned.push({
        type: icmpAlarmTypes.towerDown,
        deviceId: null,
        towerId: id,
        severity: 'critical',
        affected,
        params: { tower: towerName(id), subscribers: subscribers(id) },
      });
    } else if (!deviceCovered(id) && !flapping.has(id) && !inSector.has(id)) {
      planned.push({
        type: icmpAlarmTypes.deviceDown,
        deviceId: id,
        towerId: null,
        // A device that takes dependants down with it is the root cause of their outage.
        severity: affected > 1 ? 'critical' : 'major',
        affected,
        params: { device: deviceName(id) },
      });
    }
  }
  return planned;
}
