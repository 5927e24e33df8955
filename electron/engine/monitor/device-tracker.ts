import type { DeviceStatus, PingRollup, PingSample } from '../../../shared/contract/entities';
import type { PingResult } from '../../../shared/contract/pinger';
import { LatencyAnomalyDetector } from '../../../shared/domain/monitor/anomaly';
import type { MonitorConfig } from '../../../shared/domain/monitor/config';
import {
  initialFlapState,
  recordHealthChange,
  settleFlapping,
  type FlapState,
} from '../../../shared/domain/monitor/flapping';
import {
  initialQuality,
  initialReachability,
  isPoorQuality,
  stepQuality,
  stepReachability,
  type Quality,
  type Reachability,
} from '../../../shared/domain/monitor/reachability';
import { addToRollup, toRollup, type RollupAccumulator } from '../../../shared/domain/monitor/rollup';
import { storedMs, storedPct } from '../../../shared/domain/monitor/precision';
import { shouldLogSample, type LoggedPoint } from '../../../shared/domain/monitor/smart-log';

export const answered = (result: PingResult): boolean => result.error === null && result.received > 0;

/**
 * Everything the monitor remembers about one device between cycles. Kept small and flat: there
 * may be 10,000 of them.
 */
export class DeviceTracker {
  reach: Reachability = initialReachability;
  quality: Quality = initialQuality;
  flap: FlapState = initialFlapState;
  /** Whether the device was its own root cause of failure at the last evaluation (null: not yet judged). */
  private ownFailure: boolean | null = null;
  readonly anomaly: LatencyAnomalyDetector;
  rollup: RollupAccumulator | null = null;
  lastLogged: LoggedPoint | null = null;
  /** The final check of the device in the current cycle, if it was checked. */
  lastResult: PingResult | null = null;
  status: DeviceStatus;

  constructor(
    readonly id: number,
    private readonly config: MonitorConfig,
    scratch: Float64Array,
    since: number,
    persisted?: DeviceStatus,
  ) {
    this.anomaly = new LatencyAnomalyDetector(config.anomaly, scratch);
    this.status = persisted ?? {
      deviceId: id,
      state: 'unknown',
      since,
      lastCheck: null,
      rttMs: null,
      lossPct: null,
      cause: null,
    };
    // Resuming after a restart: a device stored as failed stays failed until it answers again, so
    // restarting the app does not clear and re-raise its alarm.
    if (persisted && (persisted.state === 'down' || persisted.state === 'unreachable'))
      this.reach = { health: 'down', failStreak: config.downAfter, okStreak: 0 };
    else if (persisted && (persisted.state === 'up' || persisted.state === 'degraded'))
      this.reach = { health: 'up', failStreak: 0, okStreak: config.upAfter };
  }

  /** Feeds one check (a first probe or its quick re-check). */
  applyCheck(result: PingResult, at: number): void {
    const ok = answered(result);
    this.reach = stepReachability(this.reach, ok, this.config);
    this.quality = stepQuality(this.quality, ok ? isPoorQuality(result, this.config) : null, this.config);
    if (ok && result.avgMs !== null) this.anomaly.observe(result.avgMs, at);
    this.lastResult = result;
  }

  /**
   * Counts a flap when the device's own failure starts or ends. Only failures the device is the
   * root cause of count: children of a flapping parent bounce with it, but the flapping is the
   * parent's, so the parent alone holds the flapping alarm.
   */
  noteOwnFailure(ownFailure: boolean, at: number): void {
    if (this.ownFailure !== null && this.ownFailure !== ownFailure)
      this.flap = recordHealthChange(this.flap, at, this.config);
    if (this.reach.health !== 'unknown') this.ownFailure = ownFailure;
    this.flap = settleFlapping(this.flap, at, this.config);
  }

  /** Adds the cycle's final check to the rollup; returns a finished bucket when one closed. */
  addToRollup(at: number, inMaintenance: boolean): RollupAccumulator | null {
    const result = this.lastResult;
    if (!result) return null;
    const { acc, finished } = addToRollup(
      this.rollup,
      {
        at,
        answered: answered(result),
        lossPct: result.lossPct,
        avgMs: result.avgMs,
        minMs: result.minMs,
        maxMs: result.maxMs,
        inMaintenance,
      },
      this.config.rollupBucketMs,
    );
    this.rollup = acc;
    return finished;
  }

  /** The bucket still filling, as it stands (written on stop so nothing is lost). */
  rollupSoFar(): PingRollup | null {
    return this.rollup && toRollup(this.id, this.rollup);
  }

  /** The raw sample to write for this cycle's check, when smart logging says it is worth one. */
  sampleToLog(at: number): PingSample | null {
    const result = this.lastResult;
    if (!result) return null;
    const rttMs = answered(result) ? result.avgMs : null;
    const point: LoggedPoint = { at, state: this.status.state, rttMs };
    if (!shouldLogSample(this.lastLogged, point, this.config.smartLog)) return null;
    this.lastLogged = point;
    return {
      deviceId: this.id,
      at,
      rttMs: storedMs(rttMs),
      minMs: storedMs(result.minMs),
      maxMs: storedMs(result.maxMs),
      jitterMs: storedMs(result.jitterMs),
      lossPct: storedPct(result.lossPct),
      state: this.status.state,
    };
  }
}
