import { and, desc, eq, isNotNull, lt, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Alarm, DeviceState } from '../../../../shared/contract/entities';
import {
  recentAlarmActions,
  type RecentAlarmAction,
  type RecentChange,
  type RecentCursor,
  type RecentPage,
} from '../../../../shared/contract/recent';
import { alarmRank, cursorOf, mergeRecent, stateRank } from '../../../../shared/domain/recent/feed';
import type { RepoContext } from './context';

export interface RecentRepository {
  /** The newest `limit` moments older than `before` (the newest of all without it), newest first. */
  list(limit: number, before?: RecentCursor): Promise<RecentPage>;
}

/**
 * Rows of a source ranked `rank` that sort after the cursor: older, or as old with a lower rank, or
 * as old and as ranked with a lower id (the feed's order; see shared/domain/recent/feed.ts).
 */
function olderThan(at: AnyColumn, id: AnyColumn, rank: number, before?: RecentCursor): SQL | undefined {
  if (!before) return undefined;
  if (rank < before.rank) return lte(at, before.at);
  if (rank > before.rank) return lt(at, before.at);
  return or(lt(at, before.at), and(eq(at, before.at), lt(id, before.id)));
}

/**
 * Each source read along its own time index, newest first and at most `limit` rows, then merged:
 * a page costs four short index walks however long the history is.
 */
export function recentRepository({ dialect }: RepoContext): RecentRepository {
  const { db, tables } = dialect;
  const c = tables.deviceStateChanges;
  const a = tables.alarms;
  const moment: Record<
    RecentAlarmAction,
    { column: AnyColumn; field: 'raisedAt' | 'acknowledgedAt' | 'clearedAt' }
  > = {
    raised: { column: a.raisedAt, field: 'raisedAt' },
    acknowledged: { column: a.acknowledgedAt, field: 'acknowledgedAt' },
    cleared: { column: a.clearedAt, field: 'clearedAt' },
  };

  const stateChanges = async (limit: number, before?: RecentCursor): Promise<RecentChange[]> => {
    const rows = await db
      .select({
        deviceId: c.deviceId,
        at: c.at,
        to: c.state,
        cause: c.cause,
        // The state it left: the device's change before this one, along the (device, time) key.
        // Written out: drizzle leaves a column in a select's expression unqualified, and the inner
        // table's own column would answer instead of the outer row's.
        from: sql<DeviceState | null>`(select p.state from device_state_changes p where p.device_id = device_state_changes.device_id and p.at < device_state_changes.at order by p.at desc limit 1)`,
      })
      .from(c)
      .where(olderThan(c.at, c.deviceId, stateRank, before))
      .orderBy(desc(c.at), desc(c.deviceId))
      .limit(limit);
    return rows.map((row) => ({ kind: 'state', ...row, at: Number(row.at) }));
  };

  const alarmMoments = async (
    action: RecentAlarmAction,
    limit: number,
    before?: RecentCursor,
  ): Promise<RecentChange[]> => {
    const { column: at, field } = moment[action];
    const rows = await db
      .select()
      .from(a)
      .where(and(isNotNull(at), olderThan(at, a.id, alarmRank(action), before)))
      .orderBy(desc(at), desc(a.id))
      .limit(limit);
    return rows.map(({ openKey: _openKey, ...alarm }: Alarm & { openKey: string | null }) => ({
      kind: 'alarm',
      action,
      at: Number(alarm[field]),
      alarm,
    }));
  };

  return {
    list: async (limit, before) => {
      const sources = await Promise.all([
        stateChanges(limit, before),
        ...recentAlarmActions.map((action) => alarmMoments(action, limit, before)),
      ]);
      const items = mergeRecent(sources.flat(), [], limit);
      const last = items.at(-1);
      return { items, next: items.length === limit && last ? cursorOf(last) : null };
    },
  };
}
