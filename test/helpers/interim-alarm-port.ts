import type { Alarm, AlarmSource } from '../../shared/contract/entities';
import type { AlarmChanges, AlarmIdentity, AlarmPort, DesiredAlarm } from '../../electron/engine/alarms/port';

const keyOf = (alarm: AlarmIdentity) =>
  `${alarm.source}|${alarm.type}|${alarm.subject.deviceId ?? ''}|${alarm.subject.towerId ?? ''}|${alarm.subject.ref ?? ''}`;

/**
 * An AlarmPort that keeps the desired alarms in memory and stores nothing. It stands in for the
 * alarm service being built on the `core` branch, which replaces it in start-engine at merge (the
 * optical service only ever sees the port); tests use it to read what the optical rules decided.
 */
export class InterimAlarmPort implements AlarmPort {
  readonly open = new Map<string, DesiredAlarm>();

  async raise(alarm: DesiredAlarm): Promise<void> {
    this.open.set(keyOf(alarm), alarm);
  }

  async clear(identity: AlarmIdentity): Promise<void> {
    this.open.delete(keyOf(identity));
  }

  async reconcile(source: AlarmSource, desired: readonly DesiredAlarm[]): Promise<AlarmChanges> {
    const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
    const wanted = new Map(desired.map((alarm) => [keyOf(alarm), alarm]));
    for (const [key, alarm] of this.open)
      if (alarm.source === source && !wanted.has(key)) {
        this.open.delete(key);
        changes.cleared++;
      }
    for (const [key, alarm] of wanted) {
      const before = this.open.get(key);
      if (!before) changes.raised++;
      else if (JSON.stringify(before) !== JSON.stringify(alarm)) changes.updated++;
      this.open.set(key, alarm);
    }
    return changes;
  }

  /** This port stores no alarm rows; the real service returns the stored ones. */
  openAlarms(): readonly Alarm[] {
    return [];
  }

  of(source: AlarmSource): DesiredAlarm[] {
    return [...this.open.values()].filter((alarm) => alarm.source === source);
  }
}
