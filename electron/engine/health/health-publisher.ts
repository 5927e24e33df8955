import type { EngineHealth, WorkerHealth } from '../../../shared/contract/events';
import { storeCondition } from '../../../shared/domain/health/store-condition';
import type { EventBus } from '../event-bus';
import type { MonitorHealth } from '../monitor/monitor';
import { DEFAULT_STALL_MS } from '../store/write-behind';

/** What the engine holds for the store, and how long the store has left a write unanswered. */
export interface StoreBacklog {
  waitingMs: number;
  queued: number;
}

export interface HealthPublisherOptions {
  bus: EventBus;
  startedAt: number;
  monitor: () => MonitorHealth;
  workers: () => WorkerHealth[];
  /** A cheap read that fails when the store does not answer. */
  probeStore: () => Promise<unknown>;
  /** Writes held for the store, all parts together. */
  storeBacklog: () => StoreBacklog;
  /** The poller groups this instance leads, on a shared PostgreSQL; absent on SQLite. */
  leadsGroups?: () => number[];
  everyMs?: number;
}

const DEFAULT_EVERY_MS = 5_000;

/**
 * The one publisher of `engine.health`: the monitor's last cycle, the collectors' state and the
 * store's, in one picture. It publishes after each cycle, when a collector changes state, and on
 * a timer that also probes the store, so every published picture carries every part.
 */
export class HealthPublisher {
  private timer: ReturnType<typeof setInterval> | null = null;
  private probeError: string | null = null;
  /** When the probe in progress started, null when none is out: a frozen store never answers it. */
  private probeSince: number | null = null;

  constructor(private readonly options: HealthPublisherOptions) {}

  current(): EngineHealth {
    const { storeError: writeError, pendingRows: _rows, droppedSamples, ...monitor } = this.options.monitor();
    const storeError = this.probeError ?? writeError;
    const backlog = this.options.storeBacklog();
    const probeWaitingMs = this.probeSince === null ? 0 : Date.now() - this.probeSince;
    const store = storeCondition({
      waitingMs: Math.max(backlog.waitingMs, probeWaitingMs),
      stallMs: DEFAULT_STALL_MS,
      queued: backlog.queued,
      droppedSamples,
      error: storeError,
    });
    return {
      startedAt: this.options.startedAt,
      ...monitor,
      workers: this.options.workers(),
      storeOk: store.problem === null,
      storeError,
      store,
      ...(this.options.leadsGroups ? { leadsGroups: this.options.leadsGroups() } : {}),
    };
  }

  publish(): void {
    this.options.bus.publish({ type: 'engine.health', health: this.current() });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.probeSince === null) {
        this.probeSince = Date.now();
        this.options
          .probeStore()
          .then(
            () => (this.probeError = null),
            (error: unknown) => (this.probeError = (error as Error).message),
          )
          .finally(() => (this.probeSince = null));
      }
      this.publish();
    }, this.options.everyMs ?? DEFAULT_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
