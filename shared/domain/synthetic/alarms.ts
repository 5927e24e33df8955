import type { Severity } from '../../contract/entities';
import type { ProbeSpec, SyntheticCheck } from '../../contract/synthetic';

/** Failures in a row before a check raises its alarm: one lost packet is not an outage. */
export const FAILURES_TO_ALARM = 2;
export const syntheticAlarmType = 'check_failed';

/** The alarm a failing check stands for, shaped as the alarm port's DesiredAlarm. */
export interface SyntheticAlarm {
  source: 'synthetic';
  type: typeof syntheticAlarmType;
  subject: { deviceId: null; towerId: null; ref: string };
  severity: Severity;
  params: {
    name: string;
    kind: ProbeSpec['kind'];
    target: string;
    /** The failure's code, worded in the reader's language by `alarm.synthetic.reason.<code>`. */
    reason: string;
    /** The probe's own words after the reason (" (503)"), or nothing. */
    detail: string;
    failures: number;
  };
}

export const checkRef = (checkId: number): string => `synthetic:check:${checkId}`;

/** What a check points at, in one line: the URL, `host:port`, or `name @ resolver, resolver`. */
export function targetOf(spec: ProbeSpec): string {
  switch (spec.kind) {
    case 'http':
      return spec.url;
    case 'tcp':
      return `${spec.host}:${spec.port}`;
    case 'dns':
      return `${spec.query} ${spec.recordType} @ ${spec.resolvers.join(', ')}`;
  }
}

/**
 * The synthetic alarms that should be open: one per enabled check whose newest results failed
 * FAILURES_TO_ALARM times in a row. A disabled check has none (its alarm clears), and the first
 * success clears it.
 */
export function syntheticAlarms(checks: readonly SyntheticCheck[]): SyntheticAlarm[] {
  return checks
    .filter((check) => check.enabled && check.last && !check.last.ok && check.failStreak >= FAILURES_TO_ALARM)
    .map((check) => ({
      source: 'synthetic',
      type: syntheticAlarmType,
      subject: { deviceId: null, towerId: null, ref: checkRef(check.id) },
      severity: check.severity,
      params: {
        name: check.name,
        kind: check.spec.kind,
        target: targetOf(check.spec),
        reason: check.last!.error ?? 'failed',
        detail: check.last!.detail ? ` (${check.last!.detail})` : '',
        failures: check.failStreak,
      },
    }));
}

/** Which enabled checks are due at `now`: never run, or their interval has passed since the last run. */
export function dueChecks(checks: readonly SyntheticCheck[], now: number): SyntheticCheck[] {
  return checks.filter(
    (check) => check.enabled && (!check.last || now - check.last.at >= check.intervalS * 1000),
  );
}
