import type { DeviceStatus } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';
import type { StateChangeRecorder } from './history';

export function statusRepository(
  { dialect, writer }: RepoContext,
  recordStateChanges: StateChangeRecorder,
): Repository['status'] & { flush(): Promise<void> } {
  const queue = new BatchQueue<DeviceStatus>(writer, async (statuses) => {
    // The latest status of a device wins when one batch carries several; every new state is history.
    const latest = [...new Map(statuses.map((status) => [status.deviceId, status])).values()];
    await writeSkippingDeletedDevices(dialect, statuses, recordStateChanges);
    await writeSkippingDeletedDevices(dialect, latest, (rows) => dialect.upsertStatuses(rows));
  });
  return {
    all: () => dialect.allStatuses(),
    upsertMany: (statuses) => queue.push(statuses),
    flush: () => queue.flush(),
  };
}
