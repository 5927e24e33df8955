import type { EngineHealth } from '../../contract/events';
import type { HealthReason, HealthVerdict } from '../../contract/observability';

/** A monitoring cycle later than this many intervals means monitoring has stalled. */
export const LATE_CYCLE_FACTOR = 2;
/** How long after start a missing first cycle is still "starting" rather than late. */
const FIRST_CYCLE_GRACE_FACTOR = 3;

/**
 * Whether Vigia is doing its job right now: the store answers, every collector process runs, and
 * the ICMP cycle is not later than twice its interval. /health answers 503 with these reasons.
 */
export function healthVerdict(health: EngineHealth, now: number): HealthVerdict {
  const reasons: HealthReason[] = [];
  if (!health.storeOk) reasons.push({ code: 'store_down', params: { error: health.storeError ?? '' } });
  for (const worker of health.workers) {
    if (worker.state !== 'running' && worker.state !== 'starting') {
      reasons.push({ code: 'worker_down', params: { worker: worker.name, state: worker.state } });
    }
  }
  if (health.devicesMonitored > 0) {
    const since = health.lastCycleAt ?? health.startedAt;
    const late = now - since;
    const limit =
      health.lastCycleAt === null
        ? health.intervalMs * FIRST_CYCLE_GRACE_FACTOR
        : health.intervalMs * LATE_CYCLE_FACTOR;
    if (late > limit) {
      reasons.push({
        code: health.lastCycleAt === null ? 'starting' : 'cycle_late',
        params: { seconds: Math.round(late / 1000), intervalS: Math.round(health.intervalMs / 1000) },
      });
    }
  }
  return { ok: reasons.length === 0, reasons };
}
