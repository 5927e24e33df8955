import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { VigiaEvent } from '../../../../../shared/contract/events';
import type { RunningEngine } from '../../../../../electron/engine/start-engine';
import { startHttpServer, type VigiaServer } from '../../../../../electron/server/http-server';
import { createWsClient } from '../../../../../renderer/src/client/ws-client';
import { startTestEngine } from '../../../../helpers/test-engine';

// The browser client against the real headless server and engine, over a real WebSocket (the ws
// package standing in for the browser's): the server goes away and comes back on the same port.
// The client's own timers are recorded (the delay it asks for) and run at once, so the backoff is
// checked exactly without waiting for it.
vi.mock('virtual:contract-validators', async () => {
  const { writeFileSync, mkdtempSync: makeDir } = await import('node:fs');
  const { join: joinPath } = await import('node:path');
  const { tmpdir: tempDir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const { contractValidatorsSource } = await import('../../../../../build/contract-validators');
  // The same checks the renderer build compiles from the contract.
  const file = joinPath(makeDir(joinPath(tempDir(), 'vigia-validators-')), 'validators.mjs');
  writeFileSync(file, contractValidatorsSource());
  return import(pathToFileURL(file).href);
});

const REQUEST_TIMEOUT_MS = 30_000;
const delays: number[] = [];
/** A browser's WebSocket reports a failed connection as events, never as a thrown 'error'. */
class BrowserWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}
vi.stubGlobal('WebSocket', BrowserWebSocket);
vi.stubGlobal('window', {
  setTimeout: (run: () => void, ms: number) => {
    if (ms === REQUEST_TIMEOUT_MS) return setTimeout(run, ms);
    delays.push(ms);
    return setTimeout(run, 10);
  },
  clearTimeout: (timer: NodeJS.Timeout) => clearTimeout(timer),
});

let running: Awaited<ReturnType<typeof startTestEngine>>;
let engine: RunningEngine;
let server: VigiaServer;
let port: number;
const serve = (at: number) =>
  startHttpServer({ engine, host: '127.0.0.1', port: at, rendererDir: resolve('out/renderer') });

beforeAll(async () => {
  running = await startTestEngine('ws-client');
  engine = running.engine;
  server = await serve(0);
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  await running?.stop();
});

describe('the browser client', () => {
  it('reconnects with a doubling backoff up to 10 s, and carries on where it was', async () => {
    const connections: boolean[] = [];
    const events: VigiaEvent[] = [];
    const client = createWsClient(`ws://127.0.0.1:${port}/api`, (connected) => connections.push(connected));
    client.subscribe((event) => events.push(event));
    expect(await client.invoke('towers.list', undefined)).toEqual(
      await engine.call('towers.list', undefined),
    );
    expect(connections).toEqual([true]);

    await server.close();
    await expect.poll(() => connections).toEqual([true, false]);
    // Refused, again and again: each new attempt waits twice as long, up to 10 s.
    await expect.poll(() => delays.length).toBeGreaterThanOrEqual(7);
    expect(delays.slice(0, 7)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);

    server = await serve(port);
    await expect.poll(() => connections).toEqual([true, false, true]);
    // The event stream resumes without anyone calling, and calls work again.
    const tower = await engine.call('towers.create', {
      name: 'Volta',
      code: 'VT-1',
      latitude: -7,
      longitude: -35,
    });
    await expect
      .poll(() => events.some((event) => event.type === 'tower.upserted' && event.tower.id === tower.id))
      .toBe(true);
    expect((await client.invoke('towers.list', undefined)).map((t) => t.id)).toContain(tower.id);

    // Connected once, the backoff starts over.
    delays.length = 0;
    await server.close();
    await expect.poll(() => delays.length).toBeGreaterThanOrEqual(2);
    expect(delays.slice(0, 2)).toEqual([500, 1_000]);
    server = await serve(port);
    await expect.poll(() => connections).toEqual([true, false, true, false, true]);
  });
});
