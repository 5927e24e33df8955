import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WsServerMessage, type WsResponse } from '../../shared/contract/ws';
import type { VigiaEvent } from '../../shared/contract/events';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { checkBindPolicy, isLoopback, tokenMatches, upgradeAllowed } from '../../electron/server/access';
import { startHttpServer, type VigiaServer } from '../../electron/server/http-server';

const TOKEN = 'a-long-enough-secret-token';
let dir: string;
let rendererDir: string;
let engine: RunningEngine;
let open: VigiaServer;
let guarded: VigiaServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-server-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigia</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("vigia")');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  engine = await startEngine({
    dataDir: join(dir, 'data'),
    demo: false,
    runtime: 'headless',
    spawner: forkSpawner,
    version: 'test',
    log: () => undefined,
  });
  open = await startHttpServer({ engine, host: '127.0.0.1', port: 0, rendererDir });
  guarded = await startHttpServer({ engine, host: '127.0.0.1', port: 0, rendererDir, token: TOKEN });
});

afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so paths reach the server exactly as written (no URL normalisation on the way). */
function get(base: string, path: string) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** A WebSocket API client as a browser would use it, recording events and answering calls by id. */
class TestClient {
  readonly events: VigiaEvent[] = [];
  private readonly waiting = new Map<number, (response: WsResponse) => void>();
  private nextId = 1;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = WsServerMessage.parse(JSON.parse(String(data)));
      if ('event' in message) this.events.push(message.event);
      else this.waiting.get(message.id)?.(message);
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TestClient(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  call(method: string, input?: unknown): Promise<WsResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, input }));
    });
  }

  async eventually(predicate: (event: VigiaEvent) => boolean): Promise<VigiaEvent> {
    for (let i = 0; i < 100; i++) {
      const found = this.events.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('event did not arrive');
  }
}

const wsUrl = (server: VigiaServer, query = '') => `${server.url.replace('http', 'ws')}/api${query}`;

describe('headless server: static files', () => {
  it('serves the renderer with its MIME type and a strict CSP', async () => {
    const script = await get(open.url, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['content-security-policy']).toContain("default-src 'self'");
    expect(script.headers['content-security-policy']).toContain("object-src 'none'");
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const page = await get(open.url, '/');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Vigia</title>');
  });

  it('answers unknown routes with the SPA and never serves files outside its folder', async () => {
    expect((await get(open.url, '/devices/42')).body).toContain('<title>Vigia</title>');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
    ]) {
      const answer = await get(open.url, path);
      expect(answer.body).not.toContain('outside the renderer');
    }
    expect((await get(open.url, '/%E0%A4%A')).status).toBe(400);
    expect((await get(open.url, '/assets/missing.js')).status).toBe(404);
  });
});

describe('headless server: WebSocket API', () => {
  it('answers calls by id, with contract errors, and pushes events to every client', async () => {
    const client = await TestClient.connect(wsUrl(open));
    const watcher = await TestClient.connect(wsUrl(open));
    const info = await client.call('app.info');
    expect(info).toMatchObject({ ok: true, result: { runtime: 'headless', demo: false } });

    const created = await client.call('devices.create', { name: 'Roteador', host: '127.0.0.1' });
    expect(created.ok).toBe(true);
    const deviceId = (created as { result: { id: number } }).result.id;
    await watcher.eventually((event) => event.type === 'device.upserted' && event.device.id === deviceId);
    expect(await client.call('devices.pingNow', { ids: [deviceId] })).toMatchObject({ ok: true });
    await watcher.eventually(
      (event) =>
        event.type === 'status.changed' && event.statuses.some((status) => status.deviceId === deviceId),
    );

    const deleted = await client.call('devices.delete', { id: deviceId });
    expect(deleted).toEqual({ id: deleted.id, ok: true });

    const bad = await client.call('devices.create', { name: 'x', host: 'not an address' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'host' }] } });
    expect(await client.call('no.such.method')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    client.socket.close();
    watcher.socket.close();
  });

  it('closes a connection that sends something that is not a request', async () => {
    const client = await TestClient.connect(wsUrl(open));
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.socket.send('{not json');
    expect(await closed).toBe(1007);
  });

  it('survives a client that breaks the protocol with an oversized frame', async () => {
    const client = await TestClient.connect(wsUrl(open));
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.socket.send('x'.repeat(17 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const next = await TestClient.connect(wsUrl(open));
    expect(await next.call('app.info')).toMatchObject({ ok: true });
    next.socket.close();
  });

  it('only accepts connections signed in or carrying the token in a header when one is set', async () => {
    await expect(TestClient.connect(wsUrl(guarded))).rejects.toThrow('HTTP 401');
    // The token in the address (browser history, proxy logs) is no longer accepted at all.
    await expect(TestClient.connect(wsUrl(guarded, `?token=${TOKEN}`))).rejects.toThrow('HTTP 401');
    await expect(TestClient.connect(wsUrl(guarded), { authorization: 'Bearer wrong' })).rejects.toThrow(
      'HTTP 401',
    );
    const client = await TestClient.connect(wsUrl(guarded), { authorization: `Bearer ${TOKEN}` });
    expect(await client.call('app.info')).toMatchObject({ ok: true });
    client.socket.close();
  });
});

