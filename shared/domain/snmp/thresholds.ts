/**
 * Threshold rules with hysteresis for SNMP measurements: an alarm is raised after the value has
 * been past `raiseAt` for `consecutive` polls, and cleared only once it is back past `clearAt`
 * for as many polls, so a link hovering at the limit does not flap an alarm.
 */
export interface ThresholdRule {
  direction: 'above' | 'below';
  raiseAt: number;
  clearAt: number;
  consecutive: number;
}

export interface ThresholdState {
  active: boolean;
  /** Consecutive polls pointing the other way from the current state. */
  streak: number;
}

export type ThresholdTransition = 'raise' | 'clear' | null;

export const snmpMetrics = ['utilizationPct', 'signalDbm', 'errorsPerSec'] as const;
export type SnmpMetric = (typeof snmpMetrics)[number];
export type SnmpThresholds = Record<SnmpMetric, ThresholdRule>;

export const defaultSnmpThresholds: SnmpThresholds = {
  utilizationPct: { direction: 'above', raiseAt: 90, clearAt: 80, consecutive: 2 },
  signalDbm: { direction: 'below', raiseAt: -75, clearAt: -72, consecutive: 3 },
  errorsPerSec: { direction: 'above', raiseAt: 1, clearAt: 0.5, consecutive: 2 },
};

export const initialThresholdState: ThresholdState = { active: false, streak: 0 };

/** Why a rule is unusable, or null when it is sound. */
export function thresholdRuleProblem(rule: ThresholdRule): string | null {
  if (!Number.isFinite(rule.raiseAt) || !Number.isFinite(rule.clearAt)) return 'limits must be numbers';
  if (!Number.isInteger(rule.consecutive) || rule.consecutive < 1)
    return 'consecutive polls must be a whole number ≥ 1';
  const ordered = rule.direction === 'above' ? rule.clearAt <= rule.raiseAt : rule.clearAt >= rule.raiseAt;
  return ordered ? null : `the clear level must be on the safe side of the raise level (${rule.direction})`;
}

const isBad = (rule: ThresholdRule, value: number): boolean =>
  rule.direction === 'above' ? value >= rule.raiseAt : value <= rule.raiseAt;
const isGood = (rule: ThresholdRule, value: number): boolean =>
  rule.direction === 'above' ? value <= rule.clearAt : value >= rule.clearAt;

/** One poll's value through the rule. A missing value (not measured) changes nothing. */
export function evaluateThreshold(
  rule: ThresholdRule,
  state: ThresholdState,
  value: number | null,
): { state: ThresholdState; transition: ThresholdTransition } {
  if (value === null || !Number.isFinite(value)) return { state, transition: null };
  const pointsAway = state.active ? isGood(rule, value) : isBad(rule, value);
  if (!pointsAway) return { state: { active: state.active, streak: 0 }, transition: null };
  const streak = state.streak + 1;
  if (streak < rule.consecutive) return { state: { active: state.active, streak }, transition: null };
  return { state: { active: !state.active, streak: 0 }, transition: state.active ? 'clear' : 'raise' };
}

/** Device overrides win over tower overrides, which win over the global rules. */
export function resolveThresholds(
  global: SnmpThresholds,
  tower?: Partial<SnmpThresholds>,
  device?: Partial<SnmpThresholds>,
): SnmpThresholds {
  return { ...global, ...tower, ...device };
}

/** The setting that holds threshold overrides per tower and per device (ids as keys). */
export const SNMP_THRESHOLDS_KEY = 'snmp.thresholds';

export interface SnmpThresholdOverrides {
  towers?: Record<string, Partial<SnmpThresholds>>;
  devices?: Record<string, Partial<SnmpThresholds>>;
}

/** The rules that apply to one device, from the stored overrides; an unusable override is ignored. */
export function thresholdsForDevice(
  overrides: SnmpThresholdOverrides | null | undefined,
  deviceId: number,
  towerId: number | null,
): SnmpThresholds {
  const sound = (rules: Partial<SnmpThresholds> | undefined): Partial<SnmpThresholds> =>
    Object.fromEntries(
      Object.entries(rules ?? {}).filter(
        ([metric, rule]) =>
          snmpMetrics.includes(metric as SnmpMetric) && rule && thresholdRuleProblem(rule) === null,
      ),
    );
  return resolveThresholds(
    defaultSnmpThresholds,
    sound(towerId === null ? undefined : overrides?.towers?.[String(towerId)]),
    sound(overrides?.devices?.[String(deviceId)]),
  );
}
