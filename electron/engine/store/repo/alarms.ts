import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Alarm } from '../../../../shared/contract/entities';
import { StoreError, type Repository } from '../repository';
import type { RepoContext } from './context';

type AlarmRow = Alarm & { openKey: string | null };

const subjectKey = (deviceId: number | null, towerId: number | null, type: string): string =>
  `${deviceId ?? 0}:${towerId ?? 0}:${type}`;

function toAlarm({ openKey: _openKey, ...alarm }: AlarmRow): Alarm {
  return alarm;
}

export function alarmsRepository({ dialect, writer }: RepoContext): Repository['alarms'] {
  const { db, tables } = dialect;
  const a = tables.alarms;
  return {
    raise: (alarm) =>
      writer.run(async () => {
        const [row] = await db
          .insert(a)
          .values({
            ...alarm,
            state: 'active',
            openKey: subjectKey(alarm.deviceId, alarm.towerId, alarm.type),
          })
          .onConflictDoNothing()
          .returning();
        return row ? toAlarm(row) : null;
      }),
    findOpen: async ({ deviceId, towerId, type }) => {
      const [row] = await db
        .select()
        .from(a)
        .where(eq(a.openKey, subjectKey(deviceId, towerId, type)));
      return row ? toAlarm(row) : null;
    },
    update: (id, patch) =>
      writer.run(async () => {
        const [row] = await db.update(a).set(patch).where(eq(a.id, id)).returning();
        if (!row) throw new StoreError('not_found', `Alarm ${id} does not exist.`);
        return toAlarm(row);
      }),
    acknowledge: (ids, by, note, at) =>
      writer.run(async () => {
        const rows = await db
          .update(a)
          .set({ state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: by, note: note || null })
          .where(and(inArray(a.id, ids), eq(a.state, 'active')))
          .returning();
        return rows.map(toAlarm);
      }),
    clear: (id, at) =>
      writer.run(async () => {
        const [row] = await db
          .update(a)
          .set({ state: 'cleared', clearedAt: at, openKey: null })
          .where(and(eq(a.id, id), isNotNull(a.openKey)))
          .returning();
        return row ? toAlarm(row) : null;
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
    deleteClearedBefore: (at) =>
      writer.run(async () => {
        const gone = await db
          .delete(a)
          .where(and(eq(a.state, 'cleared'), lt(a.clearedAt, at)))
          .returning({ id: a.id });
        return gone.length;
      }),
  };
}
