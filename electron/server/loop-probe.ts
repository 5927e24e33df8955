import {
  constants,
  monitorEventLoopDelay,
  PerformanceObserver,
  type IntervalHistogram,
  type PerformanceEntry,
} from 'node:perf_hooks';

/** The switch that turns the probe on; benchmarks set it, a normal start never does. */
export const LOOP_PROBE_ENV = 'VIGIA_LOOP_PROBE';

/**
 * What the parent may ask: `reset` starts the whole run's window again (no answer), `read` answers
 * the whole run since the last reset, `mark` answers the stretch since the previous mark (or the
 * reset) and starts the next one — how a benchmark says in which of its steps the worst delay came.
 */
export type LoopProbeRequest = 'loop-probe:reset' | 'loop-probe:read' | 'loop-probe:mark';

/** A garbage collection's kind as V8 reports it, in words. */
export type GcKind = 'scavenge' | 'mark-compact' | 'incremental' | 'weak-callbacks' | 'none';

/** What the probe answers: the event-loop delay of this process over one window. */
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
  /** The longest garbage-collection pause, and its kind: a collection holds the loop as work does. */
  gcMaxMs: number;
  gcMaxKind: GcKind;
}

const TICK_MS = 5;

/**
 * A debug-only measurement of this process's event loop (`bench:loop`): with VIGIA_LOOP_PROBE=1
 * and an IPC channel to the parent (the bench forks the server), the parent sends a
 * LoopProbeRequest and gets a LoopDelay back. Nothing is exposed to the network.
 */
export function installLoopProbe(): void {
  if (process.env[LOOP_PROBE_ENV] !== '1' || !process.send) return;
  const whole = new ProbeWindow();
  let sinceMark = new ProbeWindow();
  let last = process.cpuUsage();
  setInterval(() => {
    const now = process.cpuUsage();
    const worked = cpuMs({ user: now.user - last.user, system: now.system - last.system });
    last = now;
    whole.noteWork(worked);
    sinceMark.noteWork(worked);
  }, TICK_MS).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A 'gc' entry carries its kind in `detail` (Node's NodeGCPerformanceDetail).
      const kind = gcKindOf((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind);
      whole.noteGc(entry.duration, kind);
      sinceMark.noteGc(entry.duration, kind);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message) => {
    if (message === 'loop-probe:reset') {
      whole.reset();
      sinceMark.close();
      sinceMark = new ProbeWindow();
    }
    if (message === 'loop-probe:read') process.send?.(whole.read());
    if (message === 'loop-probe:mark') {
      process.send?.(sinceMark.read());
      sinceMark.close();
      sinceMark = new ProbeWindow();
    }
  });
}

/** One stretch of measurement: its own delay histogram, CPU, longest work and longest collection. */
class ProbeWindow {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  private cpuAtStart = process.cpuUsage();
  private workMax = 0;
  private gcMax = 0;
  private gcMaxKind: GcKind = 'none';

  constructor() {
    this.histogram.enable();
  }

  noteWork(ms: number): void {
    this.workMax = Math.max(this.workMax, ms);
  }

  noteGc(ms: number, kind: GcKind): void {
    if (ms <= this.gcMax) return;
    this.gcMax = ms;
    this.gcMaxKind = kind;
  }

  reset(): void {
    this.histogram.reset();
    this.cpuAtStart = process.cpuUsage();
    this.workMax = 0;
    this.gcMax = 0;
    this.gcMaxKind = 'none';
  }

  read(): LoopDelay {
    return {
      kind: 'loop-probe',
      p99Ms: this.histogram.percentile(99) / 1e6,
      maxMs: this.histogram.max / 1e6,
      samples: this.histogram.count,
      cpuMs: cpuMs(process.cpuUsage(this.cpuAtStart)),
      workMaxMs: this.workMax,
      gcMaxMs: this.gcMax,
      gcMaxKind: this.gcMaxKind,
    };
  }

  close(): void {
    this.histogram.disable();
  }
}

function gcKindOf(kind: number | undefined): GcKind {
  switch (kind) {
    case constants.NODE_PERFORMANCE_GC_MINOR:
      return 'scavenge';
    case constants.NODE_PERFORMANCE_GC_MAJOR:
      return 'mark-compact';
    case constants.NODE_PERFORMANCE_GC_INCREMENTAL:
      return 'incremental';
    case constants.NODE_PERFORMANCE_GC_WEAKCB:
      return 'weak-callbacks';
    default:
      return 'none';
  }
}

const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;
