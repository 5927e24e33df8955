// npm run bench:icmp100k (as root) [-- --engine-minutes N | --cycle-only [--worker-cpu-prof DIR]] — Vigia at 100,000 ICMP targets, in a
// network namespace this script creates and removes. First one cycle through the real pinger
// worker (built, supervised, over its IPC protocol, as the engine calls it): 90,000 loopback
// targets that answer and 10,000 in 127.9.0.0/16 that one iptables prefix rule silences, one echo
// each, 1 s timeout, the global budget at PPS_BUDGET (Settings → ICMP → "Global limit", whose
// maximum is 1,000,000). Wall seconds from the call to its validated results; CPU seconds of the
// worker plus the caller (validation and IPC on the engine's side); the worker's peak RSS; how many
// of the 100,000 came back with the right verdict. Then the whole engine's steady CPU at 100,000
// devices on a 30 s interval (startEngine + headless server + workers, as bench:ping measures 10,000)
// over N minutes (default 10: one period of the monitor's forced sample) from 100 s after its start
// (past the first retention pass), each process split into user and system time, and fping's CPU for one
// cycle of the same 100,000 with as many echoes (in five runs: one fping cannot take them all)
// spread over the interval, with the engine's CPU over fping's (`engine_cpu_ratio_to_fping`).
// Prints one JSON line; bench:cluster imports measureIcmp100k() for its own figure.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PingOptions } from '../../shared/contract/pinger';
import type { PingResult, PingTarget } from '../../shared/contract/pinger';
import { createNetns, netnsUnavailable, type Netns } from '../helpers/netns';
import { bundleWorkers } from './bench-engine';
import { measureWholeEngineCpu, type CpuSplitPct, type WholeEngineCpu } from './engine-cpu-whole';
import { pingerWorkerInNetns } from './ping-worker';
import { SILENT_RANGE, benchTargets } from './ping-targets';

const ANSWERING = 90_000;
const SILENT = 10_000;
/** Packets per second the cycle may send: 100,000 probes leave in about half a second. */
export const PPS_BUDGET = 200_000;
const ENGINE = { devices: 100_000, intervalMs: 30_000 };
/** The engine's probes as Settings → ICMP has them by default, with the global budget raised. */
const ENGINE_PING = { count: 3, timeoutMs: 1_000, retries: 0, ppsGlobal: PPS_BUDGET, ppsPerTower: 200 };
const FORCED_SAMPLE_MINUTES = 10;
/**
 * The engine's window opens this long after its start: past the first retention pass (a minute
 * in; at 100,000 devices about 4 s of CPU, then 2.4 s each hour — 0.07 % of a core — left out).
 */
const ENGINE_SETTLE_MS = 100_000;
/** fping's 16-bit sequence numbers cap one run's echoes: 20,000 targets × 3 echoes fit. */
const FPING_CHUNK = 20_000;

export interface Icmp100k {
  icmp100k: { wall_s: number; cpu_s: number; rss_mb: number; correct: number; pps_budget: number };
  engine_cpu_pct_100k: number;
}

export interface Icmp100kDetail extends Icmp100k {
  /** The cold cycle before the measured one: the pinger does not know yet which targets are silent. */
  first_cycle: { wall_s: number; correct: number };
  targets: number;
  silent: number;
  engine_minutes: number;
  /** Seconds from the engine's start to its window's start (see ENGINE_SETTLE_MS). */
  engine_settle_s: number;
  engine: WholeEngineCpu;
  fping_cpu_pct_100k: number;
  /** fping's share split into user and system time, as the engine's is in `engine.split_pct`. */
  fping_split_pct_100k: CpuSplitPct;
  /**
   * The engine's CPU (all its processes) over fping's for the same echoes in the same run: the
   * figure that travels between machines. Most of both is the kernel's: on loopback the sender's
   * system calls also run the simulated hosts' side of every echo.
   */
  engine_cpu_ratio_to_fping: number;
  /** The pinger worker alone over fping: what Vigia's sending and matching cost beyond a C pinger's. */
  pinger_cpu_ratio_to_fping: number;
}

