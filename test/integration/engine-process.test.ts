import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VigiaEvent } from '../../shared/contract/events';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { EngineProxy, engineEntry, type SecretCipher } from '../../electron/engine-proxy/engine-proxy';
import { alive } from '../helpers/alive';

// The real engine in a forked process of its own (its source, run through tsx), on the demo
// network and a real SQLite store, driven through the proxy the UI's process uses.
const dataDir = mkdtempSync(join(tmpdir(), 'vigia-engine-process-'));
const sealed: string[] = [];
/** Stands in for the OS keychain: a reversible seal the test can recognise in the store. */
const hostCipher: SecretCipher = {
  encrypt: async (plain) => {
    sealed.push(plain);
    return `host:${Buffer.from(plain).toString('base64')}`;
  },
  decrypt: async (value) => Buffer.from(value.slice('host:'.length), 'base64').toString(),
};
const logs: string[] = [];
let proxy: EngineProxy;
const events: VigiaEvent[] = [];

beforeAll(async () => {
  proxy = await EngineProxy.start({
    spawner: forkSpawner,
    entry: engineEntry(),
    start: { dataDir, demo: true, runtime: 'headless', version: '9.9.9-test' },
    cipher: hostCipher,
    backoff: { initialMs: 50 },
    log: (message) => logs.push(message),
  });
  proxy.subscribe((event) => events.push(event));
  // The whole engine compiled by tsx at its start: seconds on a quiet machine, a minute or more
  // on a loaded one. The limit only guards against a hang.
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the engine in its own process, through the proxy', () => {
  it('answers calls checked against the contract, in another process', async () => {
    expect(proxy.pid).not.toBe(process.pid);
    expect(await proxy.info()).toEqual({
      version: '9.9.9-test',
      demo: true,
      dialect: 'sqlite',
      runtime: 'headless',
      icmpMode: 'simulated',
      icmpNote: 'simulated',
    });
    expect(await proxy.call('towers.list', undefined)).toHaveLength(34);
    await expect(proxy.call('towers.create', { name: '' })).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
  });

  it('relays the engine events to subscribers', async () => {
    const tower = await proxy.call('towers.create', {
      name: 'Torre Serra Azul',
      code: 'SAZ',
      latitude: -7.1,
      longitude: -35.2,
    });
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'tower.upserted', tower }), {
      timeout: 15_000,
    });
  });

  it('relays a burst beyond what the engine sends ahead, and the engine’s own events after it', async () => {
    const from = events.length;
    const rows = Array.from({ length: 1_500 }, (_, i) => ({
      name: `burst ${i}`,
      host: `127.30.${i >> 8}.${i & 255}`,
      kind: 'cpe' as const,
    }));
    expect(await proxy.call('devices.importMany', { rows })).toEqual({ created: 1_500 });
    // Six slices of devices, flushed before the answer: more messages than the engine sends ahead
    // of what the host has published. Only the host's count lets its next events go.
    const imported = () =>
      events
        .slice(from)
        .flatMap((event) => (event.type === 'devices.upserted' ? event.devices.map((d) => d.name) : []));
    expect(imported()).toEqual(rows.map((row) => row.name));
    const lastSlice = events.findLastIndex((event) => event.type === 'devices.upserted');
    await vi.waitFor(
      () => expect(events.slice(lastSlice).some((event) => event.type === 'status.changed')).toBe(true),
      { timeout: 30_000 },
    );
  });

  it("seals secrets with the host's cipher, asked over the port", async () => {
    const [device] = await proxy.call('devices.list', undefined);
    await proxy.call('snmp.config.set', {
      config: {
        deviceId: device!.id,
        enabled: false,
        credentials: { version: '2c', community: 'comunidade-secreta' },
      },
    });
    // Only this secret: the demo's optical and backup credentials are sealed over the port too.
    expect(sealed.filter((plain) => plain.includes('comunidade'))).toEqual([
      JSON.stringify({ version: '2c', community: 'comunidade-secreta' }),
    ]);
    const db = new Database(join(dataDir, 'vigia.db'), { readonly: true });
    const rows = db.prepare('select sealed_credentials as s from device_snmp').all() as { s: string }[];
    db.close();
    const community = JSON.stringify({ version: '2c', community: 'comunidade-secreta' });
    expect(rows.map((row) => row.s)).toEqual([`host:${Buffer.from(community).toString('base64')}`]);
  });

  it('reports a malformed message and keeps serving', async () => {
    proxy.postRaw({ kind: 'call', id: 'not a number', method: 'towers.list' });
    proxy.postRaw('garbage');
    await vi.waitFor(() => expect(proxy.protocolErrors).toBe(2), { timeout: 15_000 });
    expect(logs.at(-1)).toMatch(/outside its protocol/);
    expect(await proxy.call('towers.list', undefined)).toHaveLength(35);
  });

  it('restarts after kill -9: calls in flight fail in Portuguese, subscribers stay subscribed', async () => {
    const pid = proxy.pid!;
    const inFlight = proxy.call('devices.list', undefined);
    process.kill(pid, 'SIGKILL');
    await expect(inFlight).rejects.toMatchObject({
      error: {
        code: 'unavailable',
        message: 'O motor está reiniciando após uma falha; tente de novo em alguns segundos.',
      },
    });
    expect(proxy.restarts).toBe(1);
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 15_000 });
    // A new engine process starting: as slow as the first (see beforeAll).
    await vi.waitFor(async () => expect(await proxy.call('towers.list', undefined)).toHaveLength(35), {
      timeout: 150_000,
      interval: 200,
    });
    expect(proxy.pid).not.toBe(pid);
    const tower = await proxy.call('towers.create', {
      name: 'Torre Nova',
      code: 'TNV',
      latitude: -7,
      longitude: -35,
    });
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'tower.upserted', tower }), {
      timeout: 15_000,
    });
  }, 200_000);

  it('stops the engine on request and then refuses calls', async () => {
    const pid = proxy.pid!;
    await proxy.stop();
    expect(alive(pid)).toBe(false);
    await expect(proxy.call('towers.list', undefined)).rejects.toMatchObject({
      error: { code: 'unavailable', message: 'O motor foi encerrado.' },
    });
  });
});
