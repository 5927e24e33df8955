import type { DeviceStatus } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';

export function statusRepository({
  dialect,
  writer,
}: RepoContext): Repository['status'] & { flush(): Promise<void> } {
  const queue = new BatchQueue<DeviceStatus>(writer, async (statuses) => {
    // The latest status of a device wins when one batch carries several.
    const latest = [...new Map(statuses.map((status) => [status.deviceId, status])).values()];
    await writeSkippingDeletedDevices(dialect, latest, (rows) => dialect.upsertStatuses(rows));
  });
  return {
    all: () => dialect.allStatuses(),
    upsertMany: (statuses) => queue.push(statuses),
    flush: () => queue.flush(),
  };
}
