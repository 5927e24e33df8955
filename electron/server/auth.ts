import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_PATHS, type AuthState } from '../../shared/contract/ws-address';
import { tokenMatches } from './access';
import { LoginLimiter } from './login-limiter';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie, Sessions } from './session';

const MAX_BODY_BYTES = 4_096;

export const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

/**
 * Who may use the API of the headless server. Without a token (loopback only) everyone on this
 * machine may. With one, a browser signs in once (POST /auth/login) and carries an HttpOnly,
 * SameSite=Strict session cookie (Secure over TLS); a script may send the token in an
 * `Authorization: Bearer` header instead. Failed attempts are limited per client address.
 */
export function createAuth(options: {
  token?: string | undefined;
  secure: boolean;
  sessions?: Sessions;
  limiter?: LoginLimiter;
}) {
  const { token, secure } = options;
  const sessions = options.sessions ?? new Sessions();
  const limiter = options.limiter ?? new LoginLimiter();
  const required = Boolean(token);
  const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';
  const sessionOf = (request: IncomingMessage) => readCookie(request.headers.cookie, SESSION_COOKIE);

  /** Checks a presented secret, counting failures; the caller has checked the address may try. */
  const accept = (request: IncomingMessage, secret: string): boolean => {
    const ok = tokenMatches(token, secret);
    if (ok) limiter.succeeded(addressOf(request));
    else limiter.failed(addressOf(request));
    return ok;
  };

  function authorized(request: IncomingMessage): boolean {
    if (!required || sessions.valid(sessionOf(request))) return true;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || limiter.blockedFor(addressOf(request)) > 0) return false;
    return accept(request, bearer);
  }

  /** Answers the /auth/ routes; false for any other path. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === AUTH_PATHS.session && request.method === 'GET') {
      const state: AuthState = { required, authenticated: authorized(request) };
      json(response, 200, state);
      return true;
    }
    if (path !== AUTH_PATHS.login && path !== AUTH_PATHS.logout) return false;
    if (request.method !== 'POST') {
      json(response, 405, { error: 'method' });
      return true;
    }
    // A form on another site cannot send JSON without a preflight, and its Origin differs.
    const origin = request.headers.origin;
    if (origin !== undefined && safeHost(origin) !== request.headers.host?.toLowerCase()) {
      json(response, 403, { error: 'origin' });
      return true;
    }
    if (path === AUTH_PATHS.logout) {
      sessions.revoke(sessionOf(request));
      json(response, 204, null, { 'set-cookie': clearedSessionCookie(secure) });
      return true;
    }
    const waitMs = limiter.blockedFor(addressOf(request));
    if (waitMs > 0) {
      const retryAfterS = Math.ceil(waitMs / 1000);
      json(response, 429, { error: 'rate_limited', retryAfterS }, { 'retry-after': String(retryAfterS) });
      return true;
    }
    const secret = await readSecret(request);
    if (secret === null) {
      json(response, 400, { error: 'malformed' });
      return true;
    }
    if (!required || !accept(request, secret)) {
      json(response, 401, { error: 'invalid' });
      return true;
    }
    json(response, 204, null, { 'set-cookie': sessionCookie(sessions.create(), secure) });
    return true;
  }

  /**
   * A session for the server's own headless browser (it prints the Reports page to PDF); null
   * when no sign-in is required. The caller revokes it when done.
   */
  function internalSession(): { id: string; revoke(): void } | null {
    if (!required) return null;
    const id = sessions.create();
    return { id, revoke: () => sessions.revoke(id) };
  }

  return { authorized, handle, required, internalSession };
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** `{ "secret": "…" }` as JSON, at most 4 KB; null for anything else. */
async function readSecret(request: IncomingMessage): Promise<string | null> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { secret?: unknown };
    return typeof body.secret === 'string' && body.secret.length > 0 ? body.secret : null;
  } catch {
    return null;
  }
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    ...(body === null ? {} : { 'content-type': 'application/json' }),
    ...headers,
  });
  response.end(body === null ? undefined : JSON.stringify(body));
}
