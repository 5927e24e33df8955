import { eq, sql } from 'drizzle-orm';
import type { Repository } from '../repository';
import type { RepoContext } from './context';

export function settingsRepository({ dialect, writer, now }: RepoContext): Repository['settings'] {
  const { db, tables } = dialect;
  const s = tables.settings;
  return {
    all: async () =>
      Object.fromEntries(
        (await db.select().from(s)).map((row) => [row.key, JSON.parse(row.value) as unknown]),
      ),
    get: async (key) => {
      const [row] = await db.select().from(s).where(eq(s.key, key));
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    set: (key, value) =>
      writer.run(async () => {
        await db
          .insert(s)
          .values({ key, value: JSON.stringify(value ?? null), updatedAt: now() })
          .onConflictDoUpdate({
            target: s.key,
            set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
          });
      }),
    delete: (key) =>
      writer.run(async () => {
        await db.delete(s).where(eq(s.key, key));
      }),
  };
}
