import type { Alarm, Device, DeviceStatus, Tower } from '../../../shared/contract/entities';

/** Open alarms that share one cause: a tower down, a parent down, or one device's own trouble. */
export interface AlarmGroup {
  /** `tower:<id>`, `device:<id>`, or another cause the engine names (a mass outage). */
  key: string;
  /** The tower's or device's name; null when the cause is neither (the page words it). */
  name: string | null;
  alarms: Alarm[];
}

/**
 * The cause an alarm belongs to: what the engine says explains its device (a tower or a parent
 * down), else the alarm's own subject. An alarm about neither a device nor a tower stands alone.
 */
function causeOf(alarm: Alarm, statuses: ReadonlyMap<number, DeviceStatus>): string {
  // A cause the engine marked on the alarm itself (a mass outage) comes first.
  if (typeof alarm.params.cause === 'string' && alarm.params.cause !== '') return alarm.params.cause;
  if (alarm.deviceId !== null) return statuses.get(alarm.deviceId)?.cause ?? `device:${alarm.deviceId}`;
  if (alarm.towerId !== null) return `tower:${alarm.towerId}`;
  return `alarm:${alarm.id}`;
}

/**
 * The alarms grouped by cause, the largest group first: at the worst minute, thousands of alarms
 * are a handful of causes, and an operator acknowledges a cause, not 10,000 rows.
 */
export function groupByCause(
  alarms: readonly Alarm[],
  statuses: ReadonlyMap<number, DeviceStatus>,
  devices: ReadonlyMap<number, Device>,
  towers: ReadonlyMap<number, Tower>,
): AlarmGroup[] {
  const groups = new Map<string, Alarm[]>();
  for (const alarm of alarms) {
    const key = causeOf(alarm, statuses);
    const list = groups.get(key);
    if (list) list.push(alarm);
    else groups.set(key, [alarm]);
  }
  const nameOf = (key: string): string | null => {
    const [kind, id] = key.split(':');
    if (kind === 'tower') return towers.get(Number(id))?.name ?? null;
    if (kind === 'device') return devices.get(Number(id))?.name ?? null;
    return null;
  };
  return [...groups]
    .map(([key, list]) => ({ key, name: nameOf(key), alarms: list }))
    .sort((a, b) => b.alarms.length - a.alarms.length || (a.name ?? a.key).localeCompare(b.name ?? b.key));
}
