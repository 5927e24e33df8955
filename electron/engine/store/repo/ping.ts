import { and, asc, between, eq, inArray, lt, sql } from 'drizzle-orm';
import type { PingSample } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { BatchQueue, chunksFor, writeInSlices } from '../writer';
import type { RepoContext } from './context';
import { writeSkippingDeletedDevices } from './deleted-devices';
import { forDeviceBatches } from './per-device';

const ROLLUP_COLUMNS = 8;
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

  return {
    insertSamples: (rows) => samples.push(rows),
    samples: async (deviceId, from, to) =>
      await db
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
        .where(and(eq(p.deviceId, deviceId), between(p.at, from, to)))
        .orderBy(asc(p.at)),
    upsertRollups: (rows) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const chunk of chunksFor(rows, ROLLUP_COLUMNS, dialect.maxParams)) {
            await tx
              .insert(r)
              .values(chunk)
              .onConflictDoUpdate({
                target: [r.deviceId, r.bucket],
                set: {
                  samples: sql`excluded.samples`,
                  minMs: sql`excluded.min_ms`,
                  avgMs: sql`excluded.avg_ms`,
                  maxMs: sql`excluded.max_ms`,
                  lossPct: sql`excluded.loss_pct`,
                  upPct: sql`excluded.up_pct`,
                },
              });
          }
        }),
      ),
    rollups: async (deviceId, from, to) =>
      db
        .select()
        .from(r)
        .where(and(eq(r.deviceId, deviceId), between(r.bucket, from, to)))
        .orderBy(asc(r.bucket)),
    // A batch of devices at a time, along the (device, time) keys: the tables carry no time-only index,
    // which would cost more space than the daily retention run saves in time.
    deleteSamplesBefore: (at) =>
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
    deleteRollupsBefore: (at) =>
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
    flush: () => samples.flush(),
  };
}
