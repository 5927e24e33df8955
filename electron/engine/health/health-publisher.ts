import type { EngineHealth, WorkerHealth } from '../../../shared/contract/events';
import type { EventBus } from '../event-bus';
import type { MonitorHealth } from '../monitor/monitor';

export interface HealthPublisherOptions {
  bus: EventBus;
  startedAt: number;
  monitor: () => MonitorHealth;
  workers: () => WorkerHealth[];
  /** A cheap read that fails when the store does not answer. */
  probeStore: () => Promise<unknown>;
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

  constructor(private readonly options: HealthPublisherOptions) {}

  current(): EngineHealth {
    const { storeError: writeError, ...monitor } = this.options.monitor();
    const storeError = this.probeError ?? writeError;
    return {
      startedAt: this.options.startedAt,
      ...monitor,
      workers: this.options.workers(),
      storeOk: storeError === null,
      storeError,
    };
  }

  publish(): void {
    this.options.bus.publish({ type: 'engine.health', health: this.current() });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.options.probeStore().then(
        () => (this.probeError = null),
        (error: unknown) => (this.probeError = (error as Error).message),
      );
      this.publish();
    }, this.options.everyMs ?? DEFAULT_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
