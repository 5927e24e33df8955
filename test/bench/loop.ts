// bench:loop — does the process that serves the UI stay free while the engine works? The built
// headless server runs as its own process inside a network namespace made for this run, with
// 10,000 devices on real ICMP (loopback addresses of the namespace). Over at least two minutes it
// goes through a 10,000-row import, a retention pass over old samples, all 10,000 devices going
// silent at once (iptables DROP in the namespace) and all coming back. Meanwhile the server's
// event-loop delay is sampled inside it (debug-only probe over the fork's IPC channel) and
// `engine.health` is timed over the WebSocket every 100 ms, and the CPU time of the server and of
// the engine is read, which the load of other jobs on the machine hardly moves. Prints one JSON object.
// Needs root and `npm run build` (it runs out/main/server.js, as an operator would).
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import type { DeviceInput, DeviceStatus } from '../../shared/contract/entities';
import type { EngineHealth, VigiaEvent } from '../../shared/contract/events';
import type { PingSample } from '../../shared/contract/entities';
import { openStore } from '../../electron/engine/store/open-store';
import { LOOP_PROBE_ENV, type LoopDelay, type LoopProbeRequest } from '../../electron/server/loop-probe';
import { createNetns, netnsUnavailable } from '../helpers/netns';

const DEVICES = 10_000;
const MIN_RUN_MS = 120_000;
const POLL_EVERY_MS = 100;
const TRANSITION_TIMEOUT_MS = 180_000;
const OLD_SAMPLES_PER_DEVICE = 30;
const DAY = 86_400_000;
const INSIDE_ENV = 'VIGIA_LOOP_NETNS';
/** Extra Node flags for the server, to find a stall's cause: e.g. "--cpu-prof --cpu-prof-dir=/tmp/p". */
const SERVER_ARGS_ENV = 'VIGIA_LOOP_SERVER_ARGS';
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS_PER_S = 100;
/** The monitored devices; the import adds disabled rows in 127.20.0.0/16, never probed. */
const DEVICE_CIDR = '127.0.0.0/16';
const run = promisify(execFile);
const log = (message: string) => process.stderr.write(`bench:loop: ${new Date().toISOString()} ${message}\n`);
const host = (prefix: number, i: number) => `127.${prefix}.${(i >> 8) & 255}.${i & 255}`;

/** 10,000 devices without parents (each one's silence is its own alarm) and a month-old history. */
async function seedStore(dataDir: string): Promise<number> {
  const repo = await openStore({ dialect: 'sqlite', file: join(dataDir, 'vigia.db') });
  try {
    const rows: DeviceInput[] = [];
    for (let i = 1; i <= DEVICES; i++) rows.push({ name: `cpe ${i}`, host: host(0, i), kind: 'cpe' });
    const devices = await repo.devices.createMany(rows);
    const old = Date.now() - 40 * DAY;
    for (let k = 0; k < OLD_SAMPLES_PER_DEVICE; k++) {
      const samples: PingSample[] = devices.map((device) => ({
        deviceId: device.id,
        at: old + k * 60_000,
        rttMs: 3,
        minMs: 2,
        maxMs: 4,
        jitterMs: 0.1,
        lossPct: 0,
        state: 'up',
      }));
      await repo.ping.insertSamples(samples);
    }
    // Every interval at the critical 15 s, so two minutes hold several cycles; the engine's first
    // retention pass, a minute after its start, falls inside the measured window.
    await repo.settings.set('monitor.config', {
      interval: { criticalMs: 15_000, unstableMs: 15_000, stableMs: 15_000 },
    });
    return devices.length * OLD_SAMPLES_PER_DEVICE;
  } finally {
    await repo.close();
  }
}

