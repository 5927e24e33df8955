import { z } from 'zod';
import { epochMs } from './entities';
import { BackupFailureCode, SshAuth } from './backup-worker';

/** The vendor families Vigia knows how to back up, and the one an operator defines. */
export const builtInProfileIds = [
  'cisco-ios',
  'huawei-vrp',
  'mikrotik-routeros6',
  'mikrotik-routeros7',
  'juniper-junos',
  'ubiquiti-edgeos',
  'ubiquiti-airos',
  'datacom-dmos',
] as const;
export const backupProfileIds = [...builtInProfileIds, 'generic'] as const;
export const BackupProfileId = z.enum(backupProfileIds);
export type BackupProfileId = z.infer<typeof BackupProfileId>;

const deviceId = z.number().int().positive();

/** A regular expression the operator typed: it must compile. */
const pattern = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'backup.invalidPattern' },
  );

/** Five-field cron ("0 3 * * *"): minute, hour, day of month, month, day of week. */
export const CronExpression = z
  .string()
  .trim()
  .regex(/^\S+(\s+\S+){4}$/, { message: 'backup.invalidSchedule' });

export const GenericProfileInput = z.object({
  prompt: pattern,
  pagingOff: z.array(z.string().trim().min(1).max(200)).max(10),
  commands: z.array(z.string().trim().min(1).max(300)).min(1).max(10),
  pager: pattern.nullable(),
  configEnd: pattern.nullable(),
  volatile: z.array(pattern).max(30),
  /** Privileged mode for gear that needs it ("enable", Huawei's "super"); its secret is the target's. */
  enable: z
    .object({
      command: z.string().trim().min(1).max(100),
      passwordPrompt: pattern,
      privilegedPrompt: pattern,
    })
    .nullable()
    .default(null),
});
export type GenericProfileInput = z.infer<typeof GenericProfileInput>;

export const BackupJumpInput = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65_535).default(22),
  username: z.string().trim().min(1).max(128),
  /** Omitted: keep the stored one (only while host and user stay the same). */
  auth: SshAuth.optional(),
});

/** A device's backup settings as the operator edits them. Omitted secrets keep the stored ones. */
export const BackupTargetInput = z.object({
  deviceId,
  enabled: z.boolean(),
  profile: BackupProfileId,
  generic: GenericProfileInput.nullable().default(null),
  port: z.number().int().min(1).max(65_535).default(22),
  username: z.string().trim().min(1).max(128),
  auth: SshAuth.optional(),
  /** Null removes it; omitted keeps it. */
  enableSecret: z.string().min(1).max(512).nullable().optional(),
  jump: BackupJumpInput.nullable().default(null),
  legacyCrypto: z.boolean().default(false),
  maskSecrets: z.boolean().default(false),
  schedule: CronExpression.nullable().default(null),
});
export type BackupTargetInput = z.input<typeof BackupTargetInput>;

export const BackupFailureView = z.object({ code: BackupFailureCode, detail: z.string() });

/** What the UI sees of a device's backup: never a secret, only whether one is set. */
export const BackupTargetSummary = z.object({
  deviceId,
  enabled: z.boolean(),
  profile: BackupProfileId,
  generic: GenericProfileInput.nullable(),
  port: z.number().int(),
  username: z.string(),
  authKind: z.enum(['password', 'key']),
  secretSet: z.boolean(),
  enableSecretSet: z.boolean(),
  jump: z
    .object({
      host: z.string(),
      port: z.number().int(),
      username: z.string(),
      secretSet: z.boolean(),
      knownHostKey: z.string().nullable(),
      offeredHostKey: z.string().nullable(),
    })
    .nullable(),
  legacyCrypto: z.boolean(),
  maskSecrets: z.boolean(),
  schedule: z.string().nullable(),
  /** The address the credentials were entered for; another one needs the operator's word. */
  boundHost: z.string(),
  knownHostKey: z.string().nullable(),
  offeredHostKey: z.string().nullable(),
});
export type BackupTargetSummary = z.infer<typeof BackupTargetSummary>;

/** One row of the Backups page. */
export const BackupRow = z.object({
  deviceId,
  deviceName: z.string(),
  host: z.string(),
  profile: BackupProfileId,
  enabled: z.boolean(),
  lastRunAt: epochMs.nullable(),
  lastOkAt: epochMs.nullable(),
  failure: BackupFailureView.nullable(),
  versions: z.number().int().nonnegative(),
  lastChangeAt: epochMs.nullable(),
  /** Weak algorithms the device still needs. */
  weakCrypto: z.array(z.string()),
  hostKeyPending: z.boolean(),
  addressChanged: z.boolean(),
  running: z.boolean(),
});
export type BackupRow = z.infer<typeof BackupRow>;

