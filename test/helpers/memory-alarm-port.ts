// An AlarmPort kept in memory, for tests of alarm sources before they meet the engine's service.
import type { AlarmSource } from '../../shared/contract/entities';
import type { AlarmIdentity, AlarmPort, DesiredAlarm } from '../../electron/engine/alarms/port';

const keyOf = (identity: AlarmIdentity) =>
  `${identity.source}|${identity.type}|${identity.subject.deviceId}|${identity.subject.towerId}|${identity.subject.ref}`;

export class MemoryAlarmPort implements AlarmPort {
  readonly open = new Map<string, DesiredAlarm>();
  /** Every raise, in order (updates included). */
  readonly raised: DesiredAlarm[] = [];
  readonly cleared: AlarmIdentity[] = [];

  async raise(alarm: DesiredAlarm): Promise<void> {
    this.open.set(keyOf(alarm), alarm);
    this.raised.push(alarm);
  }

  async clear(identity: AlarmIdentity): Promise<void> {
    if (this.open.delete(keyOf(identity))) this.cleared.push(identity);
  }

  async reconcile(source: AlarmSource, desired: readonly DesiredAlarm[]) {
    const wanted = new Set(desired.map(keyOf));
    let cleared = 0;
    for (const [key, alarm] of this.open) {
      if (alarm.source === source && !wanted.has(key)) {
        this.open.delete(key);
        cleared++;
      }
    }
    for (const alarm of desired) await this.raise(alarm);
    return { raised: desired.length, updated: 0, cleared };
  }

  openAlarms(): never[] {
    return [];
  }

  /** The open alarms of one device, as type → params. */
  of(deviceId: number): Record<string, DesiredAlarm['params']> {
    return Object.fromEntries(
      [...this.open.values()]
        .filter((alarm) => alarm.subject.deviceId === deviceId)
        .map((alarm) => [alarm.type, alarm.params]),
    );
  }
}
