import type { Alarm } from '../../../shared/contract/entities';
import { alarmKey, type AlarmSubject, type PlannedAlarm } from '../../../shared/domain/monitor/alarm-plan';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';

export interface AlarmChanges {
  raised: number;
  updated: number;
  cleared: number;
}

/**
 * Keeps the open ICMP alarms in the store equal to the monitor's plan: raises what is new,
 * updates what changed (the affected count of a root cause grows as its dependants fail), clears
 * what is over. Subjects under maintenance are frozen: their open alarms are neither updated nor
 * cleared until the window ends. Each change is one event on the bus.
 */
export class AlarmSync {
  private readonly open = new Map<string, Alarm>();

  constructor(
    private readonly repo: Repository,
    private readonly bus: EventBus,
  ) {}

  async load(): Promise<void> {
    const alarms = await this.repo.alarms.list({
      states: ['active', 'acknowledged'],
      limit: Number.MAX_SAFE_INTEGER,
    });
    this.open.clear();
    for (const alarm of alarms) if (alarm.source === 'icmp') this.open.set(alarmKey(alarm), alarm);
  }

  async apply(
    plan: readonly PlannedAlarm[],
    at: number,
    frozen: (subject: AlarmSubject) => boolean,
  ): Promise<AlarmChanges> {
    const changes: AlarmChanges = { raised: 0, updated: 0, cleared: 0 };
    const wanted = new Set<string>();
    for (const planned of plan) {
      const key = alarmKey(planned);
      wanted.add(key);
      const existing = this.open.get(key) ?? (await this.raise(planned, at, changes));
      if (!existing) continue;
      if (
        existing.affected !== planned.affected ||
        existing.severity !== planned.severity ||
        existing.message !== planned.message
      ) {
        const alarm = await this.repo.alarms.update(existing.id, {
          affected: planned.affected,
          severity: planned.severity,
          message: planned.message,
        });
        this.open.set(key, alarm);
        changes.updated += 1;
        this.bus.publish({ type: 'alarm.updated', alarm });
      }
    }
    for (const [key, alarm] of this.open) {
      if (wanted.has(key) || frozen(alarm)) continue;
      this.open.delete(key);
      const cleared = await this.repo.alarms.clear(alarm.id, at);
      if (!cleared) continue;
      changes.cleared += 1;
      this.bus.publish({ type: 'alarm.cleared', alarm: cleared });
    }
    return changes;
  }

  /** Marks alarms acknowledged in the monitor's view after the store did. */
  remember(alarms: readonly Alarm[]): void {
    for (const alarm of alarms) if (this.open.has(alarmKey(alarm))) this.open.set(alarmKey(alarm), alarm);
  }

  /**
   * Raises a planned alarm. When the store already holds an open one for the subject (raised
   * before a restart, or by another path), that one is adopted and compared like any other.
   */
  private async raise(planned: PlannedAlarm, at: number, changes: AlarmChanges): Promise<Alarm | null> {
    const key = alarmKey(planned);
    const raised = await this.repo.alarms.raise({ ...planned, source: 'icmp', raisedAt: at });
    if (raised) {
      this.open.set(key, raised);
      changes.raised += 1;
      this.bus.publish({ type: 'alarm.raised', alarm: raised });
      return null;
    }
    const adopted = await this.repo.alarms.findOpen(planned);
    if (adopted) this.open.set(key, adopted);
    return adopted;
  }
}
