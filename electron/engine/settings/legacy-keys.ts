import { NOTIFY_PAUSED_KEY } from '../../../shared/domain/notify/defaults';
import type { SettingsGroup } from '../../../shared/contract/settings';

type Stored = Record<string, unknown>;

const record = (value: unknown): Stored =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stored) : {};

const seconds = (ms: unknown): unknown => (typeof ms === 'number' ? ms / 1_000 : undefined);

const DAY_MS = 86_400_000;
const days = (ms: unknown): unknown => (typeof ms === 'number' ? Math.round(ms / DAY_MS) : undefined);

/** The free-form keys earlier versions wrote, and the groups their values now belong to. */
export const legacyKeys: Record<string, readonly SettingsGroup[]> = {
  'monitor.config': ['monitor', 'retention'],
  'ui.language': ['ui'],
  'ui.operator': ['ui'],
  'ui.theme': ['ui'],
  'map.tileUrl': ['map'],
  [NOTIFY_PAUSED_KEY]: ['notifications'],
};

/**
 * A group's fields as the old keys held them (undefined where they said nothing); the caller
 * reads the result like any stored value, so whatever is invalid falls back to its default.
 */
export function groupFromLegacy(group: SettingsGroup, stored: Stored): Stored {
  const monitor = record(stored['monitor.config']);
  const interval = record(monitor.interval);
  const ping = record(monitor.ping);
  const retention = record(monitor.retention);
  switch (group) {
    case 'monitor':
      return {
        criticalS: seconds(interval.criticalMs),
        unstableS: seconds(interval.unstableMs),
        stableS: seconds(interval.stableMs),
        offlineCritical: interval.offlineCritical,
        stableCycles: interval.stableCycles,
        probes: ping.count,
        timeoutMs: ping.timeoutMs,
        retries: ping.retries,
        ppsGlobal: ping.ppsGlobal,
        ppsPerTower: ping.ppsPerTower,
        downAfter: monitor.downAfter,
        upAfter: monitor.upAfter,
        degradedLossPct: monitor.degradedLossPct,
        degradedRttMs: monitor.degradedRttMs,
        recheck: monitor.recheck,
        anomalyWindow: record(monitor.anomaly).windowSize,
      };
    case 'retention':
      return { samplesDays: days(retention.samplesMs), rollupsDays: days(retention.rollupsMs) };
    case 'ui':
      return { language: stored['ui.language'], operator: stored['ui.operator'], theme: stored['ui.theme'] };
    case 'map':
      return { tileUrl: stored['map.tileUrl'] };
    case 'notifications':
      return { paused: stored[NOTIFY_PAUSED_KEY] };
    case 'snmp':
      return {};
  }
}
