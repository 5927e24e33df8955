import { SESSION_TTL_MS } from '../../shared/contract/accounts';

/** The cookie carries only the id of a session the engine issued; what it means stays there. */
export const SESSION_COOKIE = 'vigia_session';

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
