import type { AvailabilityReport, ReportGrouping } from '../../../shared/contract/reports';
import {
  deviceAvailability,
  timelineOf,
  type DeviceAvailability,
} from '../../../shared/domain/reports/availability';
import { summarize } from '../../../shared/domain/reports/summary';
import type { DeviceStateChange } from '../store/repo/history';
import type { Repository } from '../store/repository';
import { nextTurn } from '../store/writer';

/** Devices computed between two turns of the event loop: a report of 10,000 must not hold the API. */
const DEVICES_PER_TURN = 1_000;

function byDevice(changes: readonly DeviceStateChange[]): Map<number, DeviceStateChange[]> {
  const grouped = new Map<number, DeviceStateChange[]>();
  for (const change of changes) {
    const list = grouped.get(change.deviceId);
    if (list) list.push(change);
    else grouped.set(change.deviceId, [change]);
  }
  return grouped;
}

/** Availability of every device over [from, to) from the stored state history, grouped as asked. */
export async function availabilityReport(
  repo: Pick<Repository, 'devices' | 'towers' | 'history'>,
  request: { from: number; to: number; groupBy: ReportGrouping },
  now: number,
): Promise<AvailabilityReport> {
  const { from, to } = request;
  const [devices, towers, before, changes] = await Promise.all([
    repo.devices.list(),
    repo.towers.list(),
    repo.history.statesBefore(from),
    repo.history.stateChanges(from, to),
  ]);
  const opening = new Map(before.map((change) => [change.deviceId, change]));
  const changesOf = byDevice(changes);
  const range = { start: from, end: to };
  const figures = new Map<number, DeviceAvailability>();
  for (const [index, device] of devices.entries()) {
    if (index > 0 && index % DEVICES_PER_TURN === 0) await nextTurn();
    const timeline = timelineOf(opening.get(device.id) ?? null, changesOf.get(device.id) ?? [], range, now);
    figures.set(device.id, deviceAvailability(timeline, range, now));
  }
  return summarize({ devices, towers, figures, groupBy: request.groupBy, from, to, generatedAt: now });
}
