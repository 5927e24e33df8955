// The whole engine's CPU as the app runs it: startEngine (store, ICMP monitor, SNMP monitor,
// notifier, API) with the headless HTTP/WebSocket server in front of it, 10,000 devices checked
// every 30 s through the real pinger worker inside the bench namespace. CPU is this process (the
// engine and the server) plus both worker processes (pinger, SNMP poller), from the end of the
// first cycle on, over the given minutes — whole multiples of the monitor's 10-minute forced
// sample, so that its writes are counted in proportion.
import { startBenchEngine } from './bench-engine';
import type { MonitorConfig } from '../../shared/domain/monitor/config';
import { cpuSecondsOf } from './proc-cpu';

export interface WholeEngineCpu {
  /** Engine + server + workers, % of one core. */
  total_pct: number;
  engine_and_server_pct: number;
  workers_pct: Record<string, number>;
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
}): Promise<WholeEngineCpu> {
  const { engine, stop } = await startBenchEngine(options);
  // Each health report carries the last cycle's time: the distinct ones are the cycles run.
  const cyclesSeen = new Set<number>();
  const unsubscribe = engine.subscribe((event) => {
    if (event.type === 'engine.health' && event.health.lastCycleAt !== null)
      cyclesSeen.add(event.health.lastCycleAt);
  });
  try {
    while (engine.health().lastCycleAt === null) await new Promise((done) => setTimeout(done, 200));
    const workers = engine.health().workers.map((worker) => ({ name: worker.name, pid: worker.pid! }));
    const workersBefore = workers.map(({ pid }) => cpuSecondsOf(pid));
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
    const workers_pct = Object.fromEntries(
      workers.map(({ name, pid }, index) => [name, pct(cpuSecondsOf(pid) - workersBefore[index]!)]),
    );
    const engineAndServer = pct((cpu.user + cpu.system) / 1e6);
    const total = engineAndServer + Object.values(workers_pct).reduce((sum, value) => sum + value, 0);
    return {
      total_pct: Number(total.toFixed(2)),
      engine_and_server_pct: engineAndServer,
      workers_pct,
      cycles: cyclesSeen.size,
    };
  } finally {
    unsubscribe();
    await stop();
  }
}
