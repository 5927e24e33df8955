import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Repository } from '../repository';
import type { RepoContext } from './context';

export function outboxRepository({ dialect, writer }: RepoContext): Repository['outbox'] {
  const { db, tables } = dialect;
  const o = tables.outbox;
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
      await db
        .select()
        .from(o)
        .where(and(eq(o.state, 'pending'), lte(o.nextAttemptAt, now)))
        .orderBy(asc(o.nextAttemptAt), asc(o.id))
        .limit(limit),
    markSent: (id, at) =>
      writer.run(async () => {
        await db.update(o).set({ state: 'sent', sentAt: at }).where(eq(o.id, id));
      }),
    markRetry: (id, nextAttemptAt, error) =>
      writer.run(async () => {
        // Counted in SQL: workstations sharing one PostgreSQL may retry the same row.
        await db
          .update(o)
          .set({ nextAttemptAt, lastError: error, attempts: sql`${o.attempts} + 1` })
          .where(eq(o.id, id));
      }),
    markFailed: (id, error) =>
      writer.run(async () => {
        await db.update(o).set({ state: 'failed', lastError: error }).where(eq(o.id, id));
      }),
  };
}
