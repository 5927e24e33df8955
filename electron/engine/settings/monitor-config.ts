import type { MonitorSettings, RetentionSettings } from '../../../shared/contract/settings';
import type { MonitorConfigInput } from '../../../shared/domain/monitor/config';

const DAY_MS = 86_400_000;

/** The ICMP monitor's config from the operator's settings (the rest keeps its defaults). */
export function monitorConfigFrom(
  monitor: MonitorSettings,
  retention: RetentionSettings,
): MonitorConfigInput {
  return {
    downAfter: monitor.downAfter,
    upAfter: monitor.upAfter,
    degradedLossPct: monitor.degradedLossPct,
    degradedRttMs: monitor.degradedRttMs,
    recheck: monitor.recheck,
    anomaly: { windowSize: monitor.anomalyWindow },
    interval: {
      criticalMs: monitor.criticalS * 1_000,
      unstableMs: monitor.unstableS * 1_000,
      stableMs: monitor.stableS * 1_000,
      offlineCritical: monitor.offlineCritical,
      stableCycles: monitor.stableCycles,
    },
    retention: {
      samplesMs: retention.samplesDays * DAY_MS,
      rollupsMs: retention.rollupsDays * DAY_MS,
      historyMs: retention.historyDays * DAY_MS,
    },
    massOutage: {
      startPct: monitor.massOutagePct,
      endPct: monitor.massOutageEndPct,
      minDevices: monitor.massOutageMinDevices,
    },
    ping: {
      count: monitor.probes,
      timeoutMs: monitor.timeoutMs,
      retries: monitor.retries,
      ppsGlobal: monitor.ppsGlobal,
      ppsPerTower: monitor.ppsPerTower,
    },
  };
}