function oldSamplesLeft(dataDir: string): number {
  const db = new Database(join(dataDir, 'vigia.db'), { readonly: true });
  try {
    const cutoff = Date.now() - 30 * DAY;
    return (db.prepare('select count(*) as n from ping_samples where at < ?').get(cutoff) as { n: number }).n;
  } finally {
    db.close();
  }
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const entry = resolve('out/main/server.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = fork(entry, ['--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, [LOOP_PROBE_ENV]: '1' },
    execArgv: process.env[SERVER_ARGS_ENV]?.split(' ').filter(Boolean) ?? [],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      // Once it listens, what the server prints (e.g. --trace-gc) goes to this run's log.
      if (out.includes('open http')) {
        process.stderr.write(chunk);
        return;
      }
      out += chunk.toString();
      const url = /open (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolveStart({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
}

function probe(child: ChildProcess, message: LoopProbeRequest): Promise<LoopDelay> {
  return new Promise((answered) => {
    const listener = (reply: unknown) => {
      if ((reply as LoopDelay).kind !== 'loop-probe') return;
      child.off('message', listener);
      answered(reply as LoopDelay);
    };
    child.on('message', listener);
    child.send(message);
    // A reset has no answer: ask for a read right after, which confirms the reset arrived.
    if (message === 'loop-probe:reset') child.send('loop-probe:read');
  });
}

/** CPU seconds used so far by the direct children of `parentPid` (the server's: the engine), from /proc. */
function childrenCpuS(parentPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the command's closing parenthesis: state, ppid, … utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === parentPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS_PER_S;
}

/** A WebSocket client of the API that also keeps the live state of every device from events. */
class Client {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  private readonly states = new Map<number, DeviceStatus['state']>();
  /** Devices per state, kept as events arrive: counting the map on every event would make this
   * client, not the server, the slow part of a 10,000-event burst. */
  private readonly perState = new Map<DeviceStatus['state'], number>();
  raised = 0;
  cleared = 0;
  private waiters: (() => boolean)[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        ok?: boolean;
        result?: unknown;
        error?: { message: string };
        event?: VigiaEvent;
      };
      if (message.event) this.observe(message.event);
      if (message.id === undefined) return;
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error?.message ?? 'failed'));
    });
  }

  static async open(url: string): Promise<Client> {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api`, { maxPayload: 64 * 1024 * 1024 });
    await new Promise((opened, failed) => {
      socket.once('open', opened);
      socket.once('error', failed);
    });
    return new Client(socket);
  }

  call<T>(method: string, input?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolveCall, reject) => {
      this.pending.set(id, { resolve: resolveCall as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, input }));
    });
  }

  count(state: DeviceStatus['state']): number {
    return this.perState.get(state) ?? 0;
  }

  /** Resolves when `done` holds, checked on every event; fails after `timeoutMs`. */
  until(what: string, done: () => boolean, timeoutMs = TRANSITION_TIMEOUT_MS): Promise<void> {
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (!done()) return false;
        clearTimeout(timer);
        resolveWait();
        return true;
      };
      if (!check()) this.waiters.push(check);
    });
  }

  close(): void {
    this.socket.close();
  }

  private observe(event: VigiaEvent): void {
    if (event.type === 'status.changed')
      for (const { deviceId, state } of event.statuses) {
        const before = this.states.get(deviceId);
        if (before) this.perState.set(before, this.count(before) - 1);
        this.perState.set(state, this.count(state) + 1);
        this.states.set(deviceId, state);
      }
    if (event.type === 'alarm.raised') this.raised++;
    if (event.type === 'alarm.cleared') this.cleared++;
    this.waiters = this.waiters.filter((check) => !check());
  }
}

/** What the run is doing, to say during which step the slowest answer came. */
type Step = 'import' | 'down' | 'up' | 'steady';

/**
 * The server's loop over each step of the run, from one probe window per step: which step held
 * the worst delay, and how long its longest work and longest garbage collection were.
 */
function stepWindows(server: ChildProcess) {
  let current: Step = 'import';
  const windows = new Map<Step, LoopDelay>();
  const close = async () => windows.set(current, await probe(server, 'loop-probe:mark'));
  return {
    current: () => current,
    enter: async (step: Step) => {
      await close();
      current = step;
    },
    /** Closes the last step; returns the step with the longest delay and that step's window. */
    finish: async () => {
      await close();
      const [step, worst] = [...windows].reduce((a, b) => (b[1].maxMs > a[1].maxMs ? b : a));
      return { step, worst, windows };
    },
  };
}

/** Times `engine.health` every 100 ms (one call in flight at a time) and keeps the slowest. */
function pollHealth(client: Client, step: () => Step) {
  let slowest = 0;
  let slowestStep: Step = 'steady';
  let calls = 0;
  let cycleMax = 0;
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = true;
    const started = performance.now();
    const during = step();
    void client.call<EngineHealth>('engine.health').then((health) => {
      inFlight = false;
      calls++;
      const tookMs = performance.now() - started;
      if (tookMs > slowest) [slowest, slowestStep] = [tookMs, during];
      cycleMax = Math.max(cycleMax, health.lastCycleMs ?? 0);
    });
  }, POLL_EVERY_MS);
  return {
    stop: () => clearInterval(timer),
    result: () => ({ slowest, slowestStep, calls, cycleMax }),
  };
}

async function iptables(action: '-A' | '-D'): Promise<void> {
  await run('iptables', [action, 'INPUT', '-p', 'icmp', '-d', DEVICE_CIDR, '-j', 'DROP']);
}

async function inside(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-bench-loop-'));
  let server: ChildProcess | null = null;
  try {
    const seededOld = await seedStore(dataDir);
    const started = await startServer(dataDir);
    server = started.child;
    const client = await Client.open(started.url);
    log('server up; waiting for all devices up');
    await client.until('all devices up', () => client.count('up') === DEVICES);

    await probe(server, 'loop-probe:reset');
    const steps = stepWindows(server);
    const engineCpuAtStart = childrenCpuS(server.pid!);
    const loadAtStart = loadavg()[0]!;
    const t0 = performance.now();
    const poll = pollHealth(client, steps.current);
    const rows: DeviceInput[] = [];
    for (let i = 1; i <= DEVICES; i++)
      rows.push({ name: `import ${i}`, host: host(20, i), kind: 'cpe', enabled: false });
    const importStart = performance.now();
    await client.call('devices.importMany', { rows });
    const importMs = performance.now() - importStart;
    log(`imported ${DEVICES} rows in ${Math.round(importMs)} ms`);

    await steps.enter('down');
    await iptables('-A');
    const downStart = performance.now();
    await client.until('all devices down and their alarms raised', () => {
      return client.count('down') === DEVICES && client.raised >= DEVICES;
    });
    const raiseMs = performance.now() - downStart;
    log(`all down, ${client.raised} alarms raised in ${Math.round(raiseMs)} ms`);

    await steps.enter('up');
    await iptables('-D');
    const upStart = performance.now();
    await client.until('all devices up and their alarms cleared', () => {
      return client.count('up') === DEVICES && client.cleared >= DEVICES;
    });
    const clearMs = performance.now() - upStart;
    log(`all up, ${client.cleared} alarms cleared in ${Math.round(clearMs)} ms`);

    await steps.enter('steady');
    const rest = MIN_RUN_MS - (performance.now() - t0);
    // The run lasts two minutes whatever the transitions took: the remaining steady cycles and
    // the retention pass are part of what the probe measures.
    if (rest > 0) await new Promise((resolveRest) => setTimeout(resolveRest, rest));
    poll.stop();
    const perStep = await steps.finish();
    const loop = await probe(server, 'loop-probe:read');
    const engineCpuS = childrenCpuS(server.pid!) - engineCpuAtStart;
    const durationMs = performance.now() - t0;
    client.close();
    const { slowest, slowestStep, calls, cycleMax } = poll.result();
    await stopServer(server);
    server = null;
    const retentionDeleted = seededOld - oldSamplesLeft(dataDir);
    if (retentionDeleted !== seededOld)
      throw new Error(
        `no complete retention pass in the run: ${seededOld - retentionDeleted} old samples left`,
      );
    process.stdout.write(
      `${JSON.stringify({
        devices: DEVICES,
        loop_p99_ms: round(loop.p99Ms),
        loop_max_ms: round(loop.maxMs),
        // What the server spent serving: a delay stretches with the machine's load, CPU time hardly.
        server_cpu_s: round(loop.cpuMs / 1000),
        // The server's longest stretch of its own work (CPU between two 5 ms ticks): what its loop
        // max would be with a core always free.
        loop_work_max_ms: round(loop.workMaxMs),
        // The step that held the longest delay, that step's longest own work, and its longest
        // garbage collection (a pause of the loop as much as work is) with its kind.
        loop_max_phase: perStep.step,
        loop_max_phase_work_ms: round(perStep.worst.workMaxMs),
        gc_max_ms: round(loop.gcMaxMs),
        gc_max_kind: loop.gcMaxKind,
        loop_max_per_phase_ms: Object.fromEntries(
          [...perStep.windows].map(([step, window]) => [step, round(window.maxMs)]),
        ),
        loop_work_max_per_phase_ms: Object.fromEntries(
          [...perStep.windows].map(([step, window]) => [step, round(window.workMaxMs)]),
        ),
        gc_max_per_phase_ms: Object.fromEntries(
          [...perStep.windows].map(([step, window]) => [step, round(window.gcMaxMs)]),
        ),
        engine_cpu_s: round(engineCpuS),
        api_max_ms: round(slowest),
        // The step the slowest answer was asked in: import, down (alarms raised), up (cleared), steady.
        api_max_step: slowestStep,
        cycle_max_ms: round(cycleMax),
        api_calls: calls,
        import_ms: round(importMs),
        raise_ms: round(raiseMs),
        clear_ms: round(clearMs),
        retention_deleted: retentionDeleted,
        duration_s: round(durationMs / 1000),
        // The machine is shared: its load says how much of a latency is waiting for a core.
        load1_start: round(loadAtStart),
        load1_end: round(loadavg()[0]!),
      })}\n`,
    );
  } finally {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((stopped) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      stopped();
    });
    child.kill('SIGTERM');
  });
}

/** Makes the namespace, runs this file again inside it, and removes the namespace. */
async function outside(): Promise<void> {
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(unavailable);
  const netns = await createNetns('vigia-loop');
  try {
    const code = await new Promise<number | null>((exited, failed) => {
      const child = spawn(
        'ip',
        ['netns', 'exec', netns.name, process.execPath, '--import', 'tsx', resolve(__filename)],
        { stdio: 'inherit', env: { ...process.env, [INSIDE_ENV]: netns.name } },
      );
      child.on('error', failed);
      child.on('exit', exited);
    });
    if (code !== 0) process.exitCode = 1;
  } finally {
    await netns.destroy();
  }
}

(process.env[INSIDE_ENV] ? inside() : outside()).catch((error: unknown) => {
  log((error as Error).stack ?? String(error));
  process.exit(1);
});
