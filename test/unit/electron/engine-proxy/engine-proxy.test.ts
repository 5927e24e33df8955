import { describe, expect, it, vi } from 'vitest';
import type { EngineCommand } from '../../../../shared/contract/engine-process';
import { defaultSettings } from '../../../../shared/contract/settings';
import type { Spawner, WorkerProcess } from '../../../../electron/engine/collectors/spawner';
import { EngineProxy, type SecretCipher } from '../../../../electron/engine-proxy/engine-proxy';

/** Plays the engine's process: records what the proxy sends and answers as the test says. */
class FakeEngine implements WorkerProcess {
  readonly sent: EngineCommand[] = [];
  private messageListeners: ((message: unknown) => void)[] = [];
  private exitListeners: ((code: number | null) => void)[] = [];
  killed = false;
  constructor(readonly pid: number) {}
  postMessage(message: unknown): void {
    this.sent.push(message as EngineCommand);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
    this.exit(null);
  }
  /** Delivers a message and lets the proxy handle it (it reads its inbox on the next turn). */
  say(message: unknown): Promise<void> {
    this.messageListeners.forEach((listener) => listener(message));
    return new Promise((handled) => setImmediate(handled));
  }
  exit(code: number | null): void {
    this.exitListeners.forEach((listener) => listener(code));
  }
  lastCall(): Extract<EngineCommand, { kind: 'call' }> {
    return this.sent.filter((command) => command.kind === 'call').at(-1) as never;
  }
}

function fakeSpawner() {
  const spawned: FakeEngine[] = [];
  const spawner: Spawner = {
    spawn: (entry, name) => {
      expect([entry, name]).toEqual(['/engine.js', 'engine']);
      const child = new FakeEngine(100 + spawned.length);
      spawned.push(child);
      return child;
    },
  };
  return { spawner, spawned };
}

async function started(cipher?: SecretCipher) {
  const { spawner, spawned } = fakeSpawner();
  const logs: string[] = [];
  const starting = EngineProxy.start({
    spawner,
    entry: '/engine.js',
    start: { dataDir: '/data', demo: false, runtime: 'electron', version: '1.0.0' },
    cipher,
    backoff: { initialMs: 10 },
    stopGraceMs: 50,
    log: (message) => logs.push(message),
  });
  await spawned[0]!.say({ kind: 'ready' });
  const proxy = await starting;
  // On ready the proxy reads the settings once, for the language of its own errors.
  const settings = spawned[0]!.lastCall();
  await spawned[0]!.say({
    kind: 'reply',
    id: settings.id,
    ok: true,
    result: { ...defaultSettings(), ui: { ...defaultSettings().ui, language: 'en' } },
  });
  await new Promise((settled) => setImmediate(settled));
  return { proxy, spawned, logs };
}

