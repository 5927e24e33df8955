import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerHealth } from '../../shared/contract/events';
import { forkSpawner } from '../../electron/engine/workers/spawner';
import { Supervisor } from '../../electron/engine/workers/supervisor';
import { testWorkerApi } from '../helpers/test-worker';

const entry = join(import.meta.dirname, '../helpers/test-worker.ts');
let supervisor: Supervisor;

function start() {
  supervisor = new Supervisor({ spawner: forkSpawner, backoff: { initialMs: 100 }, log: () => undefined });
  return supervisor.supervise({ name: 'test', entry, api: testWorkerApi });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  await supervisor?.stopAll();
});

describe('worker host', () => {
  it('round-trips validated calls and relays events', async () => {
    const worker = start();
    const answer = await worker.call('echo', { text: 'olá' });
    expect(answer.text).toBe('olá');
    const ticks: unknown[] = [];
    worker.on('tick', (data) => ticks.push(data));
    await worker.call('emit', { value: 7 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticks).toEqual([{ value: 7 }]);
    expect(worker.health()).toMatchObject({ name: 'test', state: 'running', restarts: 0 });
  });

  it('rejects invalid params before sending and an invalid result on arrival', async () => {
    const worker = start();
    await expect(worker.call('echo', { text: 5 } as unknown as { text: string })).rejects.toThrow(
      /invalid params: text/,
    );
    await expect(worker.call('lie', undefined)).rejects.toThrow(/returned an invalid result/);
    await expect(worker.call('fail', undefined)).rejects.toThrow(/the handler failed on purpose/);
  });

  it('answers a malformed message with a clear error and keeps serving', async () => {
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'before' });
    worker.postRaw({ kind: 'request', id: 9999, method: 'echo', params: { text: 123 } });
    worker.postRaw({ nonsense: true });
    worker.postRaw('not even an object');
    const after = await worker.call('echo', { text: 'after' });
    expect(after.pid).toBe(pid);
    expect(worker.health().restarts).toBe(0);
  });

  it('brings a killed worker back within 2 s, failing the call in flight at once', async () => {
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'x' });
    const health: WorkerHealth[][] = [];
    supervisor.onHealthChange((h) => health.push(h));
    const inFlight = worker.call('slow', { ms: 5_000 });
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await expect(inFlight).rejects.toThrow(/exited .* during slow/);
    const back = await worker.call('echo', { text: 'back' }, { timeoutMs: 2_000 });
    expect(Date.now() - killedAt).toBeLessThan(2_000);
    expect(back.pid).not.toBe(pid);
    expect(worker.health()).toMatchObject({
      state: 'running',
      restarts: 1,
      lastError: expect.stringContaining('exited'),
    });
    expect(health.some((h) => h[0]?.state === 'restarting')).toBe(true);
  });

  it('restarts a worker that crashes by itself, with growing backoff', async () => {
    const worker = start();
    await expect(worker.call('crash', undefined)).rejects.toThrow(/exited \(code 3\)/);
    await worker.call('echo', { text: 'again' }, { timeoutMs: 2_000 });
    await expect(worker.call('crash', undefined)).rejects.toThrow(/exited/);
    await worker.call('echo', { text: 'again' }, { timeoutMs: 2_000 });
    expect(worker.health().restarts).toBe(2);
  });

  it('times out a call that takes too long', async () => {
    const worker = start();
    await worker.call('echo', { text: 'ready' });
    await expect(worker.call('slow', { ms: 2_000 }, { timeoutMs: 200 })).rejects.toThrow(
      /timed out after 200 ms/,
    );
  });

  it('stops every worker process', async () => {
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'x' });
    await supervisor.stopAll();
    expect(alive(pid)).toBe(false);
    expect(worker.health().state).toBe('stopped');
  });
});
