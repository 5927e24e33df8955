import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VigiaEvent } from '../../../../shared/contract/events';
import { IPC_EVENT, IPC_INVOKE } from '../../../../shared/contract/ipc';
import { startEngine, type RunningEngine } from '../../../../electron/engine/start-engine';
import { forkSpawner } from '../../../../electron/engine/collectors/spawner';
import { planDemoNetwork } from '../../../../electron/engine/demo/seed';
import { isAppUrl, rendererBaseUrl } from '../../../../electron/main/app-url';
import { isTrustedSender, registerIpc, relayEvents, type IpcAnswer } from '../../../../electron/main/ipc';

// The IPC layer in front of a real engine (demo network, real SQLite, real SNMP worker); only
// ipcMain and the sending WebContents are stand-ins, as Electron is not running here.
const rendererUrl = rendererBaseUrl(undefined);
const ourPage = `${rendererUrl}index.html#/devices`;
const DEMO_TOWERS = planDemoNetwork().towers.length;

let dir: string;
let engine: RunningEngine;
const reachedEngine: string[] = [];
let invoke: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const ourWindow = { id: 1 } as unknown as WebContents;
const otherWindow = { id: 2 } as unknown as WebContents;

const event = (sender: WebContents, url: string | null) =>
  ({ sender, senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
const call = (method: unknown, input: unknown, from = event(ourWindow, ourPage)) =>
  invoke(from, method, input) as Promise<IpcAnswer>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-ipc-'));
  const real = await startEngine({
    dataDir: dir,
    demo: true,
    runtime: 'electron',
    spawner: forkSpawner,
    version: '0.0.0-test',
    // Local access: every call is this computer's user, the name the store records.
    defaultOperator: 'noc',
    log: () => undefined,
  });
  engine = {
    ...real,
    call: (method, input) => {
      reachedEngine.push(method);
      return real.call(method, input);
    },
  };
  registerIpc(
    {
      handle: (channel, listener) => {
        expect(channel).toBe(IPC_INVOKE);
        invoke = listener;
      },
    },
    engine,
    (incoming) => isTrustedSender(incoming, ourWindow, rendererUrl),
  );
});

afterAll(async () => {
  await engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC sender checks', () => {
  it('accepts our window showing our renderer, and the call reaches the engine', async () => {
    reachedEngine.length = 0;
    const answer = await call('towers.list', undefined);
    expect(answer.ok).toBe(true);
    expect(answer).toEqual({ ok: true, result: await engine.call('towers.list', undefined) });
    expect((answer as { result: unknown[] }).result).toHaveLength(DEMO_TOWERS);
    expect(reachedEngine).toEqual(['towers.list', 'towers.list']);
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['the built files opened as file://', 'file:///opt/Vigia/resources/app.asar/out/renderer/index.html'],
    ['another host of our scheme', 'app://evil/index.html'],
    ['a look-alike host', 'app://vigia.evil/index.html'],
  ])('refuses %s in our own window', async (_what, url) => {
    reachedEngine.length = 0;
    const answer = await call('towers.list', undefined, event(ourWindow, url));
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'IPC from an untrusted sender was refused.', issues: [] },
    });
    expect(reachedEngine).toEqual([]);
  });

  it('refuses our renderer loaded in another WebContents, and a frame that is gone', async () => {
    reachedEngine.length = 0;
    expect((await call('towers.list', undefined, event(otherWindow, ourPage))).ok).toBe(false);
    expect((await call('towers.list', undefined, event(ourWindow, null))).ok).toBe(false);
    expect(reachedEngine).toEqual([]);
  });

  it('trusts only the dev server origin in development, not a look-alike host', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('serves the built renderer from app://vigia/, the dev server only when given', () => {
    expect(rendererUrl).toBe('app://vigia/');
    expect(rendererBaseUrl('http://localhost:5173')).toBe('http://localhost:5173');
  });
});

describe('IPC argument validation', () => {
  it.each<[string, unknown, unknown]>([
    ['a method outside the registry', 'engine.stop', undefined],
    ['a prototype key', 'constructor', undefined],
    ['a non-string method', 42, undefined],
  ])('refuses %s', async (_what, method, input) => {
    reachedEngine.length = 0;
    const answer = await call(method, input);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reachedEngine).toEqual([]);
  });

  it('refuses bad input with the fields at fault, before the engine sees it', async () => {
    reachedEngine.length = 0;
    const answer = await call('maintenance.start', {
      target: { scope: 'tower', id: -3 },
      minutes: 30,
      reason: '',
    });
    expect(answer.ok).toBe(false);
    const { error } = answer as Extract<IpcAnswer, { ok: false }>;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['reason', 'target.id']);
    expect(error.message).toContain('target.id');
    expect(reachedEngine).toEqual([]);
  });

  it('passes engine failures through as ApiError', async () => {
    const answer = await call('devices.get', { id: 999_999 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('runs a valid maintenance window end to end', async () => {
    const towers = (await call('towers.list', undefined)) as { ok: true; result: { id: number }[] };
    const target = { scope: 'tower', id: towers.result[0]!.id };
    expect(await call('maintenance.start', { target, minutes: 60, reason: 'troca de rádio' })).toEqual({
      ok: true,
      result: undefined,
    });
    const after = (await call('towers.list', undefined)) as {
      ok: true;
      result: { id: number; maintenanceBy: string | null }[];
    };
    expect(after.result.find((tower) => tower.id === target.id)!.maintenanceBy).toBe('noc');
  });
});

describe('event relay', () => {
  it('sends engine events to the live window only', async () => {
    const sent: [string, unknown][] = [];
    let published = 0;
    const count = engine.subscribe(() => published++);
    let destroyed = false;
    const contents = {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    } as unknown as WebContents;
    const stop = relayEvents(engine, () => contents);
    const target = { scope: 'device', id: 1 };
    await engine.call('maintenance.start', { target, minutes: 30, reason: 'x' });
    const inMaintenance = (payload: unknown) =>
      (payload as VigiaEvent).type === 'status.changed' &&
      (payload as Extract<VigiaEvent, { type: 'status.changed' }>).statuses.some(
        (status) => status.deviceId === 1 && status.state === 'maintenance',
      );
    await expect
      .poll(() => sent.some(([, payload]) => inMaintenance(payload)), { timeout: 15_000 })
      .toBe(true);
    expect(sent.every(([channel]) => channel === IPC_EVENT)).toBe(true);

    destroyed = true;
    const [relayed, seen] = [sent.length, published];
    await engine.call('maintenance.end', { target });
    await expect.poll(() => published, { timeout: 15_000 }).toBeGreaterThan(seen);
    expect(sent.length).toBe(relayed);
    stop();
    count();
  });
});