describe('the engine proxy', () => {
  it('starts the engine with its options and says whether the host seals secrets', async () => {
    const { spawned } = await started({ encrypt: async (p) => p, decrypt: async (s) => s });
    expect(spawned[0]!.sent[0]).toEqual({
      kind: 'start',
      options: { dataDir: '/data', demo: false, runtime: 'electron', version: '1.0.0', hostCipher: true },
    });
  });

  it('fails to start with the engine’s own reason', async () => {
    const { spawner, spawned } = fakeSpawner();
    const starting = EngineProxy.start({
      spawner,
      entry: '/engine.js',
      start: { dataDir: '/data', demo: false, runtime: 'headless', version: '1' },
    });
    const failed = expect(starting).rejects.toThrow('cannot open /data/vigia.db: disk full');
    await spawned[0]!.say({ kind: 'start-failed', message: 'cannot open /data/vigia.db: disk full' });
    await failed;
    spawned[0]!.exit(1);
    await new Promise((turn) => setImmediate(turn));
    expect(spawned).toHaveLength(1);
  });

  it('keeps an answer the engine sent just before it crashed', async () => {
    const { proxy, spawned } = await started();
    const answered = proxy.call('maintenance.global', undefined);
    spawned[0]!.say({ kind: 'reply', id: spawned[0]!.lastCall().id, ok: true, result: null });
    spawned[0]!.exit(null);
    expect(await answered).toBeNull();
    expect(proxy.restarts).toBe(1);
  });

  it('checks results against the contract and counts messages outside the protocol', async () => {
    const { proxy, spawned, logs } = await started();
    const engine = spawned[0]!;
    const good = proxy.call('maintenance.global', undefined);
    await engine.say({ kind: 'reply', id: engine.lastCall().id, ok: true, result: null });
    expect(await good).toBeNull();

    const bad = expect(proxy.call('towers.list', undefined)).rejects.toMatchObject({
      error: { code: 'internal' },
    });
    await engine.say({ kind: 'reply', id: engine.lastCall().id, ok: true, result: [{ id: 'x' }] });
    await bad;

    const refused = expect(proxy.call('towers.list', undefined)).rejects.toMatchObject({
      error: { code: 'not_found' },
    });
    await engine.say({
      kind: 'reply',
      id: engine.lastCall().id,
      ok: false,
      error: { code: 'not_found', message: 'Tower 9 does not exist.', issues: [] },
    });
    await refused;

    await engine.say({ kind: 'reply', id: 'seven', ok: true });
    await engine.say({ kind: 'events', events: [{ type: 'no.such.event' }] });
    expect(proxy.protocolErrors).toBe(2);
    expect(logs.at(-1)).toMatch(/outside its protocol .*\(2 so far\)/);
    await expect(proxy.call('no.such.method' as never, undefined)).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
  });

  it('relays events to every subscriber, even when one of them throws', async () => {
    const { proxy, spawned } = await started();
    const seen: unknown[] = [];
    proxy.subscribe(() => {
      throw new Error('buggy subscriber');
    });
    const unsubscribe = proxy.subscribe((event) => seen.push(event));
    await spawned[0]!.say({ kind: 'events', events: [{ type: 'device.deleted', id: 7 }] });
    unsubscribe();
    await spawned[0]!.say({ kind: 'events', events: [{ type: 'device.deleted', id: 8 }] });
    expect(seen).toEqual([{ type: 'device.deleted', id: 7 }]);
  });

  it('publishes a long batch over several turns, in order, before the answer that follows it', async () => {
    const { proxy, spawned } = await started();
    const seen: number[] = [];
    // A subscriber that takes 2 ms per event: 40 events are 80 ms of work, far more than one slice.
    proxy.subscribe((event) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      if (event.type === 'device.deleted') seen.push(event.id);
    });
    const listed = proxy.call('devices.list', undefined);
    const call = spawned[0]!.lastCall();
    void spawned[0]!.say({
      kind: 'events',
      events: Array.from({ length: 40 }, (_, i) => ({ type: 'device.deleted', id: i + 1 })),
    });
    void spawned[0]!.say({ kind: 'reply', id: call.id, ok: true, result: [] });
    let seenAfterFirstTurn = -1;
    setImmediate(() => setImmediate(() => (seenAfterFirstTurn = seen.length)));
    expect(await listed).toEqual([]);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(seenAfterFirstTurn).toBeGreaterThan(0);
    expect(seenAfterFirstTurn).toBeLessThan(40);
  });

  it('tells the engine how many messages of events it has published, each once its last event is', async () => {
    const { proxy, spawned } = await started();
    const engine = spawned[0]!;
    const published = () =>
      engine.sent.reduce((sum, command) => sum + (command.kind === 'events-read' ? command.messages : 0), 0);
    const seen: number[] = [];
    proxy.subscribe((event) => {
      if (event.type === 'device.deleted') seen.push(event.id);
    });
    const deleted = (...ids: number[]) => ({
      kind: 'events',
      events: ids.map((id) => ({ type: 'device.deleted', id })),
    });
    await engine.say(deleted(1, 2));
    expect([seen, published()]).toEqual([[1, 2], 1]);
    await engine.say(deleted(3));
    await engine.say(deleted(4, 5, 6));
    expect([seen, published()]).toEqual([[1, 2, 3, 4, 5, 6], 3]);
    // A restarted engine starts its own count: what the crashed one sent is not reported to it.
    void engine.say(deleted(7));
    engine.exit(null);
    await vi.waitFor(() => expect(spawned).toHaveLength(2));
    expect([seen.at(-1), published()]).toEqual([7, 3]);
    expect(spawned[1]!.sent.filter((command) => command.kind === 'events-read')).toEqual([]);
  });

  it("answers the engine's seal and open requests with the host cipher, and its failures", async () => {
    const cipher: SecretCipher = {
      encrypt: async (plain) => `os1:${plain}`,
      decrypt: async (value) => {
        if (!value.startsWith('os1:')) throw new Error('not a secret sealed by this computer');
        return value.slice(4);
      },
    };
    const { spawned } = await started(cipher);
    const engine = spawned[0]!;
    await engine.say({ kind: 'cipher', id: 1, op: 'encrypt', text: 'public' });
    await engine.say({ kind: 'cipher', id: 2, op: 'decrypt', text: 'v1:other' });
    await vi.waitFor(
      () =>
        expect(engine.sent.filter((command) => command.kind === 'cipher-reply')).toEqual([
          { kind: 'cipher-reply', id: 1, text: 'os1:public', error: null },
          { kind: 'cipher-reply', id: 2, text: null, error: 'not a secret sealed by this computer' },
        ]),
      { timeout: 15_000 },
    );
  });

  it('restarts a crashed engine: calls in flight fail in the chosen language, subscribers stay', async () => {
    const { proxy, spawned, logs } = await started();
    const seen: unknown[] = [];
    proxy.subscribe((event) => seen.push(event));
    const inFlight = proxy.call('towers.list', undefined);
    spawned[0]!.exit(null);
    await expect(inFlight).rejects.toMatchObject({
      error: {
        code: 'unavailable',
        message: 'The engine is restarting after a failure; try again in a few seconds.',
      },
    });
    await expect(proxy.call('towers.list', undefined)).rejects.toMatchObject({
      error: { code: 'unavailable' },
    });
    expect(logs.at(-1)).toBe('vigia: the engine process ended (code signal); restarting it in 10 ms');
    await vi.waitFor(() => expect(spawned).toHaveLength(2), { timeout: 15_000 });
    expect(spawned[1]!.sent[0]).toMatchObject({ kind: 'start' });
    await spawned[1]!.say({ kind: 'ready' });
    await spawned[1]!.say({ kind: 'events', events: [{ type: 'device.deleted', id: 3 }] });
    expect(seen).toEqual([{ type: 'device.deleted', id: 3 }]);
    expect(proxy.restarts).toBe(1);
    expect(proxy.pid).toBe(101);
  });

  it('stops: asks the engine to finish, kills it after the grace time, refuses later calls', async () => {
    const { proxy, spawned } = await started();
    await proxy.stop();
    expect(spawned[0]!.sent.at(-1)).toEqual({ kind: 'stop' });
    expect(spawned[0]!.killed).toBe(true);
    await expect(proxy.call('towers.list', undefined)).rejects.toMatchObject({
      error: { code: 'unavailable', message: 'The engine has been stopped.' },
    });
    expect(spawned).toHaveLength(1);
  });
});
