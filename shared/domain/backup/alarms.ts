import type { BackupFailure } from '../../contract/backup-worker';
import type { Severity } from '../../contract/entities';

/** An alarm the backup wants open (the shape of the engine's DesiredAlarm). */
export interface BackupAlarm {
  source: 'backup';
  type: BackupAlarmType;
  subject: { deviceId: number; towerId: null; ref: null };
  severity: Severity;
  params: Readonly<Record<string, string | number>>;
}

export const backupAlarmTypes = [
  'failed',
  'host-key-changed',
  'jump-host-key-changed',
  'config-changed',
] as const;
export type BackupAlarmType = (typeof backupAlarmTypes)[number];

export interface BackupAlarmInput {
  deviceId: number;
  deviceName: string;
  /** The run's failure; null when it succeeded. */
  failure: BackupFailure | null;
  knownHostKey: string | null;
  /** A key the device showed that differs from the trusted one, not yet trusted. */
  offeredHostKey: string | null;
  /** The jump host the device is reached through, with its trusted key and one waiting, if any. */
  jump: { host: string; knownHostKey: string | null; offeredHostKey: string | null } | null;
  /** The version this run stored when the configuration changed (not the device's first one). */
  change: { versionId: number; previousVersionId: number; added: number; removed: number } | null;
}

export interface BackupAlarmPlan {
  raise: BackupAlarm[];
  clear: BackupAlarmType[];
}

/** Where the UI shows a version's diff against the one before it. */
export const diffLink = (deviceId: number, versionId: number, previousVersionId: number) =>
  `#/backups?device=${deviceId}&from=${previousVersionId}&to=${versionId}`;

/**
 * What one run of a device means for its alarms. A failure raises "failed" (a changed host key
 * raises its own, major alarm instead, and so does a changed key on the jump host the device is
 * reached through); success clears it. A changed configuration raises
 * "configuration changed" with the diff's size and a link to it; the next run that finds it
 * unchanged clears it. A cancelled run changes nothing.
 */
export function planBackupAlarms(input: BackupAlarmInput): BackupAlarmPlan {
  const subject = { deviceId: input.deviceId, towerId: null, ref: null } as const;
  const alarm = (type: BackupAlarmType, severity: Severity, params: BackupAlarm['params']): BackupAlarm => ({
    source: 'backup',
    type,
    subject,
    severity,
    params: { device: input.deviceName, ...params },
  });
  const plan: BackupAlarmPlan = { raise: [], clear: [] };
  if (input.failure?.code === 'cancelled') return plan;

  if (input.offeredHostKey !== null) {
    plan.raise.push(
      alarm('host-key-changed', 'major', { trusted: input.knownHostKey ?? '', shown: input.offeredHostKey }),
    );
  } else plan.clear.push('host-key-changed');

  if (input.jump?.offeredHostKey) {
    plan.raise.push(
      alarm('jump-host-key-changed', 'major', {
        host: input.jump.host,
        trusted: input.jump.knownHostKey ?? '',
        shown: input.jump.offeredHostKey,
      }),
    );
  } else plan.clear.push('jump-host-key-changed');

  const keyFailure =
    input.failure?.code === 'host_key_changed' || input.failure?.code === 'jump_host_key_changed';
  if (input.failure && !keyFailure) {
    plan.raise.push(alarm('failed', 'minor', { code: input.failure.code, detail: input.failure.detail }));
  } else if (!input.failure) plan.clear.push('failed');

  if (input.change) {
    const { versionId, previousVersionId, added, removed } = input.change;
    plan.raise.push(
      alarm('config-changed', 'warning', {
        added,
        removed,
        versionId,
        link: diffLink(input.deviceId, versionId, previousVersionId),
      }),
    );
  } else if (!input.failure) plan.clear.push('config-changed');
  return plan;
}
