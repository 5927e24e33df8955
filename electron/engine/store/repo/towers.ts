import { asc, eq } from 'drizzle-orm';
import type { Tower, TowerInput } from '../../../../shared/contract/entities';
import { TowerInput as TowerInputSchema } from '../../../../shared/contract/entities';
import { isUniqueViolation } from '../errors';
import { StoreError, type MaintenanceFields, type Repository } from '../repository';
import type { RepoContext } from './context';

function conflictOrThrow(error: unknown, code: string | undefined): never {
  if (isUniqueViolation(error))
    throw new StoreError('conflict', `A tower with code "${code}" already exists.`, { cause: error });
  throw error;
}

export function towersRepository({ dialect, writer, now }: RepoContext): Repository['towers'] {
  const { db, tables } = dialect;
  const t = tables.towers;
  const get = async (id: number): Promise<Tower | null> =>
    (await db.select().from(t).where(eq(t.id, id)))[0] ?? null;
  const mustGet = async (id: number): Promise<Tower> => {
    const tower = await get(id);
    if (!tower) throw new StoreError('not_found', `Tower ${id} does not exist.`);
    return tower;
  };
  return {
    list: async () => db.select().from(t).orderBy(asc(t.name)),
    get,
    create: (input: TowerInput) =>
      writer.run(async () => {
        const row = TowerInputSchema.parse(input);
        const at = now();
        try {
          const [created] = await db
            .insert(t)
            .values({ ...row, createdAt: at, updatedAt: at })
            .returning();
          return created!;
        } catch (error) {
          conflictOrThrow(error, row.code);
        }
      }),
    update: (id, patch) =>
      writer.run(async () => {
        try {
          const [updated] = await db
            .update(t)
            .set({ ...patch, updatedAt: now() })
            .where(eq(t.id, id))
            .returning();
          return updated ?? mustGet(id);
        } catch (error) {
          conflictOrThrow(error, patch.code);
        }
      }),
    setMaintenance: (id: number, fields: MaintenanceFields) =>
      writer.run(async () => {
        const [updated] = await db
          .update(t)
          .set({ ...fields, updatedAt: now() })
          .where(eq(t.id, id))
          .returning();
        return updated ?? mustGet(id);
      }),
    delete: (id) =>
      writer.run(async () => {
        await db.delete(t).where(eq(t.id, id));
      }),
  };
}