/** Peak resident memory of a process, in MB (VmHWM from /proc). */
function peakRssMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmHWM for process ${pid}`);
  return Math.round(Number(line[1]) / 1024);
}

/** A silent target must come back with no reply and no error; an answering one with its reply. */
function countCorrect(results: PingResult[]): number {
  return results.filter((result) =>
    result.id <= ANSWERING ? result.received === 1 : result.received === 0 && result.error === null,
  ).length;
}

/** One run through the worker: wall seconds from the call to its validated results, verdicts right. */
async function timedRun(
  worker: ReturnType<typeof pingerWorkerInNetns>,
  targets: PingTarget[],
  options: PingOptions,
): Promise<{ wallS: number; correct: number }> {
  const started = performance.now();
  const results = await worker.transport.run(targets, options);
  return { wallS: (performance.now() - started) / 1000, correct: countCorrect(results) };
}

/**
 * Two cycles on one worker, as the running engine makes them: the first (cold: the pinger has not
 * seen these targets yet) and the next one, which is measured in full. In the running engine
 * every cycle but the first follows another, and the pinger sends the targets silent last time
 * first, so that their timeout runs while the rest leave.
 */
async function cyclesIn(
  ns: Netns,
  pingerScript: string,
  workerExecArgv: string[] = [],
): Promise<Pick<Icmp100kDetail, 'icmp100k' | 'first_cycle'>> {
  const worker = pingerWorkerInNetns(ns.name, pingerScript, workerExecArgv);
  try {
    // Started and ready (raw socket open) before the clock starts, as in the running engine.
    const mode = await worker.transport.mode();
    if (mode.mode !== 'raw') throw new Error(`the pinger runs ${mode.mode}, not raw ICMP: ${mode.note}`);
    const targets = benchTargets(ANSWERING, SILENT);
    const options = PingOptions.parse({ count: 1, timeoutMs: 1_000, retries: 0, ppsGlobal: PPS_BUDGET });
    const first = await timedRun(worker, targets, options);
    const pid = worker.pid();
    const workerCpuBefore = worker.cpuSeconds();
    const callerCpuBefore = process.cpuUsage();
    const next = await timedRun(worker, targets, options);
    const caller = process.cpuUsage(callerCpuBefore);
    const cpuS = worker.cpuSeconds() - workerCpuBefore + (caller.user + caller.system) / 1e6;
    return {
      icmp100k: {
        wall_s: Number(next.wallS.toFixed(3)),
        cpu_s: Number(cpuS.toFixed(3)),
        rss_mb: peakRssMb(pid),
        correct: next.correct,
        pps_budget: PPS_BUDGET,
      },
      first_cycle: { wall_s: Number(first.wallS.toFixed(3)), correct: first.correct },
    };
  } finally {
    await worker.stop();
  }
}

/**
 * fping's CPU for one cycle of the engine's 100,000 devices with as many echoes each (200 ms
 * apart, as Vigia spaces them), as a % of one core over the interval, in user and system time.
 */
async function fpingCpuPct(ns: Netns, dir: string): Promise<CpuSplitPct> {
  const hosts = benchTargets(ENGINE.devices, 0).map((target) => target.host);
  const cpuS = { user: 0, system: 0 };
  for (let start = 0; start < hosts.length; start += FPING_CHUNK) {
    const list = join(dir, `fping-${start}.txt`);
    writeFileSync(list, hosts.slice(start, start + FPING_CHUNK).join('\n') + '\n');
    const timing = join(dir, `fping-${start}.time`);
    // fping exits 1 when some targets are unreachable; more than that is a failure.
    await ns.exec('sh', [
      '-c',
      `/usr/bin/time -f '%U %S' -o ${timing} fping -c${ENGINE_PING.count} -p200 -t1000 -r0 -i0 -q ` +
        `-f ${list} 2>/dev/null; [ $? -le 1 ]`,
    ]);
    const [user, sys] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuS.user += user!;
    cpuS.system += sys!;
  }
  const pct = (seconds: number) => Number(((seconds / (ENGINE.intervalMs / 1000)) * 100).toFixed(2));
  return { user: pct(cpuS.user), system: pct(cpuS.system) };
}

/** Runs `work` in a namespace of its own with the silent range dropped and the workers built. */
async function inBenchNamespace<T>(
  work: (
    ns: Netns,
    workerScripts: Record<'pinger', string> & Record<string, string>,
    dir: string,
  ) => Promise<T>,
): Promise<T> {
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(`bench:icmp100k: ${unavailable}`);
  // Inside the project, so that the built scripts find raw-socket in node_modules.
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'vigia-bench-icmp100k-'));
  const ns = await createNetns('vigia-100k');
  try {
    await ns.silence(SILENT_RANGE);
    return await work(ns, await bundleWorkers(dir), dir);
  } finally {
    await ns.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The 100,000-target cycle alone (`-- --cycle-only`: seconds instead of the engine's minutes);
 * `workerExecArgv` such as `--cpu-prof` profiles the pinger worker (`-- --worker-cpu-prof DIR`).
 */
export function measureIcmp100kCycle(
  workerExecArgv: string[] = [],
): Promise<Pick<Icmp100kDetail, 'icmp100k' | 'first_cycle'>> {
  return inBenchNamespace((ns, workerScripts) => cyclesIn(ns, workerScripts.pinger, workerExecArgv));
}

export function measureIcmp100k(options: { engineMinutes?: number } = {}): Promise<Icmp100kDetail> {
  const minutes = options.engineMinutes ?? FORCED_SAMPLE_MINUTES;
  return inBenchNamespace(async (ns, workerScripts, dir) => {
    const cycles = await cyclesIn(ns, workerScripts.pinger);
    // Progress on stderr: the engine's part takes minutes.
    console.error(`bench:icmp100k: cycles ${JSON.stringify(cycles)}`);
    const engine = await measureWholeEngineCpu({
      namespace: ns.name,
      workerScripts,
      ...ENGINE,
      monitorConfig: { ping: ENGINE_PING },
      durationMs: minutes * 60_000,
      startAfterMs: ENGINE_SETTLE_MS,
    });
    const fping = await fpingCpuPct(ns, dir);
    const fpingPct = fping.user + fping.system;
    const ratio = (pct: number) => Number((pct / fpingPct).toFixed(2));
    return {
      ...cycles,
      engine_cpu_pct_100k: engine.total_pct,
      targets: ANSWERING + SILENT,
      silent: SILENT,
      engine_minutes: minutes,
      engine_settle_s: ENGINE_SETTLE_MS / 1000,
      engine,
      fping_cpu_pct_100k: Number(fpingPct.toFixed(2)),
      fping_split_pct_100k: fping,
      engine_cpu_ratio_to_fping: ratio(engine.total_pct),
      pinger_cpu_ratio_to_fping: ratio(engine.workers_pct.pinger ?? NaN),
    };
  });
}

function workerExecArgv(): string[] {
  const at = process.argv.indexOf('--worker-cpu-prof');
  return at === -1 ? [] : ['--cpu-prof', `--cpu-prof-dir=${resolve(process.argv[at + 1] ?? '.')}`];
}

/** `--engine-minutes N` from the command line (bench:cluster takes it too). */
export function engineMinutesArg(): number | undefined {
  const at = process.argv.indexOf('--engine-minutes');
  if (at === -1) return undefined;
  const minutes = Number(process.argv[at + 1]);
  if (!(minutes > 0)) throw new Error('--engine-minutes takes a positive number of minutes');
  return minutes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = process.argv.includes('--cycle-only')
    ? measureIcmp100kCycle(workerExecArgv())
    : measureIcmp100k({ engineMinutes: engineMinutesArg() });
  figures
    .then((figures) => process.stdout.write(JSON.stringify(figures) + '\n'))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
