import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Me } from '../../shared/contract/accounts';
import type { CallAuth } from '../../shared/contract/engine-process';
import { AUTH_PATHS, type AuthState } from '../../shared/contract/ws-address';
import { ApiFailure } from '../../shared/contract/api-failure';
import type { Engine } from '../engine/engine';
import { tokenMatches } from './access';
import { LoginLimiter } from './login-limiter';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './session';

const MAX_BODY_BYTES = 4_096;

export const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

/** The server itself, asking the engine to sign someone in or out. */
const SERVER: CallAuth = { kind: 'host', actor: 'vigia-server', role: 'viewer' };
/** The server's own headless browser printing a report: it reads, nothing more. */
const REPORT_PRINTER: CallAuth = { kind: 'host', actor: 'vigia-reports', role: 'viewer' };
/** A script holding the access token: an administrator, named so in the audit log. */
const TOKEN_HOLDER: CallAuth = { kind: 'host', actor: 'token', role: 'admin' };

/**
 * Who may use the API of the headless server. Without accounts (loopback, no token) everyone on
 * this machine may, as this machine's user. With accounts, a browser signs in with a user name and
 * password (POST /auth/login), which the engine checks and exchanges for a session; the session's
 * id travels in an HttpOnly, SameSite=Strict cookie (Secure over TLS). A script may send the
 * access token in an `Authorization: Bearer` header instead. Failed attempts are limited per
 * client address. The engine decides, on every call, whether the session still stands.
 */
export function createAuth(options: {
  engine: Engine;
  accounts: boolean;
  token?: string | undefined;
  secure: boolean;
  limiter?: LoginLimiter;
}) {
  const { engine, token, secure, accounts: required } = options;
  const limiter = options.limiter ?? new LoginLimiter();
  const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';
  const sessionOf = (request: IncomingMessage) => readCookie(request.headers.cookie, SESSION_COOKIE);
  /** Sessions of the server's own printing browser: minted here, never known to the engine. */
  const printSessions = new Set<string>();

  /** The signed-in user of a request's session cookie, or null. */
  async function sessionUser(request: IncomingMessage): Promise<{ auth: CallAuth; me: Me } | null> {
    const session = sessionOf(request);
    if (!session) return null;
    const auth: CallAuth = { kind: 'session', session };
    return engine.call('account.me', undefined, auth).then(
      (me) => ({ auth, me }),
      () => null,
    );
  }

  /**
   * What a request's API calls carry: undefined without accounts, a session or the token holder
   * with them; null when the request may not call at all.
   */
  async function authOf(request: IncomingMessage): Promise<CallAuth | undefined | null> {
    if (!required) return undefined;
    const session = sessionOf(request);
    if (session && printSessions.has(session)) return REPORT_PRINTER;
    const user = await sessionUser(request);
    if (user) return user.auth;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !bearer || limiter.blockedFor(addressOf(request)) > 0) return null;
    const ok = tokenMatches(token, bearer);
    if (ok) limiter.succeeded(addressOf(request));
    else limiter.failed(addressOf(request));
    return ok ? TOKEN_HOLDER : null;
  }

  async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const waitMs = limiter.blockedFor(addressOf(request));
    if (waitMs > 0) {
      const retryAfterS = Math.ceil(waitMs / 1000);
      json(response, 429, { error: 'rate_limited', retryAfterS }, { 'retry-after': String(retryAfterS) });
      return;
    }
    const credentials = await readCredentials(request);
    if (credentials === null) {
      json(response, 400, { error: 'malformed' });
      return;
    }
    if (!required) {
      json(response, 401, { error: 'invalid' });
      return;
    }
    try {
      const { session } = await engine.call('auth.login', credentials, SERVER);
      limiter.succeeded(addressOf(request));
      json(response, 204, null, { 'set-cookie': sessionCookie(session, secure) });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const { code, retryAfterS } = error.error;
      if (code !== 'unauthenticated' && code !== 'rate_limited') throw error;
      limiter.failed(addressOf(request));
      if (code === 'unauthenticated') json(response, 401, { error: 'invalid' });
      else
        // The user name is refused on every instance of the store (see AccountService.login).
        json(
          response,
          429,
          { error: 'rate_limited', retryAfterS, scope: 'user' },
          { 'retry-after': String(retryAfterS ?? 60) },
        );
    }
  }

  /** Answers the /auth/ routes; false for any other path. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === AUTH_PATHS.session && request.method === 'GET') {
      const user = required ? await sessionUser(request) : null;
      const state: AuthState = {
        required,
        authenticated: !required || user !== null || (await authOf(request)) !== null,
        mustChangePassword: user?.me.mustChangePassword ?? false,
      };
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
      const session = sessionOf(request);
      if (session && required) await engine.call('auth.logout', { session }, SERVER).catch(() => undefined);
      json(response, 204, null, { 'set-cookie': clearedSessionCookie(secure) });
      return true;
    }
    await signIn(request, response);
    return true;
  }

  /**
   * A session for the server's own headless browser (it prints the Reports page to PDF); null
   * when no sign-in is required. The caller revokes it when done.
   */
  function internalSession(): { id: string; revoke(): void } | null {
    if (!required) return null;
    const id = randomBytes(32).toString('base64url');
    printSessions.add(id);
    return { id, revoke: () => printSessions.delete(id) };
  }

  return { authOf, handle, required, internalSession };
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** `{ "name": "…", "password": "…" }` as JSON, at most 4 KB; null for anything else. */
async function readCredentials(request: IncomingMessage): Promise<{ name: string; password: string } | null> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name?: unknown; password?: unknown };
    const { name, password } = body;
    if (typeof name !== 'string' || typeof password !== 'string') return null;
    if (name.length === 0 || name.length > 40 || password.length === 0 || password.length > 200) return null;
    return { name, password };
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
