import { randomBytes } from 'node:crypto';
import { SESSION_TTL_MS } from '../../../shared/contract/accounts';

export interface Session {
  userId: number;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Sessions the engine issued at sign-in. The id is 256 random bits; what it means stays here, so
 * a sign-out or expiry takes effect at once. In memory: restarting the engine signs everyone out.
 * Whether a session still stands also depends on its user (disabled, password changed since it was
 * issued), which the account service checks on every call against the store.
 */
export class SessionTable {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {}

  issue(userId: number): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    this.sessions.set(id, { userId, issuedAt: at, expiresAt: at + this.ttlMs });
    return id;
  }

  get(id: string): Session | null {
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt > this.now()) return session;
    this.sessions.delete(id);
    return null;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of a user, but `keep` (the one that changed its own password). */
  endAllOf(userId: number, keep: string | null = null): void {
    for (const [id, session] of this.sessions)
      if (session.userId === userId && id !== keep) this.sessions.delete(id);
  }

  /** Re-dates a session after its user changed the password, so it outlives the change. */
  renew(id: string): void {
    const session = this.sessions.get(id);
    if (session) session.issuedAt = this.now();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
