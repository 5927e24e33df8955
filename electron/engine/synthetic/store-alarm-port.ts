import type { Alarm, AlarmSource } from '../../../shared/contract/entities';
import type { AlarmIdentity, AlarmPort, DesiredAlarm, ReconcileOptions } from '../alarms/port';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';

/**
 * The alarm port over today's alarms table, for the synthetic checks until the architecture's
 * alarm service is wired in `start-engine.ts` (it replaces this in one line). The table keys an
 * open alarm by device, tower and type and stores a sentence: so a subject's `ref` is folded into
 * the stored type (`check_failed@synthetic:check:7`), and the sentence is rendered by `describe`.
 */
export class StoreAlarmPort implements AlarmPort {
  private readonly open = new Map<string, Alarm>();

  constructor(
    private readonly repo: Repository,
    private readonly bus: EventBus,
    private readonly describe: (alarm: DesiredAlarm) => string,
  ) {}

  /** Adopts the open alarms of `source` already in the store (raised before a restart). */
  async load(source: AlarmSource): Promise<void> {
    const alarms = await this.repo.alarms.list({ states: ['active', 'acknowledged'], limit: 100_000 });
    for (const alarm of alarms) if (alarm.source === source) this.open.set(this.keyOfStored(alarm), alarm);
  }

  openAlarms(source: AlarmSource): readonly Alarm[] {
    return [...this.open.values()].filter((alarm) => alarm.source === source);
  }

  async raise(desired: DesiredAlarm, at = Date.now()): Promise<void> {
    const key = keyOf(desired);
    const message = this.describe(desired);
    const existing = this.open.get(key);
    if (existing) {
      if (existing.severity === desired.severity && existing.message === message) return;
      const alarm = await this.repo.alarms.update(existing.id, { severity: desired.severity, message });
      this.open.set(key, alarm);
      this.bus.publish({ type: 'alarm.updated', alarm });
      return;
    }
    const stored = {
      source: desired.source,
      deviceId: desired.subject.deviceId,
      towerId: desired.subject.towerId,
      type: storedType(desired),
    };
    const raised = await this.repo.alarms.raise({
      ...stored,
      severity: desired.severity,
      message,
      affected: desired.affected ?? 1,
      raisedAt: at,
    });
    const alarm = raised ?? (await this.repo.alarms.findOpen(stored));
    if (!alarm) return;
    this.open.set(key, alarm);
    if (raised) this.bus.publish({ type: 'alarm.raised', alarm });
  }

  async clear(identity: AlarmIdentity, at = Date.now()): Promise<void> {
    const key = keyOf(identity);
    const alarm = this.open.get(key);
    if (!alarm) return;
    this.open.delete(key);
    const cleared = await this.repo.alarms.clear(alarm.id, at);
    if (cleared) this.bus.publish({ type: 'alarm.cleared', alarm: cleared });
  }

  async reconcile(
    source: AlarmSource,
    desired: readonly DesiredAlarm[],
    at: number,
    options: ReconcileOptions = {},
  ) {
    const changes = { raised: 0, updated: 0, cleared: 0 };
    const wanted = new Set(desired.map(keyOf));
    for (const alarm of desired) {
      const before = this.open.get(keyOf(alarm));
      await this.raise(alarm, at);
      const after = this.open.get(keyOf(alarm));
      if (!before && after) changes.raised++;
      else if (before && after && before !== after) changes.updated++;
    }
    for (const [key, alarm] of [...this.open]) {
      if (alarm.source !== source || wanted.has(key)) continue;
      if (options.scope && !options.scope(alarm)) continue;
      if (options.frozen?.(alarm)) continue;
      this.open.delete(key);
      const cleared = await this.repo.alarms.clear(alarm.id, at);
      if (!cleared) continue;
      changes.cleared++;
      this.bus.publish({ type: 'alarm.cleared', alarm: cleared });
    }
    return changes;
  }

  private keyOfStored(alarm: Alarm): string {
    const [type, ref] = alarm.type.split('@', 2);
    return keyOf({
      source: alarm.source,
      type: type!,
      subject: { deviceId: alarm.deviceId, towerId: alarm.towerId, ref: ref ?? null },
    });
  }
}

const storedType = ({ type, subject }: AlarmIdentity): string =>
  subject.ref === null ? type : `${type}@${subject.ref}`.slice(0, 60);

const keyOf = (identity: AlarmIdentity): string =>
  `${identity.source}|${identity.subject.deviceId ?? 0}|${identity.subject.towerId ?? 0}|${storedType(identity)}`;
