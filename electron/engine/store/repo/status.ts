import { sql } from 'drizzle-orm';
import type { DeviceStatus } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue, chunksFor } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';

const STATUS_COLUMNS = 7;

export function statusRepository({
  dialect,
  writer,
}: RepoContext): Repository['status'] & { flush(): Promise<void> } {
  const { tables } = dialect;
  const s = tables.deviceStatus;
  const upsert = (rows: DeviceStatus[]) =>
    dialect.transaction(async (tx) => {
      for (const chunk of chunksFor(rows, STATUS_COLUMNS, dialect.maxParams)) {
        await tx
          .insert(s)
          .values(chunk)
          .onConflictDoUpdate({
            target: s.deviceId,
            set: {
              state: sql`excluded.state`,
              since: sql`excluded.since`,
              lastCheck: sql`excluded.last_check`,
              rttMs: sql`excluded.rtt_ms`,
              lossPct: sql`excluded.loss_pct`,
              cause: sql`excluded.cause`,
            },
          });
      }
    });
  const queue = new BatchQueue<DeviceStatus>(writer, async (statuses) => {
    // The latest status of a device wins when one batch carries several.
    const latest = [...new Map(statuses.map((status) => [status.deviceId, status])).values()];
    await writeSkippingDeletedDevices(dialect, latest, upsert);
  });
  return {
    all: () => dialect.allStatuses(),
    upsertMany: (statuses) => queue.push(statuses),
    flush: () => queue.flush(),
  };
}
