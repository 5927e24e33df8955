import type { z } from 'zod';
import type { MaintenanceScope, MaintenanceStart } from '../../../shared/contract/api';
import type { DeviceStatus } from '../../../shared/contract/entities';
import { PingOptions, type PingResult, type PingTarget } from '../../../shared/contract/pinger';
import {
  initialIntervalState,
  nextInterval,
  withRule,
  type IntervalState,
} from '../../../shared/domain/monitor/adaptive-interval';
import {
  resolveMonitorConfig,
  type MonitorConfig,
  type MonitorConfigInput,
} from '../../../shared/domain/monitor/config';
import type { GlobalMaintenanceValue } from '../../../shared/domain/monitor/maintenance';
import type { AlarmChanges, AlarmPort, DesiredAlarm } from '../alarms/port';
import type { EventBus } from '../event-bus';
import type { Inventory } from '../inventory/inventory';
import type { Repository } from '../store/repository';
import { nextTurn } from '../store/writer';
import { assess } from './assess';
import { answered, DeviceTracker } from './device-tracker';
import { DurableWrites } from './durable-writes';
import { MaintenanceControl } from './maintenance-control';
import { MassOutageWatch } from './mass-outage-watch';
import type { MassOutage } from '../../../shared/domain/outage/mass-outage';
import { outageAlarmTypes } from '../../../shared/domain/outage/causes';
import { RetentionJob, type RetentionResult } from './retention';
import { TurnBudget } from '../store/turn-budget';
import type { PingTransport } from '../../../shared/contract/pinger';
import type { PlannedAlarm } from '../../../shared/domain/monitor/alarm-plan';
import { summarize } from '../../../shared/domain/ping/summarize';

export interface MonitorOptions {
  repo: Repository;
  transport: PingTransport;
  bus: EventBus;
  /** Where the cycle's alarm plan goes (the engine's one alarm service). */
  alarms: AlarmPort;
  clock?: { now(): number };
  config?: MonitorConfigInput;
  /** Where failures of background cycles go (they never stop the loop). */
  onError?: (error: unknown) => void;
  /** The devices, towers and maintenance windows the cycles work on (the engine's one copy). */
  inventory: Inventory;
}

export interface CycleReport extends AlarmChanges {
  at: number;
  durationMs: number;
  /** Devices probed in this cycle, and how many of them needed a quick re-check. */
  checked: number;
  rechecked: number;
  /** Statuses published in this cycle's 'status.changed'. */
  changed: number;
  stateChanges: number;
  offline: number;
  /** The wait before the next cycle. */
  intervalMs: number;
}

export interface MonitorHealth {
  lastCycleAt: number | null;
  lastCycleMs: number | null;
  intervalMs: number;
  devicesMonitored: number;
  /** Why the last batch of statuses and samples could not be written (kept for the next try). */
  storeError: string | null;
  /** Statuses, samples and rollups waiting for the store. */
  pendingRows: number;
  /** Samples dropped (oldest first) because the store was gone too long. */
  droppedSamples: number;
}

const noResult = (id: number, error: string): PingResult => summarize(id, 0, [], error);

/**
 * The ICMP monitoring engine: every cycle it probes the enabled devices through the transport,
 * re-checks the ones that just failed, runs the pure domain rules (hysteresis, flapping,
 * dependencies, maintenance, anomalies), writes statuses, smart-logged samples and rollups in
 * batches, keeps the open alarms in step, and publishes the changes. Cycles never overlap: manual
 * pings, reloads and maintenance changes queue behind the cycle in progress.
 */
export class Monitor {
  private readonly repo: Repository;
  private readonly transport: PingTransport;
  private readonly bus: EventBus;
  private readonly clock: { now(): number };
  private readonly config: MonitorConfig;
  private readonly inventory: Inventory;
  private pingOptions: PingOptions;
  private readonly onError: (error: unknown) => void;
  private readonly alarms: AlarmPort;
  private readonly cycleListeners = new Set<(report: CycleReport) => void>();
  private readonly writes: DurableWrites;
  private readonly retention: RetentionJob;
  private readonly maintenance: MaintenanceControl;
  private readonly scratch: Float64Array;
  private readonly massOutage: MassOutageWatch;
  private trackers = new Map<number, DeviceTracker>();
  private loaded = false;
  private loading: Promise<void> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private interval: IntervalState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the cycle the pending timer follows started (Date.now()), to re-time the wait. */
  private cycleStartedAt = 0;
  private running = false;
  private lastCycleAt: number | null = null;
  private lastCycleMs: number | null = null;

