import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { Repository } from '../store/repository';
import {
  SNMP_THRESHOLDS_KEY,
  defaultSnmpThresholds,
  type SnmpThresholdOverrides,
} from '../../../shared/domain/snmp/thresholds';

export type SnmpLimitsHandlers = Pick<ApiHandlers, 'snmp.limits.get' | 'snmp.limits.set'>;

/**
 * The alarm levels an operator sets per tower or device; the SNMP monitor reads the overrides at
 * every round, so a saved level applies to the next one.
 */
export function snmpLimitsHandlers(repo: Repository, now: () => number): SnmpLimitsHandlers {
  const overrides = async () =>
    ((await repo.settings.get(SNMP_THRESHOLDS_KEY)) ?? {}) as SnmpThresholdOverrides;
  return {
    'snmp.limits.get': async ({ scope, id }) => {
      const own = (await overrides())[scope]?.[String(id)];
      return {
        utilizationPct: own?.utilizationPct?.raiseAt ?? defaultSnmpThresholds.utilizationPct.raiseAt,
        signalDbm: own?.signalDbm?.raiseAt ?? defaultSnmpThresholds.signalDbm.raiseAt,
      };
    },
    // Stored with the default hysteresis below each level (10 points, 3 dB).
    'snmp.limits.set': async ({ scope, id, limits }, caller) => {
      const stored = await overrides();
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
      await repo.settings.set(SNMP_THRESHOLDS_KEY, {
        ...stored,
        [scope]: { ...stored[scope], [String(id)]: own },
      });
      await repo.audit.add({
        at: now(),
        actor: caller.name,
        action: 'snmp.limits.set',
        target: `${scope}:${id}`,
        details: JSON.stringify(limits),
      });
    },
  };
}
