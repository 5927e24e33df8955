import type { SnmpLimits } from '../../../shared/contract/settings';
import { getClient } from '../client';
import { operatorName } from './operator';

export type LimitScope = 'towers' | 'devices';
export type Limits = SnmpLimits;

/** The utilisation and signal alarm levels set for one tower or device, or the defaults. */
export function readLimits(scope: LimitScope, id: number): Promise<Limits> {
  return getClient().invoke('snmp.limits.get', { scope, id });
}

/** Stores them; the engine keeps the default hysteresis below each level. */
export function saveLimits(scope: LimitScope, id: number, limits: Limits): Promise<void> {
  return getClient().invoke('snmp.limits.set', { scope, id, limits, by: operatorName() });
}