  constructor(options: MonitorOptions) {
    this.repo = options.repo;
    this.transport = options.transport;
    this.bus = options.bus;
    this.clock = options.clock ?? { now: Date.now };
    this.config = resolveMonitorConfig(options.config);
    this.inventory = options.inventory;
    this.pingOptions = PingOptions.parse(this.config.ping);
    this.onError = options.onError ?? ((error) => console.error('monitor cycle failed', error));
    this.alarms = options.alarms;
    this.writes = new DurableWrites(this.repo);
    this.retention = new RetentionJob(this.repo, this.now, () => this.config.retention, this.onError);
    this.maintenance = new MaintenanceControl(this.repo, this.inventory, this.bus, this.now);
    this.scratch = new Float64Array(this.config.anomaly.windowSize);
    this.interval = initialIntervalState(this.config.interval);
    this.massOutage = new MassOutageWatch(() => this.config.massOutage);
  }

  /** Starts the cycle loop and the retention job; the first cycle runs at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // A restart (a new poller term on a shared PostgreSQL) resumes from what the store holds now.
    this.loaded = false;
    this.retention.start();
    this.schedule(0);
  }

  /** Stops the loop; the cycle in progress finishes and every pending row is written. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.retention.stop();
    await this.serial(async () => {
      if (!this.loaded) return;
      await this.flushOpenRollups();
      await this.writes.flush();
    });
  }

  runCycle(): Promise<CycleReport> {
    return this.serial(() => this.cycle(null));
  }

  /**
   * A config changed in Settings, adopted between cycles: the next cycle probes, judges and keeps
   * history by it, and a wait in progress is re-timed to the new interval. The latency baseline
   * keeps the window it started with (its buffers are sized per device): that one needs a restart.
   */
  adopt(input: MonitorConfigInput): Promise<void> {
    return this.serial(async () => {
      const next = resolveMonitorConfig({ ...input, anomaly: this.config.anomaly });
      // Trackers and the retention job hold this very object: changed in place, they follow it.
      Object.assign(this.config, next);
      this.pingOptions = PingOptions.parse(next.ping);
      this.interval = withRule(this.interval, next.interval);
      if (this.timer) {
        clearTimeout(this.timer);
        this.schedule(Math.max(0, this.interval.intervalMs - (Date.now() - this.cycleStartedAt)));
      }
    });
  }

  /** Devices or towers changed (the inventory has them): takes the new list, keeping what it knows of the others. */
  reload(): Promise<void> {
    return this.serial(() => this.ensureLoaded().then(() => this.track(new Map())));
  }

  /** The mass outage going on ("is it us?"), if any. */
  currentMassOutage(): MassOutage | null {
    return this.massOutage.current();
  }

  snapshot(): DeviceStatus[] {
    return [...this.trackers.values()].map((tracker) => tracker.status);
  }

  health(): MonitorHealth {
    return {
      lastCycleAt: this.lastCycleAt,
      lastCycleMs: this.lastCycleMs,
      intervalMs: this.interval.intervalMs,
      devicesMonitored: this.trackers.size,
      storeError: this.writes.error,
      pendingRows: this.writes.pending(),
      droppedSamples: this.writes.dropped,
    };
  }

  /** Probes these devices now, out of the cycle; unknown or disabled ids are skipped. */
  async pingNow(ids: number[]): Promise<void> {
    await this.serial(() => this.cycle(new Set(ids)));
  }

  async startMaintenance(input: z.output<typeof MaintenanceStart>, by: string): Promise<void> {
    await this.serial(async () => {
      await this.ensureLoaded();
      await this.maintenance.start(input, by);
    });
    await this.serial(() => this.cycle(new Set()));
  }

  async endMaintenance(target: MaintenanceScope, by: string): Promise<void> {
    await this.serial(async () => {
      await this.ensureLoaded();
      await this.maintenance.end(target, by);
    });
    await this.serial(() => this.cycle(new Set()));
  }

  async globalMaintenance(): Promise<GlobalMaintenanceValue | null> {
    return this.inventory.globalMaintenance(this.now());
  }

  /** Calls `listener` after every cycle (the engine's health follows it); returns the unsubscribe. */
  onCycle(listener: (report: CycleReport) => void): () => void {
    this.cycleListeners.add(listener);
    return () => this.cycleListeners.delete(listener);
  }

  /** Deletes samples and rollups past retention now (it also runs on its own timer). */
  runRetention(): Promise<RetentionResult> {
    return this.retention.run();
  }

  private readonly now = (): number => this.clock.now();

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** The first time: trackers resume from the statuses the store kept. */
  private async ensureLoaded(): Promise<void> {
    if (this.loaded) return;
    this.loading ??= this.persistedStatuses().then((persisted) => {
      this.track(persisted);
      this.massOutage.resume(this.alarms.openAlarms('icmp'), this.alarms.openAlarms('monitor'));
      this.loaded = true;
    });
    try {
      await this.loading;
    } finally {
      this.loading = null;
    }
  }

  private track(persisted: ReadonlyMap<number, DeviceStatus>): void {
    const trackers = new Map<number, DeviceTracker>();
    const at = this.now();
    for (const device of this.inventory.monitored())
      trackers.set(
        device.id,
        this.trackers.get(device.id) ??
          new DeviceTracker(device.id, this.config, this.scratch, at, persisted.get(device.id)),
      );
    this.trackers = trackers;
  }

