import type { DeviceStatus } from '../../../shared/contract/entities';
import type { EngineHealth } from '../../../shared/contract/events';
import type { HealthSample } from '../../../shared/contract/self-health';
import { RESTART_WINDOW_MS, BACKLOG_WINDOW_MS, selfAlarms } from '../../../shared/domain/self/self-alarms';
import { staleSnmpAlarms, type SnmpFreshness } from '../../../shared/domain/self/stale-data';
import type { AlarmPort } from '../alarms/port';
import type { Repository } from '../store/repository';

export interface SelfMonitorOptions {
  repo: Repository;
  alarms: AlarmPort;
  health(): EngineHealth;
  /** The devices' ICMP statuses now (to tell a silent SNMP agent from a silent device). */
  statuses(): readonly DeviceStatus[];
  deviceName(id: number): string | undefined;
  /** A small write through the writer queue; it throws when the store refuses writes. */
  probeWrite?: (at: number) => Promise<void>;
  log(message: string): void;
  /** Called with each sample (the Prometheus gauges follow it). */
  onSample?: (sample: HealthSample) => void;
  now?: () => number;
  everyMs?: number;
  /** Samples kept in memory (default a day at the default tick) and days kept in the store. */
  memorySamples?: number;
  keepDays?: number;
}

const DEFAULT_EVERY_MS = 15_000;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const PROBE_KEY = 'vigia.selfcheck';

/**
 * Vigia watching itself: every tick it times a probe write, reads the notification backlog and
 * the writer queue, samples the engine's health into a bounded history (memory and store), and
 * makes the `self` alarms match the rules in shared/domain/self — a late cycle, a collector
 * restarting too often, a growing backlog, a store refusing writes, stale SNMP data.
 */
export class SelfMonitor {
  private readonly now: () => number;
  private readonly memory: HealthSample[] = [];
  private readonly restarts: { worker: string; at: number }[] = [];
  private readonly restartCounts = new Map<string, number>();
  private readonly lastGoodSnmp = new Map<number, number>();
  private lastCycle: { at: number; ms: number; devicesPerS: number | null } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;
  private lastPruneAt = 0;

  constructor(private readonly options: SelfMonitorOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.everyMs ?? DEFAULT_EVERY_MS);
    void this.tick(); // the Health page has a first sample at once
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** An ICMP cycle finished: its duration and pace go into the next sample. */
  cycleFinished(report: { at: number; durationMs: number; checked: number }): void {
    this.lastCycle = {
      at: report.at,
      ms: report.durationMs,
      devicesPerS: report.durationMs > 0 ? report.checked / (report.durationMs / 1000) : null,
    };
  }

  /** The samples kept in memory, oldest first (the diagnostics zip carries them). */
  recent(): readonly HealthSample[] {
    return this.memory;
  }

  /** Samples from the store; the memory's when the store does not answer. */
  async history(from: number, to: number): Promise<HealthSample[]> {
    try {
      return await this.options.repo.selfHealth.range(from, to);
    } catch {
      return this.memory.filter((sample) => sample.at >= from && sample.at <= to);
    }
  }

  /** One tick; a tick still running is not started twice. */
  tick(): Promise<void> {
    this.running ??= this.sampleAndJudge().finally(() => (this.running = null));
    return this.running;
  }

  private async sampleAndJudge(): Promise<void> {
    const { repo } = this.options;
    const now = this.now();
    const probe = await this.probe(now);
    const backlog = await repo.outbox.stats(now).then(
      (stats) => stats.pending,
      () => null,
    );
    const health = this.options.health();
    this.countRestarts(health, now);
    const sample: HealthSample = {
      at: now,
      cycleMs: this.lastCycle?.ms ?? health.lastCycleMs,
      devicesPerS: this.lastCycle?.devicesPerS ?? null,
      writerQueue: repo.writerQueue(),
      outboxBacklog: backlog,
      storeWriteMs: probe.ms,
      workerRestarts: health.workers.reduce((sum, worker) => sum + worker.restarts, 0),
      rssMb: Math.round((process.memoryUsage().rss / 1_048_576) * 10) / 10,
    };
    this.remember(sample);
    this.options.onSample?.(sample);
    if (probe.error === null) await this.store(sample, now);

    const desired = [
      ...selfAlarms({
        now,
        startedAt: health.startedAt,
        lastCycleAt: health.lastCycleAt,
        intervalMs: health.intervalMs,
        restarts: this.restarts,
        backlog: this.memory
          .filter((s) => s.outboxBacklog !== null && s.at >= now - 2 * BACKLOG_WINDOW_MS)
          .map((s) => ({ at: s.at, pending: s.outboxBacklog! })),
        storeWriteError: probe.error,
      }),
      ...staleSnmpAlarms(await this.snmpFreshness(now), now),
    ];
    await this.options.alarms
      .reconcile('self', desired, now)
      .catch((error: unknown) =>
        this.options.log(`self-monitor: alarms not updated: ${(error as Error).message}`),
      );
  }

