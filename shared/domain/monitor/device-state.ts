import type { DeviceState } from '../../contract/entities';
import { rootCauseKey, type RootCause } from './dependencies';
import type { Health } from './reachability';

export interface DeviceVerdictInput {
  id: number;
  health: Health;
  degraded: boolean;
  flapping: boolean;
  inMaintenance: boolean;
  /** The root cause of a failed device (see resolveOutages); undefined when it did not fail. */
  root: RootCause | undefined;
}

/**
 * What the operator sees, in order of precedence: maintenance, flapping, then the failure
 * (unreachable when something upstream explains it, down when the device itself is the cause),
 * then degraded, up, unknown. `cause` names the root of an unreachable device as `tower:<id>` or
 * `device:<id>`.
 */
export function deviceVerdict(input: DeviceVerdictInput): { state: DeviceState; cause: string | null } {
  if (input.inMaintenance) return { state: 'maintenance', cause: null };
  if (input.flapping) return { state: 'flapping', cause: null };
  if (input.health === 'down') {
    const root = input.root;
    if (root && !(root.kind === 'device' && root.id === input.id))
      return { state: 'unreachable', cause: rootCauseKey(root) };
    return { state: 'down', cause: null };
  }
  if (input.health === 'up') return { state: input.degraded ? 'degraded' : 'up', cause: null };
  return { state: 'unknown', cause: null };
}

/** Offline for the adaptive interval: down or unreachable (maintenance does not count). */
export const isOffline = (state: DeviceState): boolean => state === 'down' || state === 'unreachable';
