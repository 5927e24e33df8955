import type { Device, DeviceStatus, Tower } from '../../../shared/contract/entities';
import type { Repository } from '../store/repository';
import { DAY_MS, HOUR_MS } from '../store/repo/history';
import { seededRandom } from './random';

const MINUTE_MS = 60_000;
/** How far back the demo's simulated state history goes: the whole previous month, always. */
const HISTORY_DAYS = 70;

/** The start of the UTC month before the one holding `now`. */
export const previousMonthStart = (now: number): number => {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1);
};

const change = (
  deviceId: number,
  since: number,
  state: DeviceStatus['state'],
  cause: string | null = null,
): DeviceStatus => ({
  deviceId,
  state,
  since,
  lastCheck: since,
  rttMs: null,
  lossPct: null,
  cause,
});

/**
 * Simulated state history for the demo's SLA reports (the demo network only). The first device is
 * down exactly 2 h 24 min on the 10th of the previous month (UTC) and nothing else: a figure a
 * reader can check by hand. The rest get a few outages of a few minutes to hours; one tower goes
 * down for an hour, its devices unreachable behind it; another spends a night in maintenance.
 */
export function planDemoHistory(
  devices: readonly Pick<Device, 'id' | 'towerId'>[],
  towers: readonly Pick<Tower, 'id'>[],
  now: number,
): DeviceStatus[] {
  const random = seededRandom(20_26);
  const start = now - HISTORY_DAYS * DAY_MS;
  const month = previousMonthStart(now);
  const changes: DeviceStatus[] = [];
  const [first, ...rest] = devices;
  if (!first) return changes;
  const outage = month + 9 * DAY_MS + 13 * HOUR_MS;
  changes.push(
    change(first.id, start, 'up'),
    change(first.id, outage, 'down'),
    change(first.id, outage + 144 * MINUTE_MS, 'up'),
  );

  const towerDown = towers[1]?.id;
  const towerMaintenance = towers[2]?.id;
  const towerOutage = month + 17 * DAY_MS + 20 * HOUR_MS;
  const maintenance = month + 4 * DAY_MS + 23 * HOUR_MS;
  for (const device of rest) {
    const events: DeviceStatus[] = [change(device.id, start, 'up')];
    if (device.towerId === towerDown)
      events.push(
        change(device.id, towerOutage, 'unreachable', `tower:${towerDown}`),
        change(device.id, towerOutage + HOUR_MS, 'up'),
      );
    if (device.towerId === towerMaintenance)
      events.push(
        change(device.id, maintenance, 'maintenance'),
        change(device.id, maintenance + 5 * HOUR_MS, 'up'),
      );
    const outages = Math.floor(random() * 4);
    for (let i = 0; i < outages; i++) {
      const at = start + DAY_MS + Math.floor(random() * (HISTORY_DAYS - 2) * DAY_MS);
      const minutes = 5 + Math.floor(random() * random() * 240);
      events.push(
        change(device.id, at, random() < 0.2 ? 'flapping' : 'down'),
        change(device.id, at + minutes * MINUTE_MS, 'up'),
      );
    }
    // Outages that overlap another event give way to it: each device's history stays one line.
    events.sort((a, b) => a.since - b.since);
    changes.push(...events.filter((event, i) => i === 0 || event.since > events[i - 1]!.since));
  }
  return changes;
}

/** Writes the plan into a fresh demo store. */
export async function seedDemoHistory(repo: Repository, now: number): Promise<number> {
  const [devices, towers] = await Promise.all([repo.devices.list(), repo.towers.list()]);
  const changes = planDemoHistory(devices, towers, now);
  await repo.history.recordStateChanges(changes);
  return changes.length;
}
