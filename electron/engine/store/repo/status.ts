import type { DeviceStatus } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue, writeInSlices } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';
import type { StateChangeRecorder } from './history';

/** Statuses per transaction: a whole network changing at once is ten short writes, not one long one. */
const STATUSES_PER_SLICE = 1_000;

export function statusRepository(
  { dialect, writer }: RepoContext,
  recordStateChanges: StateChangeRecorder,
): Repository['status'] & { flush(): Promise<void> } {
  const queue = new BatchQueue<DeviceStatus>(writer, async (statuses) => {
    // The latest status of a device wins when one batch carries several; every new state is history.
    const latest = [...new Map(statuses.map((status) => [status.deviceId, status])).values()];
    await writeSkippingDeletedDevices(dialect, statuses, recordStateChanges);
    await writeInSlices(latest, STATUSES_PER_SLICE, (slice) =>
      writeSkippingDeletedDevices(dialect, slice, (rows) => dialect.upsertStatuses(rows)),
    );
  });
  return {
    all: () => dialect.allStatuses(),
    upsertMany: (statuses) => queue.push(statuses),
    flush: () => queue.flush(),
  };
}
