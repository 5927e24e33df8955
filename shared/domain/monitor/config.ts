import { defaultMassOutageRule, type MassOutageRule } from '../outage/mass-outage';

/**
 * Every tunable of the ICMP monitor in one place. Defaults come from the systems Vigia replaces
 * (15/30/60 s adaptive interval, a forced sample every 10 min, 20 ms latency change, 30 days of raw
 * samples) where they gave a number, and are chosen and documented here where they did not.
 */
export interface MonitorConfig {
  /** Consecutive failed checks before a device is declared down (a quick re-check counts as one). */
  downAfter: number;
  /** Consecutive answered checks before a down device is declared up again. */
  upAfter: number;
  /** An answering device is degraded at or above this loss… */
  degradedLossPct: number;
  /** …or at or above this average round trip. */
  degradedRttMs: number;
  /** Up/down changes within `flapWindowMs` that make a device flapping. */
  flapChanges: number;
  flapWindowMs: number;
  /** A flapping device is released after this long without a change. */
  flapQuietMs: number;
  /** Share of a tower's devices failing on their own, while the tower answers, that is a sector problem. */
  sectorFailPct: number;
  /** Smaller towers never raise a sector problem: two failures of three devices are just two failures. */
  sectorMinDevices: number;
  /** Re-probe devices that just failed, within the same cycle, before counting them towards down. */
  recheck: boolean;
  anomaly: {
    /** Recent answered round trips kept per device for the rolling median and MAD. */
    windowSize: number;
    /** No anomaly verdicts before this many samples. */
    warmup: number;
    zThreshold: number;
    /** Consecutive samples at or above the threshold to raise (and below it to clear). */
    consecutive: number;
    /** Floor for the MAD so a perfectly steady link does not turn 0.1 ms of noise into z = ∞. */
    madFloorMs: number;
    /** Samples an hour-of-week slot needs before its own baseline replaces the rolling one. */
    seasonalMinSamples: number;
    /** Offset of the operators' local time from UTC, for the hour of the week (Brasília: −180). */
    utcOffsetMinutes: number;
  };
  interval: {
    criticalMs: number;
    unstableMs: number;
    stableMs: number;
    /** Devices down or unreachable that switch to the critical interval. */
    offlineCritical: number;
    /** Cycles without any state change before the stable interval. */
    stableCycles: number;
  };
  smartLog: {
    /** A round trip is logged when it moved by at least this many ms… */
    rttDeltaMs: number;
    /** …and by at least this share of the last logged value. */
    rttDeltaPct: number;
    /** A sample is logged at least this often per device. */
    maxGapMs: number;
  };
  rollupBucketMs: number;
  retention: { samplesMs: number; rollupsMs: number; historyMs: number; everyMs: number };
  /** When many devices failing at once are one mass outage ("is it us?"). */
  massOutage: MassOutageRule;
  /** Passed to the pinger; see PingOptions in shared/contract/pinger.ts. */
  ping: { count: number; timeoutMs: number; retries: number; ppsGlobal: number; ppsPerTower: number };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const defaultMonitorConfig: MonitorConfig = {
  downAfter: 2,
  upAfter: 2,
  degradedLossPct: 20,
  degradedRttMs: 250,
  flapChanges: 5,
  flapWindowMs: 10 * MINUTE,
  flapQuietMs: 10 * MINUTE,
  sectorFailPct: 50,
  sectorMinDevices: 4,
  recheck: true,
  anomaly: {
    windowSize: 60,
    warmup: 30,
    zThreshold: 3,
    consecutive: 3,
    madFloorMs: 0.5,
    seasonalMinSamples: 30,
    utcOffsetMinutes: -180,
  },
  interval: { criticalMs: 15_000, unstableMs: 30_000, stableMs: 60_000, offlineCritical: 5, stableCycles: 3 },
  smartLog: { rttDeltaMs: 20, rttDeltaPct: 50, maxGapMs: 10 * MINUTE },
  rollupBucketMs: 5 * MINUTE,
  retention: { samplesMs: 30 * DAY, rollupsMs: 365 * DAY, historyMs: 1_095 * DAY, everyMs: 60 * MINUTE },
  ping: { count: 3, timeoutMs: 1_000, retries: 0, ppsGlobal: 20_000, ppsPerTower: 200 },
  massOutage: defaultMassOutageRule,
};

type Nested = 'anomaly' | 'interval' | 'smartLog' | 'retention' | 'ping' | 'massOutage';

/** What callers may pass: any top-level value, and any part of the nested groups. */
export type MonitorConfigInput = Partial<Omit<MonitorConfig, Nested>> & {
  [K in Nested]?: Partial<MonitorConfig[K]>;
};

export function resolveMonitorConfig(input: MonitorConfigInput = {}): MonitorConfig {
  const config: MonitorConfig = {
    ...defaultMonitorConfig,
    ...input,
    anomaly: { ...defaultMonitorConfig.anomaly, ...input.anomaly },
    interval: { ...defaultMonitorConfig.interval, ...input.interval },
    smartLog: { ...defaultMonitorConfig.smartLog, ...input.smartLog },
    retention: { ...defaultMonitorConfig.retention, ...input.retention },
    ping: { ...defaultMonitorConfig.ping, ...input.ping },
    massOutage: { ...defaultMonitorConfig.massOutage, ...input.massOutage },
  };
  const problem = monitorConfigProblem(config);
  if (problem) throw new RangeError(`Configuração do monitor inválida / invalid monitor config: ${problem}`);
  return config;
}

function monitorConfigProblem(c: MonitorConfig): string | null {
  const counts: [string, number][] = [
    ['downAfter', c.downAfter],
    ['upAfter', c.upAfter],
    ['flapChanges', c.flapChanges],
    ['anomaly.consecutive', c.anomaly.consecutive],
    ['anomaly.windowSize', c.anomaly.windowSize],
    ['interval.stableCycles', c.interval.stableCycles],
  ];
  for (const [name, value] of counts)
    if (!Number.isInteger(value) || value < 1) return `${name} must be a whole number ≥ 1`;
  if (c.anomaly.warmup > c.anomaly.windowSize) return 'anomaly.warmup cannot exceed anomaly.windowSize';
  const spans: [string, number][] = [
    ['interval.criticalMs', c.interval.criticalMs],
    ['interval.unstableMs', c.interval.unstableMs],
    ['interval.stableMs', c.interval.stableMs],
    ['rollupBucketMs', c.rollupBucketMs],
    ['retention.everyMs', c.retention.everyMs],
  ];
  for (const [name, value] of spans) if (!(value > 0)) return `${name} must be positive`;
  if (c.sectorFailPct <= 0 || c.sectorFailPct > 100) return 'sectorFailPct must be in (0, 100]';
  return null;
}
