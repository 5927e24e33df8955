import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'vigia_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

/**
 * Signed-in browsers. The cookie carries only a random id; the server keeps what it means and
 * when it ends, so a logout or an expiry takes effect at once. In memory: a restart signs everyone
 * out, which for a server restart is acceptable.
 */
export class Sessions {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs = SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  create(): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    this.expiries.set(id, this.now() + this.ttlMs);
    return id;
  }

  valid(id: string | null): boolean {
    if (!id) return false;
    const expiry = this.expiries.get(id);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiries.delete(id);
    return false;
  }

  revoke(id: string | null): void {
    if (id) this.expiries.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(id);
  }
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over TLS. */
export function sessionCookie(id: string, secure: boolean, maxAgeMs = SESSION_TTL_MS): string {
  const parts = [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export const clearedSessionCookie = (secure: boolean): string => sessionCookie('', secure, 0);

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}
