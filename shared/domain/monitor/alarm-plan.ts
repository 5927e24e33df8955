import type { Severity } from '../../contract/entities';
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

export interface PlannedAlarm extends AlarmSubject {
  type: IcmpAlarmType;
  severity: Severity;
  affected: number;
  message: string;
}

export const alarmKey = (subject: AlarmSubject): string =>
  `${subject.deviceId ?? 0}:${subject.towerId ?? 0}:${subject.type}`;

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

const affectedWords = (n: number): string =>
  n === 1 ? '1 dispositivo afetado' : `${n} dispositivos afetados`;

const subscriberWords = (n: number): string =>
  n <= 0 ? '' : n === 1 ? ', 1 assinante atrás desta torre' : `, ${n} assinantes atrás desta torre`;

export function planAlarms(input: AlarmPlanInput): PlannedAlarm[] {
  const { deviceCovered, towerCovered, deviceName, towerName } = input;
  const subscribers = (towerId: number) => subscriberWords(input.subscribersBehind?.(towerId) ?? 0);
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
      message: `Problema de setor na torre ${towerName(sector.towerId)}: ${sector.failed} de ${sector.total} dispositivos sem resposta${subscribers(sector.towerId)}`,
    });
  }
  const flapping = new Set<number>();
  for (const device of input.devices) {
    if (deviceCovered(device.id)) continue;
    const name = deviceName(device.id);
    const subject = { deviceId: device.id, towerId: null, affected: 1 };
    if (device.flapping) {
      flapping.add(device.id);
      planned.push({
        ...subject,
        type: icmpAlarmTypes.flapping,
        severity: 'minor',
        message: `${name} instável (flapping): cai e volta repetidamente`,
      });
      continue;
    }
    if (device.degraded && device.answering)
      planned.push({
        ...subject,
        type: icmpAlarmTypes.degraded,
        severity: 'warning',
        message: `${name} degradado: perda ou latência acima do limite`,
      });
    if (device.anomaly && device.answering)
      planned.push({
        ...subject,
        type: icmpAlarmTypes.latencyAnomaly,
        severity: 'warning',
        message: `${name}: latência fora do padrão habitual`,
      });
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
        message: `Torre ${towerName(id)} fora do ar: ${affectedWords(affected)}${subscribers(id)}`,
      });
    } else if (!deviceCovered(id) && !flapping.has(id) && !inSector.has(id)) {
      const dependants = affected - 1;
      planned.push({
        type: icmpAlarmTypes.deviceDown,
        deviceId: id,
        towerId: null,
        severity: dependants > 0 ? 'critical' : 'major',
        affected,
        message:
          dependants > 0
            ? `${deviceName(id)} fora do ar: causa raiz, ${affectedWords(affected)}`
            : `${deviceName(id)} fora do ar`,
      });
    }
  }
  return planned;
}
