import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WorkerHealth } from '../../shared/contract/events';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { forkSpawner, type Spawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { alive } from '../helpers/alive';
import { testWorkerApi } from '../helpers/test-worker';

const entry = join(import.meta.dirname, '../helpers/test-worker.ts');
const scratch = mkdtempSync(join(tmpdir(), 'vigia-worker-host-'));
const supervisors: Supervisor[] = [];
let supervisor: Supervisor | undefined;
let logs: string[] = [];

function start(spawner: Spawner = forkSpawner) {
  logs = [];
  supervisor = new Supervisor({
    spawner,
    backoff: { initialMs: 100 },
    log: (level, message) => logs.push(`${level}: ${message}`),
  });
  supervisors.push(supervisor);
  return supervisor.supervise({ name: 'test', entry, api: testWorkerApi });
}

/**
 * Resolves when the supervised worker enters `state`, as the supervisor announces it. A restart
 * waits only 100 ms here: a poll could miss that window on a loaded machine, an announcement
 * cannot, and code after the await runs before any timer (the restart's own) can fire.
 */
function entered(state: WorkerHealth['state']): Promise<void> {
  return new Promise((done) => {
    const stop = supervisor!.onHealthChange((health) => {
      if (health[0]?.state !== state) return;
      stop();
      done();
    });
  });
}

/** Live processes started by this test process that run the test worker. */
function testWorkerChildren(): number[] {
  return readdirSync('/proc')
    .filter((entryName) => /^\d+$/.test(entryName))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('test-worker');
      } catch {
        return false; // gone while we looked
      }
    })
    .map(Number);
}

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((each) => each.stopAll()));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('worker side (serveWorker), over a raw channel', () => {
  /** The test worker with nothing between us and its channel: what it answers is what we see. */
  function rawWorker() {
    const child = forkSpawner.spawn(entry, 'test');
    const received: unknown[] = [];
    const waiters: (() => void)[] = [];
    child.onMessage((message) => {
      received.push(message);
      waiters.splice(0).forEach((wake) => wake());
    });
    const exited = new Promise<number | null>((resolveExit) => child.onExit(resolveExit));
    const next = async (match: (message: Record<string, unknown>) => boolean) => {
      for (;;) {
        const found = received.find((message) => match(message as Record<string, unknown>));
        if (found) return found as Record<string, unknown>;
        await new Promise<void>((wake) => waiters.push(wake));
      }
    };
    const answer = (id: number) => next((message) => message.kind === 'response' && message.id === id);
    return { child, received, next, answer, exited };
  }

  it('answers every kind of bad request with a clear error and keeps serving', async () => {
    const { child, next, answer, received, exited } = rawWorker();
    try {
      expect(await next((message) => message.kind === 'ready')).toEqual({ kind: 'ready', worker: 'test' });

      child.postMessage('not even an object');
      expect(await next((message) => message.kind === 'protocol-error')).toMatchObject({
        message: expect.stringMatching(
          /worker test received a message that is neither a request nor a shutdown/,
        ),
      });
      // Without a usable id there is nothing to answer to: a protocol error, not a response.
      child.postMessage({ kind: 'request', id: -1, method: 'echo' });
      await expect
        .poll(() => received.filter((message) => (message as { kind: string }).kind === 'protocol-error'))
        .toHaveLength(2);

      child.postMessage({ kind: 'request', id: 1, method: 'nope' });
      expect(await answer(1)).toMatchObject({
        ok: false,
        error: { code: 'unknown_method', message: 'worker test has no method "nope"' },
      });
      child.postMessage({ kind: 'request', id: 2, method: 'toString' });
      expect(await answer(2)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      child.postMessage({ kind: 'request', id: 3, method: 'echo', params: { text: 123 } });
      expect(await answer(3)).toMatchObject({
        ok: false,
        error: { code: 'invalid_params', message: expect.stringMatching(/^echo: text: .*expected string/) },
      });
      child.postMessage({ kind: 'request', id: 4, method: 'throwAtOnce' });
      expect(await answer(4)).toMatchObject({ ok: false, error: { message: 'thrown before any promise' } });
      child.postMessage({ kind: 'request', id: 5, method: 'unsendable' });
      expect(await answer(5)).toMatchObject({
        ok: false,
        error: {
          code: 'unsendable_result',
          message: expect.stringMatching(/^unsendable: the result could not be sent/),
        },
      });

      child.postMessage({ kind: 'request', id: 6, method: 'echo', params: { text: 'still here' } });
      expect(await answer(6)).toEqual({
        kind: 'response',
        id: 6,
        ok: true,
        result: { text: 'still here', pid: child.pid },
      });
    } finally {
      child.kill();
      await exited;
    }
  });

  it('on shutdown answers the calls in flight, refuses new ones, then exits cleanly', async () => {
    const { child, next, answer, exited } = rawWorker();
    await next((message) => message.kind === 'ready');
    child.postMessage({ kind: 'request', id: 1, method: 'slow', params: { ms: 300 } });
    child.postMessage({ kind: 'shutdown' });
    child.postMessage({ kind: 'request', id: 2, method: 'echo', params: { text: 'late' } });
    expect(await answer(2)).toMatchObject({ ok: false, error: { code: 'shutting_down' } });
    expect(await answer(1)).toMatchObject({ ok: true, result: 'done' });
    expect(await exited).toBe(0);
  });
});

describe('supervisor', () => {
  it('round-trips validated calls and relays events, surviving a listener that throws', async () => {
    const worker = start();
    const answer = await worker.call('echo', { text: 'olá' });
    expect(answer.text).toBe('olá');
    const ticks: unknown[] = [];
    worker.on('tick', () => {
      throw new Error('listener bug');
    });
    worker.on('tick', (data) => ticks.push(data));
    await worker.call('emit', { value: 7 });
    await expect.poll(() => ticks).toEqual([{ value: 7 }]);
    expect(logs.some((line) => line.includes('listener bug'))).toBe(true);
    expect(worker.health()).toMatchObject({ name: 'test', state: 'running', restarts: 0 });
    expect(supervisor!.health()).toEqual([worker.health()]);
  });

  it('rejects invalid params before sending and an invalid result on arrival', async () => {
    const worker = start();
    await expect(worker.call('echo', { text: 5 } as unknown as { text: string })).rejects.toThrow(
      /^echo: invalid params: text: /,
    );
    await expect(worker.call('toString' as 'echo', { text: 'x' })).rejects.toThrow(
      /has no method "toString"/,
    );
    await expect(worker.call('lie', undefined)).rejects.toThrow(/lie returned an invalid result/);
    await expect(worker.call('fail', undefined)).rejects.toThrow(
      /^worker test: fail: the handler failed on purpose$/,
    );
    expect(worker.health().restarts).toBe(0);
  });

  it('counts and logs protocol errors both ways, and keeps the worker', async () => {
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'before' });
    worker.postRaw({ nonsense: true });
    worker.postRaw('not even an object');
    await worker.call('garbage', undefined);
    await expect.poll(() => worker.protocolErrors).toBe(3);
    expect(logs.filter((line) => line.includes('neither a request nor a shutdown'))).toHaveLength(2);
    expect(logs.some((line) => line.includes('worker test sent a message outside the protocol'))).toBe(true);
    const after = await worker.call('echo', { text: 'after' });
    expect(after.pid).toBe(pid);
    expect(worker.health()).toMatchObject({ state: 'running', restarts: 0 });
  });

  it('brings a killed worker back as fast as it first started, failing the call in flight at once', async () => {
    // The baseline: this machine, now, starting the worker and answering a first call.
    const startingAt = performance.now();
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'x' });
    const coldStartMs = performance.now() - startingAt;
    const health: WorkerHealth[][] = [];
    supervisor!.onHealthChange((h) => health.push(h));
    const inFlight = worker.call('slow', { ms: 5_000 });
    // Messages arrive in order: once this echo is answered, the slow request is in the worker.
    await worker.call('echo', { text: 'behind slow' });
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    await expect(inFlight).rejects.toThrow(/^worker test exited \(code signal\) during slow$/);
    // Failed on the exit itself, not after a timeout: sooner than a worker takes to start.
    expect(performance.now() - killedAt).toBeLessThan(coldStartMs);
    const back = await worker.call('echo', { text: 'back' }, { timeoutMs: 60_000 });
    const downFor = performance.now() - killedAt;
    // The restart delay (100 ms here) plus a start no slower than twice the first one.
    expect(downFor).toBeLessThan(100 + 2 * coldStartMs);
    expect(back.pid).not.toBe(pid);
    expect(alive(pid)).toBe(false);
    expect(worker.health()).toMatchObject({
      state: 'running',
      pid: back.pid,
      restarts: 1,
      lastError: 'worker test exited (code signal)',
    });
    expect(health.map((h) => h[0]?.state)).toEqual(['restarting', 'starting', 'running']);
    console.log(
      `killed worker answered again after ${Math.round(downFor)} ms (cold start ${Math.round(coldStartMs)} ms)`,
    );
  });

  it('restarts a worker that crashes by itself, with growing backoff', async () => {
    const worker = start();
    await expect(worker.call('crash', undefined)).rejects.toThrow(/exited \(code 3\) during crash/);
    // Generous timeouts: what is checked is the backoff asked for, not how fast this machine starts Node.
    await worker.call('echo', { text: 'again' }, { timeoutMs: 60_000 });
    await expect(worker.call('crash', undefined)).rejects.toThrow(/exited/);
    await worker.call('echo', { text: 'again' }, { timeoutMs: 60_000 });
    expect(worker.health().restarts).toBe(2);
    expect(logs.filter((line) => line.includes('restarting in'))).toEqual([
      'error: worker test exited (code 3); restarting in 100 ms',
      'error: worker test exited (code 3); restarting in 200 ms',
    ]);
  });

  it('serves a waiting call once a restart finally sticks, even after a start that died early', async () => {
    const dies = join(scratch, 'dies-on-start.js');
    writeFileSync(dies, 'process.exit(5);\n');
    let spawns = 0;
    // The first restart dies before it is ready, as a worker missing a native module would.
    const flaky: Spawner = { spawn: (file, name) => forkSpawner.spawn(++spawns === 2 ? dies : file, name) };
    const worker = start(flaky);
    const { pid } = await worker.call('echo', { text: 'x' });
    const restarting = entered('restarting');
    process.kill(pid, 'SIGKILL');
    await restarting;
    // Generous: two more Node starts on a loaded machine; what is checked is that the call waits.
    const waiting = worker.call('echo', { text: 'patient' }, { timeoutMs: 60_000 });
    expect((await waiting).text).toBe('patient');
    expect(spawns).toBe(3);
    expect(worker.health()).toMatchObject({ state: 'running', restarts: 2 });
  });

  it('times out a call that takes too long, and one that waits for a worker that never comes', async () => {
    const worker = start();
    await worker.call('echo', { text: 'ready' });
    await expect(worker.call('slow', { ms: 600 }, { timeoutMs: 200 })).rejects.toThrow(
      /^worker test: slow timed out after 200 ms$/,
    );
    // A process that starts but never says it is ready (it does leave when told to).
    const mute = join(scratch, 'mute.js');
    writeFileSync(mute, "process.on('message', (m) => m.kind === 'shutdown' && process.exit(0));\n");
    const silent = start({ spawn: (_file, name) => forkSpawner.spawn(mute, name) });
    await expect(silent.call('echo', { text: 'x' }, { timeoutMs: 300 })).rejects.toThrow(
      /^worker test was not ready within 300 ms \(starting\)$/,
    );
  });

  it('stops every worker process: in-flight calls are answered, stragglers are killed, nothing is left', async () => {
    const worker = start();
    const { pid } = await worker.call('echo', { text: 'x' });
    const finishing = worker.call('slow', { ms: 200 });
    await worker.call('echo', { text: 'behind slow' });
    await supervisor!.stopAll();
    await expect(finishing).resolves.toBe('done');
    expect(alive(pid)).toBe(false);
    expect(worker.health()).toMatchObject({ state: 'stopped', pid: null });
    await expect(worker.call('echo', { text: 'late' })).rejects.toThrow(/worker test is stopped/);

    // A worker stuck in a handler is killed after the grace period.
    const stuck = start();
    const stuckPid = (await stuck.call('echo', { text: 'x' })).pid;
    const hung = stuck.call('slow', { ms: 30_000 });
    await stuck.call('echo', { text: 'behind slow' });
    const stoppingAt = performance.now();
    await supervisor!.stopAll();
    // Killed once the 2 s grace period is over, not left to finish its 30 s.
    expect(performance.now() - stoppingAt).toBeGreaterThanOrEqual(1_990);
    expect(performance.now() - stoppingAt).toBeLessThan(30_000);
    await expect(hung).rejects.toThrow(/exited \(code signal\) during slow/);
    expect(alive(stuckPid)).toBe(false);
    expect(testWorkerChildren()).toEqual([]);
  });

  it('stopping a worker that is restarting cancels the restart and releases waiting calls', async () => {
    let spawns = 0;
    const worker = start({ spawn: (file, name) => (spawns++, forkSpawner.spawn(file, name)) });
    const { pid } = await worker.call('echo', { text: 'x' });
    const restarting = entered('restarting');
    process.kill(pid, 'SIGKILL');
    await restarting;
    const waiting = worker.call('echo', { text: 'x' }, { timeoutMs: 10_000 });
    await supervisor!.stopAll();
    await expect(waiting).rejects.toThrow(/worker test was stopped/);
    expect(worker.health()).toMatchObject({ state: 'stopped', pid: null });
    // The restart was due 100 ms after the kill; a 100 ms timer set now fires after it would have.
    await new Promise((wait) => setTimeout(wait, 100));
    expect(spawns).toBe(1);
    expect(testWorkerChildren()).toEqual([]);
  });
});

describe('resolveWorkerEntry', () => {
  it('finds the source entry when running from source', () => {
    expect(resolveWorkerEntry('pinger')).toBe(
      resolve(import.meta.dirname, '../../electron/workers/pinger/index.ts'),
    );
    expect(() => resolveWorkerEntry('no-such-worker')).toThrow(
      /worker "no-such-worker" not found \(looked in /,
    );
  });

  it('finds out/main/workers beside a CommonJS bundle chunk, not a build in the working directory', () => {
    const app = join(scratch, 'app');
    mkdirSync(join(app, 'out/main/chunks'), { recursive: true });
    mkdirSync(join(app, 'out/main/workers'), { recursive: true });
    writeFileSync(join(app, 'out/main/workers/pinger.js'), '');
    const chunk = join(app, 'out/main/chunks/entry.ts');
    copyFileSync(resolve(import.meta.dirname, '../../electron/engine/collectors/worker-entry.ts'), chunk);
    const found = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `console.log(require(${JSON.stringify(chunk)}).resolveWorkerEntry('pinger'))`,
      ],
      // The repository is the working directory (tsx resolves from it) and has an out/ of its own.
      { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8' },
    ).trim();
    expect(found).toBe(join(app, 'out/main/workers/pinger.js'));
  });
});
