import { and, asc, between, desc, eq, inArray, lt } from 'drizzle-orm';
import type { PingSample } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue, writeInSlices } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';
import { forDeviceBatches } from './per-device';
import type { PartitionedTable } from '../pg-partitions';

/** Samples per transaction: a cycle of 10,000 devices is ten short writes, not one long one. */
const SAMPLES_PER_SLICE = 1_000;

export function pingRepository({
  dialect,
  writer,
}: RepoContext): Repository['ping'] & { flush(): Promise<void> } {
  const { db, tables } = dialect;
  const p = tables.pingSamples;
  const r = tables.pingRollups;
  // A sample batch is appended by the dialect's driver-level path (see dialect.ts).
  const samples = new BatchQueue<PingSample>(writer, (rows) =>
    writeInSlices(rows, SAMPLES_PER_SLICE, (slice) =>
      writeSkippingDeletedDevices(dialect, slice, (kept) => dialect.insertSamples(kept)),
    ),
  );
  const partitions = dialect.timePartitions;
  /**
   * Rows of `table` older than `at` removed: where the dialect partitions it by day, expired days
   * go whole (see TimePartitions.expireBefore); elsewhere `byRow` deletes them.
   */
  const expire = async (table: PartitionedTable, at: number, byRow: () => Promise<number>) =>
    (partitions ? await writer.run(() => partitions.expireBefore(table, at)) : null) ?? byRow();

  return {
    insertSamples: (rows) => samples.push(rows),
    samples: async (deviceId, from, to, limit) => {
      const query = db
        .select({
          deviceId: p.deviceId,
          at: p.at,
          rttMs: p.rttMs,
          minMs: p.minMs,
          maxMs: p.maxMs,
          jitterMs: p.jitterMs,
          lossPct: p.lossPct,
          state: p.state,
        })
        .from(p)
        .where(and(eq(p.deviceId, deviceId), between(p.at, from, to)));
      if (limit === undefined) return await query.orderBy(asc(p.at));
      // The newest along the (device, time) index, read backwards and turned oldest first.
      return (await query.orderBy(desc(p.at)).limit(limit)).reverse();
    },
    // The dialect's driver-level path: a bucket closes for every device at once (see dialect.ts).
    upsertRollups: (rows) => writer.run(() => dialect.upsertRollups(rows)),
    rollups: async (deviceId, from, to) =>
      db
        .select()
        .from(r)
        .where(and(eq(r.deviceId, deviceId), between(r.bucket, from, to)))
        .orderBy(asc(r.bucket)),
    // A batch of devices at a time, along the (device, time) keys: the tables carry no time-only index,
    // which would cost more space than the daily retention run saves in time.
    deleteSamplesBefore: (at) =>
      expire('ping_samples', at, () =>
        forDeviceBatches(
          dialect,
          writer,
          async (deviceIds) =>
            (
              await db
                .delete(p)
                .where(and(inArray(p.deviceId, deviceIds), lt(p.at, at)))
                .returning({ id: p.id })
            ).length,
        ),
      ),
    deleteRollupsBefore: (at) =>
      expire('ping_rollups', at, () =>
        forDeviceBatches(
          dialect,
          writer,
          async (deviceIds) =>
            (
              await db
                .delete(r)
                .where(and(inArray(r.deviceId, deviceIds), lt(r.bucket, at)))
                .returning({ bucket: r.bucket })
            ).length,
        ),
      ),
    preparePartitions: async (now) => {
      if (partitions) await writer.run(() => partitions.prepare(now));
    },
    flush: () => samples.flush(),
  };
}
