import type { DeviceStatus } from '../../../shared/contract/entities';
import type { Repository } from '../store/repository';

/**
 * Every device's status as this instance can know it: its own pollers' (in memory, current to the
 * cycle) and, on a shared PostgreSQL, the store's for the devices other instances poll.
 */
export async function liveStatuses(repo: Repository, polledHere: DeviceStatus[]): Promise<DeviceStatus[]> {
  if (repo.dialect !== 'postgres') return polledHere;
  const own = new Set(polledHere.map((status) => status.deviceId));
  return polledHere.concat((await repo.status.all()).filter((status) => !own.has(status.deviceId)));
}
