// The whole engine's CPU as the app runs it: startEngine (store, ICMP monitor, SNMP monitor,
// notifier, API) with the headless HTTP/WebSocket server in front of it, 10,000 devices checked
// every 30 s through the real pinger worker inside the bench namespace. CPU is this process (the
// engine and the server) plus both worker processes (pinger, SNMP poller), from the end of the
// first cycle on, over the given minutes — whole multiples of the monitor's 10-minute forced
// sample, so that its writes are counted in proportion. Each process's share is also split into
// user and kernel (system) time: a pinger's kernel time is mostly the network stack's.
import { startBenchEngine } from './bench-engine';
import type { MonitorConfig } from '../../shared/domain/monitor/config';
import { cpuSplitOf } from './proc-cpu';

/** % of one core a process spent in user and in kernel mode. */
export interface CpuSplitPct {
  user: number;
  system: number;
}

export interface WholeEngineCpu {
  /** Engine + server + workers, % of one core. */
  total_pct: number;
  engine_and_server_pct: number;
  workers_pct: Record<string, number>;
  /** The same shares, each split into user and system time. */
  split_pct: Record<string, CpuSplitPct>;
  cycles: number;
}

/**
 * `workerScripts`: the built worker per name (pinger, snmp), run inside `namespace` in place of
 * the entry the engine asks for, as the packaged app runs its bundled workers.
 */
export async function measureWholeEngineCpu(options: {
  namespace: string;
  workerScripts: Record<string, string>;
  devices: number;
  intervalMs: number;
  durationMs: number;
  monitorConfig?: Partial<Omit<MonitorConfig, 'interval'>>;
  /**
   * The window opens no sooner than this after the engine started (default: at the end of the
   * first cycle). Start-up work is not steady load: at 100,000 devices the first retention pass,
   * a minute in, costs as much CPU as a dozen cycles, while the passes after it come hourly.
   */
  startAfterMs?: number;
}): Promise<WholeEngineCpu> {
  const { engine, stop } = await startBenchEngine(options);
  const startedAt = performance.now();
  // Each health report carries the last cycle's time: the distinct ones are the cycles run.
  const cyclesSeen = new Set<number>();
  const unsubscribe = engine.subscribe((event) => {
    if (event.type === 'engine.health' && event.health.lastCycleAt !== null)
      cyclesSeen.add(event.health.lastCycleAt);
  });
  try {
    while (engine.health().lastCycleAt === null) await new Promise((done) => setTimeout(done, 200));
    const settleMs = (options.startAfterMs ?? 0) - (performance.now() - startedAt);
    if (settleMs > 0) await new Promise((done) => setTimeout(done, settleMs));
    const workers = engine.health().workers.map((worker) => ({ name: worker.name, pid: worker.pid! }));
    const workersBefore = workers.map(({ pid }) => cpuSplitOf(pid));
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    cyclesSeen.clear();
    await new Promise((done) => setTimeout(done, options.durationMs));
    const cpu = process.cpuUsage(cpuBefore);
    const wallS = (performance.now() - wallBefore) / 1000;
    const pct = (seconds: number) => Number(((seconds / wallS) * 100).toFixed(2));
    const restarted = engine.health().workers.filter((worker) => worker.restarts > 0);
    if (restarted.length > 0)
      throw new Error(`a worker restarted during the measurement: ${restarted[0]!.name}`);
    const split_pct: Record<string, CpuSplitPct> = {
      engine_and_server: { user: pct(cpu.user / 1e6), system: pct(cpu.system / 1e6) },
    };
    workers.forEach(({ name, pid }, index) => {
      const now = cpuSplitOf(pid);
      const before = workersBefore[index]!;
      split_pct[name] = { user: pct(now.user - before.user), system: pct(now.system - before.system) };
    });
    const sum = ({ user, system }: CpuSplitPct) => Number((user + system).toFixed(2));
    const workers_pct = Object.fromEntries(workers.map(({ name }) => [name, sum(split_pct[name]!)]));
    const total = Object.values(split_pct).reduce((all, split) => all + sum(split), 0);
    return {
      total_pct: Number(total.toFixed(2)),
      engine_and_server_pct: sum(split_pct.engine_and_server!),
      workers_pct,
      split_pct,
      cycles: cyclesSeen.size,
    };
  } finally {
    unsubscribe();
    await stop();
  }
}
