import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineHealth } from '../../../shared/contract/events';
import type { HealthSample } from '../../../shared/contract/self-health';
import type { SyntheticCheck } from '../../../shared/contract/synthetic';

export interface MetricSources {
  health(): EngineHealth;
  /** Messages waiting in the notification outbox. */
  outboxPending(): Promise<number>;
  syntheticChecks(): SyntheticCheck[];
}

/** Buckets for stages that take milliseconds to tens of seconds (a cycle, a round, a write). */
const STAGE_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The engine's own Prometheus registry (never prom-client's global one, so two engines in one
 * process — tests — do not share series). Gauges are read from their sources when scraped;
 * histograms are fed as stages finish.
 */
export class EngineMetrics {
  readonly registry = new Registry();
  private readonly stageSeconds: Histogram<'stage'>;
  private readonly checkSeconds: Histogram<'kind'>;
  private readonly writerQueue: Gauge;
  private readonly devicesPerSecond: Gauge;
  private lastCycleAt: number | null = null;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'vigia_' });
    this.stageSeconds = new Histogram({
      name: 'vigia_stage_duration_seconds',
      help: 'Duration of each engine stage run: icmp_cycle, synthetic_round, synthetic_store_write, store_write_probe.',
      labelNames: ['stage'],
      buckets: STAGE_BUCKETS,
      registers,
    });
    this.checkSeconds = new Histogram({
      name: 'vigia_synthetic_check_duration_seconds',
      help: 'Total time of each synthetic check run, by kind.',
      labelNames: ['kind'],
      buckets: STAGE_BUCKETS,
      registers,
    });
    this.writerQueue = new Gauge({
      name: 'vigia_store_writer_queue',
      help: "Writes waiting in the store's writer queue at the last self-check.",
      registers,
    });
    this.devicesPerSecond = new Gauge({
      name: 'vigia_icmp_devices_per_second',
      help: 'Devices the last ICMP cycle probed per second.',
      registers,
    });
    new Gauge({
      name: 'vigia_devices_monitored',
      help: 'Devices the ICMP monitor watches.',
      registers,
      collect() {
        this.set(sources.health().devicesMonitored);
      },
    });
    new Gauge({
      name: 'vigia_icmp_cycle_age_seconds',
      help: 'Seconds since the last ICMP cycle finished (since start before the first one).',
      registers,
      collect() {
        const health = sources.health();
        this.set((Date.now() - (health.lastCycleAt ?? health.startedAt)) / 1000);
      },
    });
    new Gauge({
      name: 'vigia_store_up',
      help: '1 when the store accepts reads and writes, else 0.',
      registers,
      collect() {
        this.set(sources.health().storeOk ? 1 : 0);
      },
    });
    new Gauge({
      name: 'vigia_worker_up',
      help: '1 when the collector process runs, else 0.',
      labelNames: ['worker'],
      registers,
      collect() {
        this.reset();
        for (const worker of sources.health().workers)
          this.set({ worker: worker.name }, worker.state === 'running' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'vigia_worker_restarts',
      help: 'Restarts of each collector process since the engine started.',
      labelNames: ['worker'],
      registers,
      collect() {
        this.reset();
        for (const worker of sources.health().workers) this.set({ worker: worker.name }, worker.restarts);
      },
    });
    new Gauge({
      name: 'vigia_notification_backlog',
      help: 'Notifications waiting in the outbox.',
      registers,
      async collect() {
        this.set(await sources.outboxPending());
      },
    });
    new Gauge({
      name: 'vigia_synthetic_check_up',
      help: '1 when the synthetic check passed on its last run, 0 when it failed (absent before a run).',
      labelNames: ['check', 'kind'],
      registers,
      collect() {
        this.reset();
        for (const check of sources.syntheticChecks()) {
          if (check.enabled && check.last)
            this.set({ check: check.name, kind: check.spec.kind }, check.last.ok ? 1 : 0);
        }
      },
    });
  }

  /** Called with each health snapshot: a cycle that finished since the last one is observed once. */
  observeHealth(health: EngineHealth): void {
    if (health.lastCycleAt === null || health.lastCycleAt === this.lastCycleAt) return;
    this.lastCycleAt = health.lastCycleAt;
    if (health.lastCycleMs !== null) this.observeStage('icmp_cycle', health.lastCycleMs / 1000);
  }

  /** A self-check's sample: the queue depth and pace gauges, and the probe write's latency. */
  observeSample(sample: HealthSample): void {
    this.writerQueue.set(sample.writerQueue);
    if (sample.devicesPerS !== null) this.devicesPerSecond.set(sample.devicesPerS);
    if (sample.storeWriteMs !== null) this.observeStage('store_write_probe', sample.storeWriteMs / 1000);
  }

  observeStage(
    stage: 'icmp_cycle' | 'synthetic_round' | 'synthetic_store_write' | 'store_write_probe',
    seconds: number,
  ): void {
    this.stageSeconds.observe({ stage }, seconds);
  }

  observeCheck(kind: SyntheticCheck['spec']['kind'], seconds: number): void {
    this.checkSeconds.observe({ kind }, seconds);
  }

  async text(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