export const BackupCounts = z.object({
  configured: z.number().int().nonnegative(),
  failing: z.number().int().nonnegative(),
  /** No good backup for more than a day (or never). */
  stale: z.number().int().nonnegative(),
  weakCrypto: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

export const BackupVersionInfo = z.object({
  id: z.number().int().positive(),
  deviceId,
  takenAt: epochMs,
  hash: z.string(),
  bytes: z.number().int().nonnegative(),
  linesAdded: z.number().int().nonnegative(),
  linesRemoved: z.number().int().nonnegative(),
});
export type BackupVersionInfo = z.infer<typeof BackupVersionInfo>;

export const DiffLine = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const DiffHunk = z.object({
  oldStart: z.number().int(),
  newStart: z.number().int(),
  lines: z.array(DiffLine),
});
export type DiffHunk = z.infer<typeof DiffHunk>;

export const BackupRunProgress = z.object({
  runId: z.number().int().positive(),
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  cancelled: z.boolean(),
});
export type BackupRunProgress = z.infer<typeof BackupRunProgress>;

export const BackupSettings = z.object({
  /** Devices backed up at once. */
  parallelism: z.number().int().min(1).max(500).default(50),
  /** For devices without a schedule of their own. */
  defaultSchedule: CronExpression.default('0 3 * * *'),
  /** Per tower (group): overrides the default for the tower's devices without their own. */
  towerSchedules: z.record(z.string().regex(/^\d+$/), CronExpression).default({}),
  retention: z
    .object({
      /** Versions kept per device (the current one always stays). */
      keepVersions: z.number().int().min(1).max(10_000).default(200),
      keepDays: z.number().int().min(1).max(3_650).default(365),
    })
    .default({ keepVersions: 200, keepDays: 365 }),
  timeouts: z
    .object({
      connectS: z.number().int().min(1).max(120).default(15),
      stepS: z.number().int().min(1).max(600).default(30),
      jobS: z.number().int().min(5).max(3_600).default(180),
    })
    .default({ connectS: 15, stepS: 30, jobS: 180 }),
  retries: z.number().int().min(0).max(5).default(1),
  /** Every new version also committed to a local git repository. */
  gitExport: z
    .object({ enabled: z.boolean().default(false), dir: z.string().max(1_000).default('') })
    .default({ enabled: false, dir: '' }),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/** The backup part of the channel registry (merged into apiMethods). */
export const backupApiMethods = {
  'backup.settings.get': { input: z.void(), output: BackupSettings },
  'backup.settings.set': { input: z.object({ settings: BackupSettings }), output: BackupSettings },
  'backup.target.get': { input: z.object({ deviceId }), output: BackupTargetSummary.nullable() },
  'backup.target.set': { input: z.object({ target: BackupTargetInput }), output: BackupTargetSummary },
  'backup.target.delete': { input: z.object({ deviceId }), output: z.void() },
  /** Use the stored credentials at the device's new address. */
  'backup.target.confirmAddress': { input: z.object({ deviceId }), output: BackupTargetSummary },
  /** Trust the host key the device now shows (after a change the operator checked). */
  'backup.hostKey.trust': { input: z.object({ deviceId }), output: BackupTargetSummary },
  'backup.overview': {
    input: z.void(),
    output: z.object({ rows: z.array(BackupRow), counts: BackupCounts }),
  },
  'backup.versions': { input: z.object({ deviceId }), output: z.array(BackupVersionInfo) },
  'backup.version': {
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ info: BackupVersionInfo, content: z.string() }),
  },
  'backup.diff': {
    input: z.object({ fromId: z.number().int().positive(), toId: z.number().int().positive() }),
    output: z.object({
      added: z.number().int().nonnegative(),
      removed: z.number().int().nonnegative(),
      hunks: z.array(DiffHunk),
    }),
  },
  /** Backs these devices up now (all configured ones when null), in the background. */
  'backup.run': {
    input: z.object({ deviceIds: z.array(deviceId).min(1).max(100_000).nullable() }),
    output: BackupRunProgress,
  },
  'backup.progress': { input: z.void(), output: BackupRunProgress.nullable() },
  'backup.cancel': { input: z.object({}), output: BackupRunProgress.nullable() },
} as const;