  private async probe(now: number): Promise<{ ms: number | null; error: string | null }> {
    const write = this.options.probeWrite ?? ((at: number) => this.options.repo.settings.set(PROBE_KEY, at));
    const started = performance.now();
    try {
      await write(now);
      return { ms: Math.round((performance.now() - started) * 100) / 100, error: null };
    } catch (error) {
      return { ms: null, error: (error as Error).message };
    }
  }

  /** A restart counter that went up since the last tick adds that many restarts, at this tick. */
  private countRestarts(health: EngineHealth, now: number): void {
    for (const worker of health.workers) {
      const before = this.restartCounts.get(worker.name) ?? 0;
      for (let i = before; i < worker.restarts; i++) this.restarts.push({ worker: worker.name, at: now });
      this.restartCounts.set(worker.name, worker.restarts);
    }
    while (this.restarts.length > 0 && now - this.restarts[0]!.at > RESTART_WINDOW_MS) this.restarts.shift();
  }

  private remember(sample: HealthSample): void {
    this.memory.push(sample);
    const limit = this.options.memorySamples ?? DAY_MS / (this.options.everyMs ?? DEFAULT_EVERY_MS);
    if (this.memory.length > limit) this.memory.splice(0, this.memory.length - limit);
  }

  private async store(sample: HealthSample, now: number): Promise<void> {
    const { repo } = this.options;
    try {
      await repo.selfHealth.insert(sample);
      if (now - this.lastPruneAt >= PRUNE_EVERY_MS) {
        this.lastPruneAt = now;
        await repo.selfHealth.deleteBefore(now - (this.options.keepDays ?? 7) * DAY_MS);
      }
    } catch (error) {
      this.options.log(`self-monitor: health sample not stored: ${(error as Error).message}`);
    }
  }

  /**
   * Each SNMP-polled device: whether it answers ping, and when its data last updated. A device
   * never polled successfully counts from when it was first seen here.
   */
  private async snmpFreshness(now: number): Promise<SnmpFreshness[]> {
    let configs;
    try {
      configs = (await this.options.repo.snmp.configs()).filter((config) => config.enabled);
    } catch {
      return [];
    }
    // The statuses of every device (100,000 of them) only matter when some are polled by SNMP.
    if (configs.length === 0) {
      this.lastGoodSnmp.clear();
      return [];
    }
    const answering = new Set(
      this.options
        .statuses()
        .filter((status) => status.state === 'up' || status.state === 'degraded')
        .map((status) => status.deviceId),
    );
    const polled = new Set(configs.map((config) => config.deviceId));
    for (const id of this.lastGoodSnmp.keys()) if (!polled.has(id)) this.lastGoodSnmp.delete(id);
    return configs.map((config) => {
      if (config.lastError === null && config.lastPollAt !== null)
        this.lastGoodSnmp.set(config.deviceId, config.lastPollAt);
      else if (!this.lastGoodSnmp.has(config.deviceId)) this.lastGoodSnmp.set(config.deviceId, now);
      return {
        deviceId: config.deviceId,
        name: this.options.deviceName(config.deviceId) ?? `#${config.deviceId}`,
        answersPing: answering.has(config.deviceId),
        intervalS: config.intervalS,
        lastGoodAt: this.lastGoodSnmp.get(config.deviceId)!,
      };
    });
  }
}
