import type { Alarm, Device, Severity, Tower } from '../../../shared/contract/entities';
import { severities } from '../../../shared/contract/vocabulary';

/** One place in trouble on the wall screen: a tower, a device, or an alarm about neither. */
export interface WallTile {
  key: string;
  /** The tower's or device's name; null for an alarm with no such subject (its text says it). */
  title: string | null;
  /** For a device: the tower it stands on. */
  place: string | null;
  /** The worst of its open alarms, the one the tile reads out. */
  headline: Alarm;
  /** Its other open alarms. */
  others: number;
  severity: Severity;
  /** When its oldest open alarm was raised: how long this place has been in trouble. */
  since: number;
  subscribers: number;
  affected: number;
  /** Every alarm of it acknowledged: someone is on it. */
  acknowledged: boolean;
}

/**
 * What a wall screen shows: outages and what is about to become one. A failed backup or a slow
 * link (minor and below) belongs on the alarm list, not on the room's TV.
 */
const shownSeverities = new Set<Severity>(['critical', 'major']);
const rank = (severity: Severity) => severities.indexOf(severity);
const subscribersOf = (alarm: Alarm) => Number(alarm.params.subscribers ?? 0) || 0;

const worse = (a: Alarm, b: Alarm) =>
  rank(a.severity) - rank(b.severity) ||
  subscribersOf(b) - subscribersOf(a) ||
  b.affected - a.affected ||
  a.raisedAt - b.raisedAt;

/**
 * The open alarms as the NOC's TV shows them: one tile per tower or device in trouble, the one that
 * cuts off the most subscribers first, then the one that takes down the most devices, then the
 * worst, then the oldest.
 */
export function wallTiles(
  alarms: Iterable<Alarm>,
  devices: ReadonlyMap<number, Device>,
  towers: ReadonlyMap<number, Tower>,
): WallTile[] {
  const bySubject = new Map<string, Alarm[]>();
  for (const alarm of alarms) {
    if (alarm.state === 'cleared' || !shownSeverities.has(alarm.severity)) continue;
    const key =
      alarm.towerId !== null && alarm.deviceId === null
        ? `tower:${alarm.towerId}`
        : alarm.deviceId !== null
          ? `device:${alarm.deviceId}`
          : `alarm:${alarm.id}`;
    const list = bySubject.get(key);
    if (list) list.push(alarm);
    else bySubject.set(key, [alarm]);
  }
  const tiles: WallTile[] = [];
  for (const [key, list] of bySubject) {
    list.sort(worse);
    const headline = list[0]!;
    const device = headline.deviceId !== null ? devices.get(headline.deviceId) : undefined;
    const tower = key.startsWith('tower:')
      ? towers.get(headline.towerId!)
      : device?.towerId
        ? towers.get(device.towerId)
        : undefined;
    tiles.push({
      key,
      title: key.startsWith('tower:') ? (tower?.name ?? null) : (device?.name ?? null),
      place: key.startsWith('device:') ? (tower?.name ?? null) : null,
      headline,
      others: list.length - 1,
      severity: headline.severity,
      since: Math.min(...list.map((alarm) => alarm.raisedAt)),
      subscribers: Math.max(...list.map(subscribersOf)),
      affected: Math.max(...list.map((alarm) => alarm.affected)),
      acknowledged: list.every((alarm) => alarm.state === 'acknowledged'),
    });
  }
  return tiles.sort(
    (a, b) =>
      b.subscribers - a.subscribers ||
      b.affected - a.affected ||
      rank(a.severity) - rank(b.severity) ||
      a.since - b.since,
  );
}
