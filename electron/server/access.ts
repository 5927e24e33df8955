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

/**
 * Whether a WebSocket upgrade comes from a page this server may talk to. WebSockets ignore CORS,
 * so without this any web site open in the operator's browser could drive a loopback server:
 * a browser always sends Origin, and it must be this server's own address. On a loopback bind the
 * Host must also name this machine, which stops a DNS-rebinding page posing as same-origin.
 * Clients without Origin (scripts, the CLI) are not browsers and pass.
 */
export function upgradeAllowed(
  bindHost: string,
  headers: { origin?: string | undefined; host?: string | undefined },
): boolean {
  const host = headers.host?.toLowerCase();
  if (!host) return false;
  if (isLoopback(bindHost) && !isLoopback(hostnameOf(host))) return false;
  if (headers.origin === undefined) return true;
  try {
    return new URL(headers.origin).host.toLowerCase() === host;
  } catch {
    return false;
  }
}

/** "127.0.0.1:8787" → "127.0.0.1", "[::1]:8787" → "::1". */
function hostnameOf(hostHeader: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(hostHeader);
  if (bracketed) return bracketed[1]!;
  return hostHeader.replace(/:\d+$/, '');
}
