import type { Alarm, AlarmSource, Severity } from '../../../shared/contract/entities';

/**
 * What an alarm is about. A device or a tower where there is one; `ref` names any other subject in
 * its domain's own words (an optical card "optical:card:<uid>", a synthetic check
 * "synthetic:check:<id>", a backup device's host key…), so two subjects of one type never collide.
 */
export interface AlarmSubject {
  deviceId: number | null;
  towerId: number | null;
  ref: string | null;
}

/**
 * An alarm's facts, never a sentence: its text is rendered where it is read, in the reader's
 * language, from the i18n key `alarm.<source>.<type>` with these parameters.
 */
export type AlarmParams = Readonly<Record<string, string | number | boolean | null>>;

/** One alarm as a source wants it to be: open now, with this severity and these facts. */
export interface DesiredAlarm {
  source: AlarmSource;
  type: string;
  subject: AlarmSubject;
  severity: Severity;
  params: AlarmParams;
  /** How many devices it stands for (a root cause stands for its dependants); default 1. */
  affected?: number;
}

export type AlarmIdentity = Pick<DesiredAlarm, 'source' | 'type' | 'subject'>;

export interface AlarmChanges {
  raised: number;
  updated: number;
  cleared: number;
}

/** Raises and clears decided together (a burst of traps); an identity in both lists stays raised. */
export interface AlarmBatch {
  raise: readonly DesiredAlarm[];
  clear: readonly AlarmIdentity[];
}

export interface ReconcileOptions {
  /** Only open alarms whose subject this accepts are compared (and cleared when not desired). */
  scope?: (alarm: Alarm) => boolean;
  /** Open alarms frozen as they are (their subject is in maintenance): neither updated nor cleared. */
  frozen?: (alarm: Alarm) => boolean;
}

/**
 * The one way any source raises, updates and clears alarms. Every change is stored (in one batched
 * write per call) and published as an event, which the UI, the tray, desktop notifications,
 * Telegram and webhooks follow.
 */
export interface AlarmPort {
  /** Opens the alarm, or updates the open one of the same identity when its facts changed. */
  raise(alarm: DesiredAlarm, at?: number): Promise<void>;
  /** Clears the open alarm of this identity, if there is one. */
  clear(identity: AlarmIdentity, at?: number): Promise<void>;
  /**
   * `raise` and `clear` for many alarms at once, in one batched write: a source that receives
   * events in bursts (a trap storm) gets them stored in milliseconds instead of one write each.
   */
  applyMany(batch: AlarmBatch, at?: number): Promise<AlarmChanges>;
  /**
   * Makes the open alarms of `source` (within `options.scope`) exactly `desired`: raises what is
   * new, updates what changed, clears the rest — for sources that recompute their whole picture
   * each round (ICMP cycles, SNMP rounds, optical rules).
   */
  reconcile(
    source: AlarmSource,
    desired: readonly DesiredAlarm[],
    at: number,
    options?: ReconcileOptions,
  ): Promise<AlarmChanges>;
  /** The open (active or acknowledged) alarms of a source, from memory. */
  openAlarms(source: AlarmSource): readonly Alarm[];
}
