import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiFailure } from '../../shared/contract/api-failure';
import type { Engine } from '../../electron/engine/engine';
import { startHttpServer, type VigiaServer } from '../../electron/server/http-server';
import { loadOrCreateTls, type TlsMaterial } from '../../electron/server/tls';

// Sign-in over real HTTPS and WSS on 127.0.0.1, with the certificate the server generates at its
// first start. The engine is a stand-in that knows one user and the sessions it issued: what is
// tested is who gets through (the real engine's accounts: server-accounts.test.ts).
const TOKEN = 'an-access-token-long-enough';
const PASSWORD = 'senha-da-ana-2026';
const sessions = new Set<string>();
const unauthenticated = () => new ApiFailure({ code: 'unauthenticated', message: 'entre', issues: [] });
const engine: Engine = {
  call: async (method, input, auth) => {
    if (method === 'auth.login') {
      if ((input as { name: string; password: string }).password !== PASSWORD) throw unauthenticated();
      const session = randomBytes(32).toString('base64url');
      sessions.add(session);
      return {
        session,
        me: { name: 'ana', role: 'operator', mustChangePassword: false, local: false },
      } as never;
    }
    if (method === 'auth.logout')
      return void sessions.delete((input as { session: string }).session) as never;
    if (auth?.kind === 'session' && !sessions.has(auth.session)) throw unauthenticated();
    return { ok: 'engine reached' } as never;
  },
  subscribe: () => () => undefined,
  stop: async () => undefined,
};

let dir: string;
let tls: TlsMaterial;
let server: VigiaServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-server-auth-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Vigia</title>');
  tls = await loadOrCreateTls({ dataDir: join(dir, 'data'), host: '127.0.0.1' });
  server = await startHttpServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(dir, 'renderer'),
    token: TOKEN,
    tls,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request that trusts only the server's own certificate. */
function https(
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        ca: tls.cert,
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

const login = (password: string, headers: Record<string, string> = {}) =>
  https('/auth/login', { method: 'POST', body: { name: 'ana', password }, headers });

/** Opens the API over WSS; resolves with the HTTP status of a refusal, or 101 and a call's answer. */
function api(headers: Record<string, string>): Promise<{ status: number; answer?: unknown }> {
  const socket = new WebSocket(`${server.url.replace('https', 'wss')}/api`, { ca: tls.cert, headers });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.once('error', reject);
    socket.once('open', () => {
      socket.once('message', (data) => {
        resolve({ status: 101, answer: JSON.parse(String(data)) });
        socket.close();
      });
      socket.send(JSON.stringify({ id: 1, method: 'app.info' }));
    });
  });
}

const cookieOf = (answer: Answer) => String(answer.headers['set-cookie']?.[0] ?? '');

describe('TLS', () => {
  it('serves HTTPS with the generated certificate, kept in the data folder, and names its fingerprint', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certificate = new X509Certificate(tls.cert);
    expect(tls.generated).toBe(true);
    expect(tls.fingerprint).toBe(certificate.fingerprint256);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificate.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(statSync(join(dir, 'data', 'tls', 'server.key')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateTls({ dataDir: join(dir, 'data'), host: '127.0.0.1' });
    expect({ generated: again.generated, fingerprint: again.fingerprint }).toEqual({
      generated: false,
      fingerprint: tls.fingerprint,
    });
    expect(readFileSync(join(dir, 'data', 'tls', 'server.crt'), 'utf8')).toBe(tls.cert);
    const page = await https('/');
    expect(page.status).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('signing in', () => {
  it('exchanges a user name and password for an HttpOnly, Secure, SameSite=Strict cookie that opens the API', async () => {
    expect(JSON.parse((await https('/auth/session')).body)).toEqual({
      required: true,
      authenticated: false,
      mustChangePassword: false,
    });
    expect((await api({})).status).toBe(401);

    expect((await api({ authorization: `Bearer ${TOKEN}` })).status).toBe(101);
    const answer = await login(PASSWORD);
    expect(answer.status).toBe(204);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
    const cookie = cookieOf(answer);
    expect(cookie).toMatch(
      /^vigia_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/,
    );
    const session = cookie.split(';')[0]!;

    expect(JSON.parse((await https('/auth/session', { headers: { cookie: session } })).body)).toEqual({
      required: true,
      authenticated: true,
      mustChangePassword: false,
    });
    expect(await api({ cookie: session })).toEqual({
      status: 101,
      answer: { id: 1, ok: true, result: { ok: 'engine reached' } },
    });

    const out = await https('/auth/logout', { method: 'POST', headers: { cookie: session } });
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^vigia_session=; .*Max-Age=0/);
    expect((await api({ cookie: session })).status).toBe(401);
  });

  it('refuses a sign-in posted from another site, or not as JSON', async () => {
    expect((await login(PASSWORD, { origin: 'https://evil.example' })).status).toBe(403);
    const form = await https('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    expect((await https('/auth/login')).status).toBe(405);
  });

  it('limits failed sign-ins per address, the right password and token included while blocked', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`wrong-${i}`)).status).toBe(401);
    const blocked = await login(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(JSON.parse(blocked.body)).toMatchObject({ error: 'rate_limited' });
    // The header route is limited by the same count.
    expect((await api({ authorization: `Bearer ${TOKEN}` })).status).toBe(401);
  });
});
