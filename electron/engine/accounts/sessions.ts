import { createHash, randomBytes } from 'node:crypto';
import { SESSION_TTL_MS } from '../../../shared/contract/accounts';
import type { SignInRepository, StoredSession } from '../store/repo/sign-in';

export type Session = StoredSession;

/** A session's last use is recorded at most this often: not a store write on every call. */
export const TOUCH_EVERY_MS = 60_000;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sessions the engine issued at sign-in, kept in the store so they outlive an engine restart (a
 * crash, kill -9 or update signs nobody out). The token is 256 random bits and only its SHA-256
 * is stored: a copy of the database opens no session. A sign-out or expiry takes effect at once.
 * Whether a session still stands also depends on its user (disabled, password changed since it
 * was issued), which the account service checks on every call against the store.
 */
export class SessionTable {
  constructor(
    private readonly repo: SignInRepository,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = SESSION_TTL_MS,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async issue(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    await this.repo.createSession(hashOf(token), {
      userId,
      issuedAt: at,
      expiresAt: at + this.ttlMs,
      lastUsedAt: at,
    });
    return token;
  }

  async get(token: string): Promise<Session | null> {
    const hash = hashOf(token);
    const session = await this.repo.session(hash);
    if (!session) return null;
    const now = this.now();
    if (session.expiresAt <= now) {
      await this.repo.endSession(hash);
      return null;
    }
    // Recorded behind the call: a slow store must not hold every click of the UI.
    if (now - session.lastUsedAt >= TOUCH_EVERY_MS)
      void this.repo
        .touchSession(hash, now)
        .catch((error: unknown) =>
          this.log(`accounts: a session's last use was not recorded: ${(error as Error).message}`),
        );
    return session;
  }

  end(token: string): Promise<void> {
    return this.repo.endSession(hashOf(token));
  }

  /** Ends every session of a user, but `keep` (the one that changed its own password). */
  endAllOf(userId: number, keep: string | null = null): Promise<void> {
    return this.repo.endSessionsOf(userId, keep === null ? null : hashOf(keep));
  }

  /** Re-dates a session after its user changed the password, so it outlives the change. */
  renew(token: string): Promise<void> {
    return this.repo.renewSession(hashOf(token), this.now());
  }
}
