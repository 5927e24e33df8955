// An AlarmPort kept in memory, for tests of an alarm source's decisions on their own (the
// engine's alarm service stores and publishes them; these tests read what the source asked for).
import type { Alarm, AlarmSource } from '../../shared/contract/entities';
import type {
  AlarmBatch,
  AlarmChanges,
  AlarmIdentity,
  AlarmPort,
  DesiredAlarm,
} from '../../electron/engine/alarms/port';

const keyOf = (alarm: AlarmIdentity) =>
  `${alarm.source}|${alarm.type}|${alarm.subject.deviceId ?? ''}|${alarm.subject.towerId ?? ''}|${alarm.subject.ref ?? ''}`;

export class MemoryAlarmPort implements AlarmPort {
  readonly open = new Map<string, DesiredAlarm>();

  async raise(alarm: DesiredAlarm): Promise<void> {
    this.open.set(keyOf(alarm), alarm);
  }

  async clear(identity: AlarmIdentity): Promise<void> {
    this.open.delete(keyOf(identity));
  }

  async applyMany(batch: AlarmBatch): Promise<AlarmChanges> {
    const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
    for (const identity of batch.clear) if (this.open.delete(keyOf(identity))) changes.cleared++;
    for (const alarm of batch.raise) {
      if (this.open.has(keyOf(alarm))) changes.updated++;
      else changes.raised++;
      await this.raise(alarm);
    }
    return changes;
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

  /** The open alarms one source asked for. */
  ofSource(source: AlarmSource): DesiredAlarm[] {
    return [...this.open.values()].filter((alarm) => alarm.source === source);
  }

  /** The open alarms of one device, as type → params. */
  ofDevice(deviceId: number): Record<string, DesiredAlarm['params']> {
    return Object.fromEntries(
      [...this.open.values()]
        .filter((alarm) => alarm.subject.deviceId === deviceId)
        .map((alarm) => [alarm.type, alarm.params]),
    );
  }
}
