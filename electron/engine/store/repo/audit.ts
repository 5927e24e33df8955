import { desc } from 'drizzle-orm';
import type { Repository } from '../repository';
import type { RepoContext } from './context';

export function auditRepository({ dialect, writer }: RepoContext): Repository['audit'] {
  const { db, tables } = dialect;
  const log = tables.auditLog;
  return {
    add: (entry) =>
      writer.run(async () => {
        await db.insert(log).values(entry);
      }),
    list: async (limit) => db.select().from(log).orderBy(desc(log.at), desc(log.id)).limit(limit),
  };
}
