import { CLOCK_SET_BACK_MS } from '../../../../shared/domain/notify/delivery-policy';
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Repository } from '../repository';
import type { RepoContext } from './context';
import type { WriteLane } from '../writer';

export function outboxRepository({ dialect, writer }: RepoContext): Repository['outbox'] {
  const { db, tables } = dialect;
  const o = tables.outbox;
  const claimable = (now: number) =>
    or(
      and(
        eq(o.state, 'pending'),
        or(lte(o.nextAttemptAt, now), gt(o.nextAttemptAt, now + CLOCK_SET_BACK_MS)),
      ),
      and(eq(o.state, 'sending'), lt(o.claimedUntil, now)),
    );
  const unclaimed = { claimedBy: null, claimedUntil: null };
  // Claims and outcomes by id touch rows already stored, so they go ahead of queued writes: the
  // sooner "sent" is recorded, the narrower the window in which a kill -9 repeats a message. By
  // key they follow the row's own insert (a message sent while the store stalled), in order.
  const byIdLane: WriteLane = 'first';
  const markSent = (where: SQL | undefined, at: number, lane: WriteLane) =>
    writer.run(async () => {
      await db
        .update(o)
        .set({ state: 'sent', sentAt: at, ...unclaimed })
        .where(where);
    }, lane);
  const markFailed = (where: SQL | undefined, error: string, lane: WriteLane) =>
    writer.run(async () => {
      await db
        .update(o)
        .set({ state: 'failed', lastError: error, attempts: sql`${o.attempts} + 1`, ...unclaimed })
        .where(and(where, ne(o.state, 'sent')));
    }, lane);
  return {
    enqueue: (message) =>
      writer.run(async () => {
        const added = await db
          .insert(o)
          .values({ ...message, state: 'pending', attempts: 0 })
          .onConflictDoNothing()
          .returning({ id: o.id });
        return added.length > 0;
      }),
    due: async (now, limit) =>
      await db.select().from(o).where(claimable(now)).orderBy(asc(o.createdAt), asc(o.id)).limit(limit),
    claim: (ids, owner, now, until) =>
      writer.run(
        async () =>
          ids.length === 0
            ? []
            : await db
                .update(o)
                .set({ state: 'sending', claimedBy: owner, claimedUntil: until })
                .where(and(inArray(o.id, ids), claimable(now)))
                .returning(),
        byIdLane,
      ),
    markSent: async (ids, at) => {
      if (ids.length > 0) await markSent(inArray(o.id, ids), at, byIdLane);
    },
    markSentByKeys: async (keys, at) => {
      if (keys.length > 0) await markSent(inArray(o.idempotencyKey, keys), at, 'inOrder');
    },
    markRetry: (ids, nextAttemptAt, error) =>
      writer.run(async () => {
        if (ids.length === 0) return;
        // Counted in SQL: workstations sharing one PostgreSQL may retry the same row.
        await db
          .update(o)
          .set({
            state: 'pending',
            nextAttemptAt,
            lastError: error,
            attempts: sql`${o.attempts} + 1`,
            ...unclaimed,
          })
          .where(and(inArray(o.id, ids), ne(o.state, 'sent')));
      }, byIdLane),
    markFailed: async (ids, error) => {
      if (ids.length > 0) await markFailed(inArray(o.id, ids), error, byIdLane);
    },
    markFailedByKeys: async (keys, error) => {
      if (keys.length > 0) await markFailed(inArray(o.idempotencyKey, keys), error, 'inOrder');
    },
    releaseClaims: (owner) =>
      writer.run(async () => {
        const released = await db
          .update(o)
          .set({ state: 'pending', ...unclaimed })
          .where(and(eq(o.state, 'sending'), eq(o.claimedBy, owner)))
          .returning({ id: o.id });
        return released.length;
      }),
    stats: async (sentSince) => {
      const rows = await db
        .select({ state: o.state, n: count() })
        .from(o)
        .where(or(ne(o.state, 'sent'), gte(o.sentAt, sentSince)))
        .groupBy(o.state);
      const of = (state: string) => Number(rows.find((row) => row.state === state)?.n ?? 0);
      return { pending: of('pending') + of('sending'), failed: of('failed'), sent: of('sent') };
    },
    recentFailures: async (limit) =>
      await db.select().from(o).where(eq(o.state, 'failed')).orderBy(desc(o.id)).limit(limit),
    deleteFinishedBefore: (at) =>
      writer.run(async () => {
        const gone = await db
          .delete(o)
          .where(and(inArray(o.state, ['sent', 'failed']), lt(o.createdAt, at)))
          .returning({ id: o.id });
        return gone.length;
      }),
  };
}
