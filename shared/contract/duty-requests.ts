import { z } from 'zod';
import { BackupRunProgress } from './backup';
import { SyntheticResult } from './synthetic';

const id = z.number().int().positive();

/** How far a part of a backup run carried to another instance has come (its devices only). */
export const BackupPartProgress = BackupRunProgress.pick({
  total: true,
  done: true,
  failed: true,
  changed: true,
  cancelled: true,
}).extend({ finished: z.boolean() });
export type BackupPartProgress = z.infer<typeof BackupPartProgress>;

/**
 * What one instance on a shared PostgreSQL may ask the leader of a poller group to do for an
 * operator (a row of `duty_requests`, read back by the asker): each kind's input, its answer and,
 * for long work, the progress it reports meanwhile. Validated on both sides: the row crosses
 * processes and versions of Vigia.
 */
export const dutyKinds = {
  /** A synthetic check run outside its schedule; the answer is its stored result. */
  'synthetic.runNow': { input: z.object({ id }), output: SyntheticResult, progress: z.null() },
  /** One round of an optical endpoint now; the answer says whether it succeeded. */
  'optical.collect': {
    input: z.object({ endpointId: id, kind: z.enum(['inventory', 'critical', 'all', 'alarms']) }),
    output: z.boolean(),
    progress: z.null(),
  },
  /** Configuration backups of devices of the group, joining the leader's run. */
  'backup.run': {
    input: z.object({ deviceIds: z.array(id).min(1).max(100_000) }),
    output: BackupPartProgress,
    progress: BackupPartProgress,
  },
} as const;

export type DutyKind = keyof typeof dutyKinds;
export type DutyInput<K extends DutyKind> = z.infer<(typeof dutyKinds)[K]['input']>;
export type DutyOutput<K extends DutyKind> = z.infer<(typeof dutyKinds)[K]['output']>;
export type DutyProgress<K extends DutyKind> = z.infer<(typeof dutyKinds)[K]['progress']>;
export const isDutyKind = (kind: string): kind is DutyKind => Object.hasOwn(dutyKinds, kind);
