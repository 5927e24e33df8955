import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Alarm } from '../../../../shared/contract/entities';
import type { Repository } from '../repository';
import { chunksFor } from '../writer';
import type { RepoContext } from './context';

type AlarmRow = Alarm & { openKey: string | null };

function toAlarm({ openKey: _openKey, ...alarm }: AlarmRow): Alarm {
  return alarm;
}

export function alarmsRepository({ dialect, writer }: RepoContext): Repository['alarms'] {
  const { db, tables } = dialect;
  const a = tables.alarms;
  return {
    raiseMany: (alarms) =>
      alarms.length === 0 ? Promise.resolve([]) : writer.run(() => dialect.insertAlarms(alarms)),
    reserveIds: (count) => writer.run(() => dialect.reserveAlarmIds(count)),
    open: async (keys) => {
      const filter = keys === undefined ? isNotNull(a.openKey) : inArray(a.openKey, [...keys]);
      if (keys !== undefined && keys.length === 0) return [];
      return (await db.select().from(a).where(filter)).map(toAlarm);
    },
    updateMany: (patches) =>
      patches.length === 0
        ? Promise.resolve([])
        : writer.run(() =>
            dialect.transaction(async (tx) => {
              const updated: Alarm[] = [];
              for (const { id, ...patch } of patches) {
                const [row] = await tx.update(a).set(patch).where(eq(a.id, id)).returning();
                if (row) updated.push(toAlarm(row));
              }
              return updated;
            }),
          ),
    acknowledge: (ids, by, note, at) =>
      writer.run(async () => {
        const rows = await db
          .update(a)
          .set({ state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: by, note: note || null })
          .where(and(inArray(a.id, ids), eq(a.state, 'active')))
          .returning();
        return rows.map(toAlarm);
      }),
    clearMany: (ids, at, by) =>
      ids.length === 0
        ? Promise.resolve([])
        : writer.run(() =>
            dialect.transaction(async (tx) => {
              const cleared: Alarm[] = [];
              // A few parameters of each statement go to the values it sets.
              for (const chunk of chunksFor(ids, 1, dialect.maxParams - 8)) {
                const rows = await tx
                  .update(a)
                  .set({ state: 'cleared', clearedAt: at, clearedBy: by, openKey: null })
                  .where(and(inArray(a.id, chunk), isNotNull(a.openKey)))
                  .returning();
                cleared.push(...rows.map(toAlarm));
              }
              return cleared;
            }),
          ),
    deleteClearedBefore: (at) =>
      writer.run(async () => {
        const rows = await db
          .delete(a)
          .where(and(eq(a.state, 'cleared'), lt(a.clearedAt, at)))
          .returning({ id: a.id });
        return rows.length;
      }),
    list: async ({ states, deviceId, limit }) => {
      const filter =
        deviceId === undefined
          ? inArray(a.state, states)
          : and(inArray(a.state, states), eq(a.deviceId, deviceId));
      return (await db.select().from(a).where(filter).orderBy(desc(a.raisedAt), desc(a.id)).limit(limit)).map(
        toAlarm,
      );
    },
    byIds: async (ids) =>
      ids.length === 0
        ? []
        : (
            await db
              .select()
              .from(a)
              .where(inArray(a.id, [...ids]))
          ).map(toAlarm),
  };
}
