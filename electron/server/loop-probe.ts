import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The switch that turns the probe on; benchmarks set it, a normal start never does. */
export const LOOP_PROBE_ENV = 'VIGIA_LOOP_PROBE';

/** What the probe answers: the event-loop delay of this process since the last reset. */
export interface LoopDelay {
  kind: 'loop-probe';
  p99Ms: number;
  maxMs: number;
  samples: number;
  /** CPU time this process used (user and system): unlike a delay, it barely moves with the load of other processes. */
  cpuMs: number;
  /**
   * The most CPU this process used between two consecutive ticks of a 5 ms timer: its longest
   * stretch of its own work. A delay much longer than this was spent waiting for a core (other
   * processes' load), not working.
   */
  workMaxMs: number;
}

const TICK_MS = 5;

/**
 * A debug-only measurement of this process's event loop (`bench:loop`): with VIGIA_LOOP_PROBE=1
 * and an IPC channel to the parent (the bench forks the server), the parent sends 'loop-probe:reset'
 * and 'loop-probe:read' and gets a LoopDelay back. Nothing is exposed to the network.
 */
export function installLoopProbe(): void {
  if (process.env[LOOP_PROBE_ENV] !== '1' || !process.send) return;
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let cpuAtReset = process.cpuUsage();
  const work = longestWork();
  process.on('message', (message) => {
    if (message === 'loop-probe:reset') {
      histogram.reset();
      work.reset();
      cpuAtReset = process.cpuUsage();
    }
    if (message !== 'loop-probe:read') return;
    const answer: LoopDelay = {
      kind: 'loop-probe',
      p99Ms: histogram.percentile(99) / 1e6,
      maxMs: histogram.max / 1e6,
      samples: histogram.count,
      cpuMs: cpuMs(process.cpuUsage(cpuAtReset)),
      workMaxMs: work.maxMs(),
    };
    process.send?.(answer);
  });
}

/** The most CPU used between two ticks of a short timer (the timer runs once per loop turn at most). */
function longestWork() {
  let last = process.cpuUsage();
  let max = 0;
  setInterval(() => {
    const now = process.cpuUsage();
    max = Math.max(max, cpuMs({ user: now.user - last.user, system: now.system - last.system }));
    last = now;
  }, TICK_MS).unref();
  return {
    reset: () => {
      last = process.cpuUsage();
      max = 0;
    },
    maxMs: () => max,
  };
}

const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;