describe('headless server: browser origins', () => {
  it('lets the page it served connect, and refuses other sites and rebound host names', async () => {
    const own = await TestClient.connect(wsUrl(open), { origin: open.url });
    expect(await own.call('app.info')).toMatchObject({ ok: true });
    own.socket.close();
    await expect(TestClient.connect(wsUrl(open), { origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
    const port = new URL(open.url).port;
    await expect(
      TestClient.connect(wsUrl(open), {
        host: `evil.example:${port}`,
        origin: `http://evil.example:${port}`,
      }),
    ).rejects.toThrow('HTTP 403');
  });

  it('decides by Origin and Host alone', () => {
    expect(upgradeAllowed('127.0.0.1', { host: '127.0.0.1:8787' })).toBe(true);
    expect(upgradeAllowed('127.0.0.1', { host: 'localhost:8787', origin: 'http://localhost:8787' })).toBe(
      true,
    );
    expect(upgradeAllowed('::1', { host: '[::1]:8787', origin: 'http://[::1]:8787' })).toBe(true);
    expect(upgradeAllowed('127.0.0.1', { host: '127.0.0.1:8787', origin: 'http://127.0.0.1:9999' })).toBe(
      false,
    );
    expect(upgradeAllowed('127.0.0.1', { host: 'rebound.example:8787' })).toBe(false);
    expect(upgradeAllowed('0.0.0.0', { host: 'noc.example:8787', origin: 'https://noc.example:8787' })).toBe(
      true,
    );
    expect(upgradeAllowed('0.0.0.0', { host: 'noc.example:8787', origin: 'null' })).toBe(false);
    expect(upgradeAllowed('0.0.0.0', {})).toBe(false);
  });
});

describe('headless server: exposure rule', () => {
  it('requires a long token for anything but loopback', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('::')).toBe(false);
    expect(isLoopback('192.168.0.10')).toBe(false);
    expect(checkBindPolicy('127.0.0.1', undefined)).toBeNull();
    expect(checkBindPolicy('0.0.0.0', undefined)).toMatch(/requires an access token/);
    expect(checkBindPolicy('0.0.0.0', 'short')).toMatch(/at least 16/);
    expect(checkBindPolicy('0.0.0.0', TOKEN)).toBeNull();
    expect(tokenMatches(undefined, null)).toBe(true);
    expect(tokenMatches(TOKEN, null)).toBe(false);
    expect(tokenMatches(TOKEN, `${TOKEN}x`)).toBe(false);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
  });

  it('refuses to start on 0.0.0.0 without a token, before touching any data', async () => {
    const dataDir = join(dir, 'never-created');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/server/index.ts',
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--data-dir',
        dataDir,
      ],
      { env: { ...process.env, VIGIA_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('requires an access token');
    expect(existsSync(dataDir)).toBe(false);
  });
});
