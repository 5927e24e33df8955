import { and, asc, between, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Repository } from '../repository';
import { chunksFor } from '../writer';
import type { RepoContext } from './context';
import { forDeviceBatches } from './per-device';

const INTERFACE_ROLLUP_COLUMNS = 11;
const WIRELESS_ROLLUP_COLUMNS = 9;

export function snmpRepository({ dialect, writer }: RepoContext): Repository['snmp'] {
  const { db, tables } = dialect;
  const c = tables.deviceSnmp;
  const ir = tables.interfaceRollups;
  const wr = tables.wirelessRollups;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  return {
    configs: async () => db.select().from(c),
    setConfig: (config) =>
      writer.run(async () => {
        const { deviceId: _deviceId, ...fields } = config;
        await db.insert(c).values(config).onConflictDoUpdate({ target: c.deviceId, set: fields });
      }),
    deleteConfig: (deviceId) =>
      writer.run(async () => {
        await db.delete(c).where(eq(c.deviceId, deviceId));
      }),
    setPollOutcomes: (outcomes) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const { deviceId, at, error } of outcomes) {
            await tx.update(c).set({ lastPollAt: at, lastError: error }).where(eq(c.deviceId, deviceId));
          }
        }),
      ),
    upsertInterfaceRollups: (rows) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const chunk of chunksFor(rows, INTERFACE_ROLLUP_COLUMNS, dialect.maxParams)) {
            await tx
              .insert(ir)
              .values(chunk)
              .onConflictDoUpdate({
                target: [ir.deviceId, ir.ifIndex, ir.bucket],
                set: {
                  samples: excluded('samples'),
                  inBpsAvg: excluded('in_bps_avg'),
                  inBpsMax: excluded('in_bps_max'),
                  outBpsAvg: excluded('out_bps_avg'),
                  outBpsMax: excluded('out_bps_max'),
                  errorsPerSecAvg: excluded('errors_per_sec_avg'),
                  discardsPerSecAvg: excluded('discards_per_sec_avg'),
                  utilizationMaxPct: excluded('utilization_max_pct'),
                },
              });
          }
        }),
      ),
    interfaceRollups: async (deviceId, from, to) =>
      db
        .select()
        .from(ir)
        .where(and(eq(ir.deviceId, deviceId), between(ir.bucket, from, to)))
        .orderBy(asc(ir.ifIndex), asc(ir.bucket)),
    upsertWirelessRollups: (rows) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          for (const chunk of chunksFor(rows, WIRELESS_ROLLUP_COLUMNS, dialect.maxParams)) {
            await tx
              .insert(wr)
              .values(chunk)
              .onConflictDoUpdate({
                target: [wr.deviceId, wr.bucket],
                set: {
                  samples: excluded('samples'),
                  signalAvgDbm: excluded('signal_avg_dbm'),
                  signalMinDbm: excluded('signal_min_dbm'),
                  noiseFloorDbm: excluded('noise_floor_dbm'),
                  ccqAvgPct: excluded('ccq_avg_pct'),
                  capacityAvgPct: excluded('capacity_avg_pct'),
                  clientsMax: excluded('clients_max'),
                },
              });
          }
        }),
      ),
    wirelessRollups: async (deviceId, from, to) =>
      db
        .select()
        .from(wr)
        .where(and(eq(wr.deviceId, deviceId), between(wr.bucket, from, to)))
        .orderBy(asc(wr.bucket)),
    deleteRollupsBefore: (at) =>
      forDeviceBatches(dialect, writer, async (deviceIds) => {
        const interfaces = await db
          .delete(ir)
          .where(and(inArray(ir.deviceId, deviceIds), lt(ir.bucket, at)))
          .returning({ bucket: ir.bucket });
        const wireless = await db
          .delete(wr)
          .where(and(inArray(wr.deviceId, deviceIds), lt(wr.bucket, at)))
          .returning({ bucket: wr.bucket });
        return interfaces.length + wireless.length;
      }),
  };
}
