import {
  SNMP_THRESHOLDS_KEY,
  defaultSnmpThresholds,
  type SnmpThresholdOverrides,
} from '../../../shared/domain/snmp/thresholds';
import { getClient } from '../client';
import { operatorName } from './operator';

export type LimitScope = 'towers' | 'devices';

export interface Limits {
  utilizationPct: number;
  signalDbm: number;
}

/** The utilisation and signal alarm levels set for one tower or device, or the defaults. */
export async function readLimits(scope: LimitScope, id: number): Promise<Limits> {
  const settings = await getClient().invoke('settings.get', undefined);
  const own = (settings[SNMP_THRESHOLDS_KEY] as SnmpThresholdOverrides | undefined)?.[scope]?.[String(id)];
  return {
    utilizationPct: own?.utilizationPct?.raiseAt ?? defaultSnmpThresholds.utilizationPct.raiseAt,
    signalDbm: own?.signalDbm?.raiseAt ?? defaultSnmpThresholds.signalDbm.raiseAt,
  };
}

/** Stores them, with the default hysteresis below each level (10 points, 3 dB). */
export async function saveLimits(scope: LimitScope, id: number, limits: Limits): Promise<void> {
  const client = getClient();
  const settings = await client.invoke('settings.get', undefined);
  const overrides = (settings[SNMP_THRESHOLDS_KEY] as SnmpThresholdOverrides | undefined) ?? {};
  const own = {
    utilizationPct: {
      ...defaultSnmpThresholds.utilizationPct,
      raiseAt: limits.utilizationPct,
      clearAt: limits.utilizationPct - 10,
    },
    signalDbm: {
      ...defaultSnmpThresholds.signalDbm,
      raiseAt: limits.signalDbm,
      clearAt: limits.signalDbm + 3,
    },
  };
  const value = { ...overrides, [scope]: { ...overrides[scope], [String(id)]: own } };
  await client.invoke('settings.set', { key: SNMP_THRESHOLDS_KEY, value, by: operatorName() });
}
