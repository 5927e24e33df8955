import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { VigiaEvent } from '../../shared/contract/events';
import type { Engine } from '../../electron/engine/engine';
import type { ClientLimits } from '../../electron/server/client-limits';
import { startHttpServer, type VigiaServer } from '../../electron/server/http-server';

// The server's side of its clients, over real WebSockets on 127.0.0.1. The engine behind it is a
// stand-in: these tests need to push events at will and to make a call fail in a known way.
const listeners = new Set<(event: VigiaEvent) => void>();
const engine: Engine = {
  call: () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /home/noc/.vigia/vigia.db')),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  stop: async () => undefined,
};

let dir: string;
/** Drops clients more than 1 MB behind; its heartbeat never fires during a test. */
let server: VigiaServer;
/**
 * Pings every second. Client and server share this process: a shorter period would let one stall
 * of the loaded machine's event loop (the period's timer running before the pong waiting to be
 * read) drop the client that does answer.
 */
const HEARTBEAT_MS = 1_000;
let beating: VigiaServer;

const serve = (limits: ClientLimits) =>
  startHttpServer({ engine, host: '127.0.0.1', port: 0, rendererDir: join(dir, 'renderer'), limits });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-server-clients-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  server = await serve({ maxBufferedBytes: 1024 * 1024, heartbeatMs: 600_000 });
  beating = await serve({ maxBufferedBytes: 1024 * 1024, heartbeatMs: HEARTBEAT_MS });
});

afterAll(async () => {
  await server.close();
  await beating.close();
  rmSync(dir, { recursive: true, force: true });
});

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

async function connect(to = server): Promise<WebSocket> {
  const socket = new WebSocket(`${to.url.replace('http', 'ws')}/api`);
  sockets.push(socket);
  await new Promise((opened, failed) => {
    socket.once('open', opened);
    socket.once('error', failed);
  });
  return socket;
}

const closed = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve();
    else socket.once('close', () => resolve());
  });

/** Stops reading: the kernel's buffers fill, then the server's queue grows. */
const stopReading = (socket: WebSocket) =>
  (socket as unknown as { _socket: { pause(): void } })._socket.pause();

const statusBurst = (size: number): VigiaEvent =>
  ({
    type: 'status.changed',
    statuses: [
      { deviceId: 1, state: 'up', since: 1, lastCheck: 1, rttMs: 1, lossPct: 0, cause: 'x'.repeat(size) },
    ],
  }) as VigiaEvent;

describe('WebSocket clients', () => {
  it('drops a client that stops reading once its queue passes the limit, and keeps serving others', async () => {
    const slow = await connect();
    const healthy = await connect();
    let received = 0;
    healthy.on('message', () => received++);
    stopReading(slow);
    // 64 × 512 KB = 32 MB, far beyond loopback's socket buffers plus the 1 MB limit.
    for (let i = 0; i < 64 && slow.readyState === WebSocket.OPEN; i++) {
      for (const listener of listeners) listener(statusBurst(512 * 1024));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(server.clients()).toBe(1), { timeout: 10_000 });
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    await vi.waitFor(() => expect(received).toBe(64), { timeout: 10_000 });
    // Once it reads again, it finds its connection closed.
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed(slow);
  });

  it('drops a client that stops answering pings', async () => {
    const answering = await connect(beating);
    const silent = await connect(beating);
    stopReading(silent);
    const startedAt = Date.now();
    await vi.waitFor(() => expect(beating.clients()).toBe(1), { timeout: 15_000, interval: 20 });
    // Dropped at the second heartbeat after it went silent: within two periods and a bit.
    expect(Date.now() - startedAt).toBeLessThan(3 * HEARTBEAT_MS);
    expect(answering.readyState).toBe(WebSocket.OPEN);
  });

  it('answers an unexpected failure with a generic message and logs the detail', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const socket = await connect();
    const answer = new Promise<unknown>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number };
        if (message.id === 7) resolve(message);
      }),
    );
    socket.send(JSON.stringify({ id: 7, method: 'towers.list' }));
    expect(await answer).toEqual({
      id: 7,
      ok: false,
      error: {
        code: 'internal',
        message: 'Erro inesperado no Vigia; o detalhe foi registrado no log do servidor.',
        issues: [],
      },
    });
    expect(String(errors.mock.calls[0]?.[1])).toContain('/home/noc/.vigia/vigia.db');
    errors.mockRestore();
  });
});
