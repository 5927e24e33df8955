import type { Severity } from '../../contract/entities';
import { outageAlarmTypes } from './causes';

export interface UplinkFacts {
  down: boolean;
  /** When the uplink checks started failing (epoch ms). */
  since: number;
  failing: readonly string[];
}

/** The one "NOC uplink down" alarm the uplink's state calls for, or none while it answers. */
export function uplinkAlarm(
  uplink: UplinkFacts,
): { type: typeof outageAlarmTypes.uplinkDown; severity: Severity; params: { failing: string } } | null {
  if (!uplink.down) return null;
  return {
    type: outageAlarmTypes.uplinkDown,
    severity: 'critical',
    params: { failing: uplink.failing.join(', ') },
  };
}

/** An ISO time from the uplink checks as epoch ms, never after `now`; `now` when it does not parse. */
export function uplinkSince(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? Math.min(at, now) : now;
}
