import { asc, count, eq, inArray } from 'drizzle-orm';
import {
  DEFAULT_POLLER_GROUP,
  type GroupLeader,
  type PollerGroup,
} from '../../../../shared/contract/cluster';
import { instanceOf } from '../../../../shared/domain/cluster/lease';
import { isUniqueViolation } from '../errors';
import type { RepoContext } from './context';

export interface ClusterRepository {
  groups(): Promise<PollerGroup[]>;
  /** Adds (null id) or renames and re-pins a group; null when another group has that name. */
  saveGroup(input: { id: number | null; name: string; pinned: string[] }): Promise<PollerGroup | null>;
  /** False when there is no such group (or it is the default one, which stays). */
  deleteGroup(id: number): Promise<boolean>;
  /** Moves devices into a group (the default group: their rows go); returns how many exist. */
  assign(groupId: number, deviceIds: number[]): Promise<number>;
  /** Each device's group, for the devices outside the default group. */
  memberships(): Promise<Map<number, number>>;
  leaders(): Promise<GroupLeader[]>;
}

export function clusterRepository({ dialect, writer, now }: RepoContext): ClusterRepository {
  const { db, tables } = dialect;
  const g = tables.pollerGroups;
  const m = tables.pollerGroupDevices;
  const l = tables.pollerLeases;
  const withCount = async (id: number): Promise<PollerGroup | null> =>
    (await groups()).find((group) => group.id === id) ?? null;
  const groups = async (): Promise<PollerGroup[]> => {
    const [rows, members, devices] = await Promise.all([
      db.select().from(g).orderBy(asc(g.id)),
      db.select({ groupId: m.groupId, n: count() }).from(m).groupBy(m.groupId),
      db.select({ n: count() }).from(tables.devices),
    ]);
    const counted = new Map(members.map((row) => [row.groupId, Number(row.n)]));
    const elsewhere = [...counted.values()].reduce((sum, n) => sum + n, 0);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      pinned: row.pinned,
      devices:
        row.id === DEFAULT_POLLER_GROUP ? Number(devices[0]?.n ?? 0) - elsewhere : (counted.get(row.id) ?? 0),
    }));
  };
  return {
    groups,
    saveGroup: (input) =>
      writer
        .run(async () => {
          if (input.id === null) {
            const [added] = await db
              .insert(g)
              .values({ name: input.name, pinned: input.pinned, createdAt: now() })
              .returning({ id: g.id });
            return added!.id;
          }
          const changed = await db
            .update(g)
            .set({ name: input.id === DEFAULT_POLLER_GROUP ? '' : input.name, pinned: input.pinned })
            .where(eq(g.id, input.id))
            .returning({ id: g.id });
          return changed[0]?.id ?? null;
        })
        .then(
          (id) => (id === null ? null : withCount(id)),
          (error: unknown) => {
            if (isUniqueViolation(error)) return null;
            throw error;
          },
        ),
    deleteGroup: (id) =>
      writer.run(async () => {
        if (id === DEFAULT_POLLER_GROUP) return false;
        const gone = await db.delete(g).where(eq(g.id, id)).returning({ id: g.id });
        return gone.length > 0;
      }),
    assign: (groupId, deviceIds) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          const known = await tx
            .select({ id: tables.devices.id })
            .from(tables.devices)
            .where(inArray(tables.devices.id, deviceIds));
          const ids = known.map((row) => row.id);
          if (ids.length === 0) return 0;
          await tx.delete(m).where(inArray(m.deviceId, ids));
          if (groupId !== DEFAULT_POLLER_GROUP)
            await tx.insert(m).values(ids.map((deviceId) => ({ deviceId, groupId })));
          return ids.length;
        }),
      ),
    memberships: async () =>
      new Map((await db.select().from(m)).map((row) => [row.deviceId, row.groupId] as const)),
    leaders: async () =>
      (await db.select().from(l).orderBy(asc(l.groupId))).map((row) => ({
        groupId: row.groupId,
        instanceId: instanceOf(row.holder),
        label: row.holderLabel,
        since: row.since,
        epoch: row.epoch,
        expiresAt: row.expiresAt,
      })),
  };
}
