import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** Whether a bind address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * The rule for exposing the API: on loopback a token is optional; on any other address one is
 * required, because anyone who can reach the port could otherwise operate the NOC.
 */
export function checkBindPolicy(host: string, token: string | undefined): string | null {
  if (isLoopback(host) || (token && token.length >= 16)) return null;
  return token
    ? `the access token must have at least 16 characters to serve on ${host}`
    : `serving on ${host} (not loopback) requires an access token: pass --token or set VIGIA_TOKEN`;
}

export function tokenMatches(expected: string | undefined, given: string | null): boolean {
  if (!expected) return true;
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
