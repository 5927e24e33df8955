import { asc, eq } from 'drizzle-orm';
import type { Role, User } from '../../../../shared/contract/accounts';
import { isUniqueViolation } from '../errors';
import { StoreError } from '../repository';
import type { RepoContext } from './context';

/** A user as stored: with the password's hash, which never leaves the engine. */
export interface StoredUser extends User {
  passwordHash: string;
}

export interface NewUser {
  name: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

export type UserPatch = Partial<
  Pick<StoredUser, 'role' | 'disabled' | 'mustChangePassword' | 'passwordHash' | 'passwordChangedAt'>
>;

export interface UsersRepository {
  list(): Promise<StoredUser[]>;
  get(id: number): Promise<StoredUser | null>;
  byName(name: string): Promise<StoredUser | null>;
  count(): Promise<number>;
  create(user: NewUser): Promise<StoredUser>;
  update(id: number, patch: UserPatch): Promise<StoredUser>;
}

export function usersRepository({ dialect, writer, now }: RepoContext): UsersRepository {
  const { db, tables } = dialect;
  const t = tables.users;
  const get = async (id: number) => (await db.select().from(t).where(eq(t.id, id)))[0] ?? null;
  return {
    list: async () => db.select().from(t).orderBy(asc(t.name)),
    get,
    byName: async (name) => (await db.select().from(t).where(eq(t.name, name)))[0] ?? null,
    count: async () => (await db.select({ id: t.id }).from(t).limit(1)).length,
    create: (user) =>
      writer.run(async () => {
        const at = now();
        try {
          const [created] = await db
            .insert(t)
            .values({ ...user, disabled: false, createdAt: at, passwordChangedAt: at })
            .returning();
          return created!;
        } catch (error) {
          if (isUniqueViolation(error))
            throw new StoreError('conflict', `A user named "${user.name}" already exists.`, { cause: error });
          throw error;
        }
      }),
    update: (id, patch) =>
      writer.run(async () => {
        const [updated] = await db.update(t).set(patch).where(eq(t.id, id)).returning();
        if (!updated) throw new StoreError('not_found', `User ${id} does not exist.`);
        return updated;
      }),
  };
}
