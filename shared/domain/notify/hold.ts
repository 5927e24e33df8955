import type { Alarm } from '../../contract/entities';
import type { VigiaEvent } from '../../contract/events';
import { holdKey, isHoldCause, isOutageSymptom, markedCause, uplinkKey } from '../outage/causes';

/** An alarm event as notifications see it. */
export interface AlarmNotice {
  kind: 'raised' | 'cleared';
  alarm: Alarm;
}

interface Hold {
  /** The cause's alarm while it is open (a mark may arrive before its cause). */
  cause: Alarm | null;
  held: Map<number, Alarm>;
  returned: number;
}

/** Names listed in a summary; the rest are counted. */
export const SUMMARY_NAMES = 10;

/**
 * Holds the notifications of symptoms while their cause is open (a mass outage, the NOC's uplink
 * down): the cause is notified once; its symptoms are not; when it clears, its recovery carries a
 * summary (how many came back, how many are still down and which), and the symptoms still open
 * are notified then as ordinary alarms. A symptom is an alarm its source marked with the cause
 * (`cause` parameter), or, while the uplink is down, any outage alarm raised meanwhile. Pure
 * bookkeeping: what it returns is what to notify, in order.
 */
export class NotificationHold {
  private readonly holds = new Map<string, Hold>();

  /** After a restart: the open alarms, so held symptoms stay held and are released in the end. */
  restore(open: readonly Alarm[]): void {
    for (const alarm of open) if (isHoldCause(alarm)) this.hold(holdKey(alarm)).cause = alarm;
    for (const alarm of open)
      if (!isHoldCause(alarm) || holdKey(alarm) !== uplinkKey) this.place(alarm, null, false);
  }

  /** The engine's events as notifications should see them: held ones dropped, releases added. */
  admitEvent(event: VigiaEvent): VigiaEvent[] {
    if (event.type === 'alarm.updated') this.updated(event.alarm);
    if (event.type !== 'alarm.raised' && event.type !== 'alarm.cleared') return [event];
    const kind = event.type === 'alarm.raised' ? 'raised' : 'cleared';
    return this.admit({ kind, alarm: event.alarm }).map((notice) => ({
      type: notice.kind === 'raised' ? 'alarm.raised' : 'alarm.cleared',
      alarm: notice.alarm,
    }));
  }

  admit(notice: AlarmNotice): AlarmNotice[] {
    return notice.kind === 'raised' ? this.raised(notice.alarm) : this.cleared(notice.alarm);
  }

  /** A stored alarm changed (name, severity, its mark): a held copy follows it. */
  updated(alarm: Alarm): void {
    for (const hold of this.holds.values()) if (hold.held.has(alarm.id)) hold.held.set(alarm.id, alarm);
  }

  /** Whether this alarm's notification is held now (a replay after a restart skips it). */
  isHeld(alarm: Alarm, kind: AlarmNotice['kind']): boolean {
    if (kind === 'cleared') return markedCause(alarm) !== null;
    for (const hold of this.holds.values()) if (hold.held.has(alarm.id)) return true;
    return false;
  }

  private hold(key: string): Hold {
    let hold = this.holds.get(key);
    if (!hold) this.holds.set(key, (hold = { cause: null, held: new Map(), returned: 0 }));
    return hold;
  }

  /**
   * Puts a symptom in its hold; false when nothing holds it. `except`: a hold being released.
   * A mark may name a cause not raised yet (its source raises the symptoms first) only when
   * `early` is allowed: a symptom released by one hold never opens another.
   */
  private place(alarm: Alarm, except: string | null, early: boolean): boolean {
    const marked = markedCause(alarm);
    const uplink = this.holds.get(uplinkKey);
    const key =
      marked !== null && marked !== except && (early || this.holds.has(marked))
        ? marked
        : uplinkKey !== except &&
            uplink?.cause &&
            isOutageSymptom(alarm) &&
            alarm.raisedAt >= uplink.cause.raisedAt
          ? uplinkKey
          : null;
    if (key === null) return false;
    this.hold(key).held.set(alarm.id, alarm);
    return true;
  }

  private raised(alarm: Alarm): AlarmNotice[] {
    if (isHoldCause(alarm)) {
      const hold = this.hold(holdKey(alarm));
      hold.cause = alarm;
    }
    return this.place(alarm, isHoldCause(alarm) ? holdKey(alarm) : null, true)
      ? []
      : [{ kind: 'raised', alarm }];
  }

  private cleared(alarm: Alarm): AlarmNotice[] {
    const out: AlarmNotice[] = [];
    if (isHoldCause(alarm)) out.push(...this.release(holdKey(alarm), alarm));
    for (const hold of this.holds.values())
      if (hold.held.delete(alarm.id)) {
        hold.returned += 1;
        // The recovery of a held cause is counted by the hold above it; what it released stays.
        return out.filter((notice) => notice.alarm.id !== alarm.id);
      }
    // Marked when it cleared: its raise was held, so is its recovery (the summary tells it).
    if (markedCause(alarm) !== null) return out;
    if (!isHoldCause(alarm)) out.push({ kind: 'cleared', alarm });
    return out;
  }

  /** The cause cleared: its recovery with the summary, then the symptoms still open as ordinary alarms. */
  private release(key: string, cause: Alarm): AlarmNotice[] {
    const hold = this.holds.get(key);
    this.holds.delete(key);
    const still = hold ? [...hold.held.values()] : [];
    const names = still
      .slice(0, SUMMARY_NAMES)
      .map((alarm) => String(alarm.params.device ?? alarm.params.tower ?? `#${alarm.id}`));
    const summary: AlarmNotice = {
      kind: 'cleared',
      alarm: {
        ...cause,
        params: {
          ...cause.params,
          returned: hold?.returned ?? 0,
          stillDown: still.length,
          stillDownNames: names.join(', ') + (still.length > names.length ? ', …' : ''),
        },
      },
    };
    const out = [summary];
    for (const alarm of still) if (!this.place(alarm, key, false)) out.push({ kind: 'raised', alarm });
    return out;
  }
}
