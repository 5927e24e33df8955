import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { RepoContext } from './context';

/** A session as the store keeps it, under the SHA-256 of its token (never the token itself). */
export interface StoredSession {
  userId: number;
  issuedAt: number;
  expiresAt: number;
  lastUsedAt: number;
}

/** Wrong passwords that block a user name: `maxFailures` within `windowMs` of the first. */
export interface FailureRule {
  maxFailures: number;
  windowMs: number;
}

export interface SignInRepository {
  /** Stores a new session, and drops every expired one on the way. */
  createSession(tokenHash: string, session: StoredSession): Promise<void>;
  session(tokenHash: string): Promise<StoredSession | null>;
  /** Records a use of the session (the caller spaces these out). */
  touchSession(tokenHash: string, at: number): Promise<void>;
  /** Re-dates the session after its user changed the password from it, so it outlives the change. */
  renewSession(tokenHash: string, at: number): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user but `keepHash` (the one that changed its own password). */
  endSessionsOf(userId: number, keepHash?: string | null): Promise<void>;
  /**
   * Counts a wrong password for `name`, in one statement so instances on a shared store never
   * lose a count: a new window starts when the last one ended, and reaching the limit refuses the
   * name for a whole window from this failure. Returns the count and when the window ends.
   */
  failedSignIn(
    name: string,
    now: number,
    rule: FailureRule,
  ): Promise<{ failures: number; windowEndsAt: number }>;
  /** When `name` may try again (ms), or null when it may now. */
  blockedUntil(name: string, now: number, rule: FailureRule): Promise<number | null>;
  /** A right password clears the name's count. */
  signedIn(name: string): Promise<void>;
}

export function signInRepository({ dialect, writer }: RepoContext): SignInRepository {
  const { db, tables } = dialect;
  const s = tables.sessions;
  const f = tables.signInFailures;
  return {
    createSession: (tokenHash, session) =>
      writer.run(async () => {
        await db.delete(s).where(lte(s.expiresAt, session.issuedAt));
        await db.insert(s).values({ tokenHash, ...session });
      }),
    session: async (tokenHash) => {
      const [row] = await db.select().from(s).where(eq(s.tokenHash, tokenHash));
      if (!row) return null;
      return {
        userId: row.userId,
        issuedAt: row.issuedAt,
        expiresAt: row.expiresAt,
        lastUsedAt: row.lastUsedAt,
      };
    },
    touchSession: (tokenHash, at) =>
      writer.run(async () => {
        await db.update(s).set({ lastUsedAt: at }).where(eq(s.tokenHash, tokenHash));
      }),
    renewSession: (tokenHash, at) =>
      writer.run(async () => {
        await db.update(s).set({ issuedAt: at }).where(eq(s.tokenHash, tokenHash));
      }),
    endSession: (tokenHash) =>
      writer.run(async () => {
        await db.delete(s).where(eq(s.tokenHash, tokenHash));
      }),
    endSessionsOf: (userId, keepHash = null) =>
      writer.run(async () => {
        const mine = eq(s.userId, userId);
        await db.delete(s).where(keepHash === null ? mine : and(mine, ne(s.tokenHash, keepHash)));
      }),
    failedSignIn: (name, now, { maxFailures, windowMs }) =>
      writer.run(async () => {
        // Both dialects read the row's old values on the right of every SET.
        const [row] = await db
          .insert(f)
          .values({ name, failures: 1, windowEndsAt: now + windowMs })
          .onConflictDoUpdate({
            target: f.name,
            set: {
              failures: sql`CASE WHEN ${f.windowEndsAt} <= ${now} THEN 1 ELSE ${f.failures} + 1 END`,
              windowEndsAt: sql`CASE WHEN ${f.windowEndsAt} <= ${now} OR ${f.failures} + 1 >= ${maxFailures}
                THEN ${now + windowMs} ELSE ${f.windowEndsAt} END`,
            },
          })
          .returning({ failures: f.failures, windowEndsAt: f.windowEndsAt });
        // Names typed once and never again do not pile up.
        await db.delete(f).where(lte(f.windowEndsAt, now));
        return row!;
      }),
    blockedUntil: async (name, now, { maxFailures }) => {
      const [row] = await db.select().from(f).where(eq(f.name, name));
      return row && row.failures >= maxFailures && row.windowEndsAt > now ? row.windowEndsAt : null;
    },
    signedIn: (name) =>
      writer.run(async () => {
        await db.delete(f).where(eq(f.name, name));
      }),
  };
}
