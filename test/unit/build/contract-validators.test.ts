import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractValidatorsSource } from '../../../build/contract-validators';
import { apiMethods, type ApiMethod } from '../../../shared/contract/api';
import type { VigiaEvent } from '../../../shared/contract/events';
import { WsServerMessage } from '../../../shared/contract/ws';
import { startEngine, type RunningEngine } from '../../../electron/engine/start-engine';
import { forkSpawner } from '../../../electron/engine/collectors/spawner';

// The compiled checks the browser client uses must say what the contract's zod schemas say: the
// same module the renderer build generates, against a real engine's answers and events, and
// against broken copies of them.
interface Checks {
  checkMessage(value: unknown): boolean;
  checkOutput: Record<string, (value: unknown) => boolean>;
}

let dir: string;
let engine: RunningEngine;
let checks: Checks;
const events: VigiaEvent[] = [];

const zodAccepts = (method: ApiMethod, value: unknown) => apiMethods[method].output.safeParse(value).success;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-validators-'));
  const file = join(dir, 'validators.mjs');
  writeFileSync(file, contractValidatorsSource());
  checks = (await import(pathToFileURL(file).href)) as Checks;
  engine = await startEngine({
    dataDir: dir,
    demo: true,
    runtime: 'headless',
    spawner: forkSpawner,
    version: '0.0.0-test',
    log: () => undefined,
  });
  engine.subscribe((event) => events.push(event));
  // The first cycle may end before startEngine returns (monitoring starts as soon as the inventory
  // is up): wait for a cycle seen from here, not merely for one that happened.
  while (!events.some((event) => event.type === 'status.changed'))
    await new Promise((done) => setTimeout(done, 100));
});

afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('compiled contract checks', () => {
  it('have a check for every method of the contract', () => {
    expect(Object.keys(checks.checkOutput).sort()).toEqual(Object.keys(apiMethods).sort());
  });

  it("accept a real engine's answers, as zod does", async () => {
    const [device] = await engine.call('devices.list', undefined);
    const calls: [ApiMethod, unknown][] = [
      ['app.info', undefined],
      ['devices.list', undefined],
      ['devices.get', { id: device!.id }],
      ['towers.list', undefined],
      ['status.snapshot', undefined],
      ['alarms.list', { states: ['active', 'acknowledged', 'cleared'], limit: 500 }],
      ['engine.health', undefined],
      ['audit.list', { limit: 50 }],
      ['settings.get', undefined],
      ['maintenance.global', undefined],
      ['notify.config.get', undefined],
      ['notify.status', undefined],
      ['snmp.config.get', { deviceId: device!.id }],
    ];
    for (const [method, input] of calls) {
      const result: unknown = await engine.call(method, input as never);
      expect({ method, zod: zodAccepts(method, result) }).toEqual({ method, zod: true });
      expect({ method, compiled: checks.checkOutput[method]!(result) }).toEqual({ method, compiled: true });
    }
  });

  it('accept the events a running engine sends, wrapped as the server sends them', () => {
    expect(events.some((event) => event.type === 'status.changed')).toBe(true);
    for (const event of events) {
      expect(WsServerMessage.safeParse({ event }).success).toBe(true);
      expect(checks.checkMessage({ event })).toBe(true);
    }
  });

  it('refuse what zod refuses, and let unknown keys through as zod does', async () => {
    const [device] = await engine.call('devices.list', undefined);
    const [status] = await engine.call('status.snapshot', undefined);
    const broken: [ApiMethod, unknown][] = [
      ['devices.list', [{ ...device, kind: 'toaster' }]],
      ['devices.list', [{ ...device, id: -3 }]],
      ['devices.list', [{ ...device, id: 1.5 }]],
      ['devices.list', [{ ...device, host: 'two words' }]],
      ['devices.list', [{ ...device, name: 'x'.repeat(121) }]],
      ['devices.list', [{ ...device, tags: 'core' }]],
      ['devices.list', [{ ...device, towerId: undefined }]],
      ['devices.list', [{ ...device, enabled: 'yes' }]],
      ['devices.list', { ...device }],
      ['status.snapshot', [{ ...status, state: 'sideways' }]],
      ['status.snapshot', [{ ...status, lossPct: 140 }]],
      ['status.snapshot', [{ ...status, rttMs: -1 }]],
      ['status.snapshot', [{ ...status, since: null }]],
      ['devices.list', [{ ...device, extra: 'kept' }]],
    ];
    for (const [method, value] of broken) {
      const zod = zodAccepts(method, value);
      expect({ value, compiled: checks.checkOutput[method]!(value) }).toEqual({ value, compiled: zod });
    }
    expect(zodAccepts('devices.list', [{ ...device, extra: 'kept' }])).toBe(true);
    // A field with a default may be absent, and gets the default, as zod's parse gives it.
    const absent = [{ ...device, towerId: undefined }];
    expect(checks.checkOutput['devices.list']!(absent)).toBe(true);
    expect(absent[0]!.towerId).toBeNull();

    const envelopes: unknown[] = [
      { id: 1, ok: true, result: [] },
      { id: 1, ok: false, error: { code: 'not_found', message: 'gone', issues: [] } },
      { id: 1, ok: false, error: { code: 'teapot', message: 'x', issues: [] } },
      { id: -1, ok: true },
      { event: { type: 'status.changed', at: 1, statuses: [{ ...status, state: 'sideways' }] } },
      { event: { type: 'device.deleted', id: 3 } },
      { event: { type: 'no.such.event' } },
      'a string',
    ];
    for (const value of envelopes)
      expect({ value, compiled: checks.checkMessage(value) }).toEqual({
        value,
        compiled: WsServerMessage.safeParse(value).success,
      });
  });
});