  private async persistedStatuses(): Promise<Map<number, DeviceStatus>> {
    return new Map((await this.repo.status.all()).map((status) => [status.deviceId, status]));
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const started = Date.now();
      this.cycleStartedAt = started;
      this.runCycle()
        .catch(this.onError)
        .finally(() => this.schedule(Math.max(0, this.interval.intervalMs - (Date.now() - started))));
    }, delayMs);
  }

  /** `only`: the devices to probe (pingNow, or none to re-evaluate); null for a full cycle. */
  private async cycle(only: ReadonlySet<number> | null): Promise<CycleReport> {
    await this.ensureLoaded();
    const started = performance.now();
    const at = this.now();
    const targets = this.inventory.targets(only);
    const { checked, rechecked } = await this.probe(targets, at);

    const assessment = await assess(this.inventory, this.trackers, checked, at, this.config);
    // Judging a mass outage walks the whole plan again: calls waiting since the assessment go first.
    await nextTurn();
    const verdict = this.massOutage.judge(assessment.plan, assessment.failedRoots, assessment.monitored, at);
    // The devices' alarms first, the mass outage's after: when it ends, the notifications see
    // which of its devices came back before its summary is written.
    const alarmChanges = await this.alarms.reconcile('icmp', verdict.plan.map(desiredAlarm), at, {
      frozen: assessment.frozen,
      scope: (alarm) => this.inventory.polls(alarm),
    });
    await this.alarms.reconcile('monitor', verdict.massOutage, at, {
      scope: (alarm) => alarm.type === outageAlarmTypes.massOutage,
    });
    if (only === null) {
      this.interval = nextInterval(
        this.interval,
        { offline: assessment.offline, changes: assessment.stateChanges },
        this.config.interval,
      );
    }
    this.writes.add(assessment.changed, assessment.samples, assessment.rollups);
    await this.writes.sendWithin();
    if (assessment.changed.length > 0)
      this.bus.publish({ type: 'status.changed', at, statuses: assessment.changed });

    const durationMs = performance.now() - started;
    if (only === null) {
      this.lastCycleAt = at;
      this.lastCycleMs = durationMs;
    }
    const report: CycleReport = {
      ...alarmChanges,
      at,
      durationMs,
      checked: checked.size,
      rechecked,
      changed: assessment.changed.length,
      stateChanges: assessment.stateChanges,
      offline: assessment.offline,
      intervalMs: this.interval.intervalMs,
    };
    for (const listener of this.cycleListeners) listener(report);
    return report;
  }

  /**
   * One probe of every target, then a quick second probe of only those that failed and are not
   * already down: the re-check counts as another check, so with the default of two failures a
   * dead device is confirmed within the cycle rather than one interval later.
   */
  private async probe(
    targets: PingTarget[],
    at: number,
  ): Promise<{ checked: Set<number>; rechecked: number }> {
    const checked = new Set<number>();
    if (targets.length === 0) return { checked, rechecked: 0 };
    const first = await this.runTransport(targets);
    const again: PingTarget[] = [];
    const budget = new TurnBudget();
    for (const [i, target] of targets.entries()) {
      if (budget.due()) await budget.turn();
      const tracker = this.trackers.get(target.id);
      if (!tracker) continue;
      const result = first[i] ?? noResult(target.id, 'sem resposta do pinger / no result');
      tracker.applyCheck(result, at);
      checked.add(target.id);
      if (this.config.recheck && !answered(result) && tracker.reach.health !== 'down') again.push(target);
    }
    if (again.length === 0) return { checked, rechecked: 0 };
    const second = await this.runTransport(again);
    for (const [i, target] of again.entries())
      this.trackers
        .get(target.id)
        ?.applyCheck(second[i] ?? noResult(target.id, 'sem resposta do pinger / no result'), at);
    return { checked, rechecked: again.length };
  }

  /**
   * Each target's result at its index (undefined: none came). Transports answer in the targets'
   * order, so 100,000 results need no map by id; one that answers otherwise is matched by id.
   */
  private async runTransport(targets: PingTarget[]): Promise<(PingResult | undefined)[]> {
    const results = await this.transport.run(targets, this.pingOptions);
    if (results.length === targets.length && results.every((result, i) => result.id === targets[i]!.id))
      return results;
    const byId = new Map(results.map((result) => [result.id, result]));
    return targets.map((target) => byId.get(target.id));
  }

  private async flushOpenRollups(): Promise<void> {
    const rollups = [];
    for (const tracker of this.trackers.values()) {
      const rollup = tracker.rollupSoFar();
      if (rollup) rollups.push(rollup);
    }
    this.writes.add([], [], rollups);
  }
}

const desiredAlarm = ({
  type,
  deviceId,
  towerId,
  severity,
  affected,
  params,
}: PlannedAlarm): DesiredAlarm => ({
  source: 'icmp',
  type,
  subject: { deviceId, towerId, ref: null },
  severity,
  affected,
  params,
});
