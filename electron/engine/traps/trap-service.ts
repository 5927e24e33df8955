import type { TrapCounts } from '../../../shared/contract/traps';
import type { TrapNotice, TrapReceiverStats } from '../../../shared/contract/traps-worker';
import { trapMeaning, type LinkTrap } from '../../../shared/domain/snmp/trap-meaning';
import type { AlarmPort, DesiredAlarm } from '../alarms/port';
import { TrapLog } from './trap-log';

/** What the trap service asks of the SNMP monitor: the interface alarms, then a confirming poll. */
export interface LinkTrapSink {
  onLinkTraps(traps: readonly LinkTrap[]): Promise<void>;
  pollSoon(deviceId: number): void;
}

export interface TrapServiceOptions {
  alarms: AlarmPort;
  links: LinkTrapSink;
  /** Whether the device's alarms are held (maintenance). */
  isSuppressed(deviceId: number, now: number): boolean;
  /**
   * Whether this instance acts on the device's traps: on a shared PostgreSQL the leader of its
   * poller group alone does (absent: one instance alone, acting on all).
   */
  handles?(deviceId: number): boolean;
  log?: TrapLog;
}

/**
 * Turns checked traps into alarm changes at once — link traps through the SNMP monitor (the same
 * if_down alarm its polls raise), restarts and vendor events as alarms of their own — and asks
 * for a confirming poll. What it cannot read goes to the searchable trap log.
 */
export class TrapService {
  readonly log: TrapLog;
  private mapped = 0;
  private logged = 0;
  private elsewhere = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TrapServiceOptions) {
    this.log = deps.log ?? new TrapLog();
  }

  /** Takes a batch in arrival order; batches are handled one after the other. */
  handle(notices: readonly TrapNotice[]): Promise<void> {
    this.queue = this.queue.then(() => this.handleNow(notices)).catch(() => undefined);
    return this.queue;
  }

  counts(receiver: TrapReceiverStats): TrapCounts {
    return { ...receiver, mapped: this.mapped, logged: this.logged, elsewhere: this.elsewhere };
  }

  /**
   * A batch is decided whole and written in two alarm calls (link traps through the monitor,
   * events here), not one write per trap: a storm of traps is stored in one transaction or a few.
   */
  private async handleNow(notices: readonly TrapNotice[]): Promise<void> {
    const links: LinkTrap[] = [];
    const events: DesiredAlarm[] = [];
    const polls = new Set<number>();
    for (const notice of notices) {
      if (notice.deviceId === null) {
        this.keep(notice, 'unknown_source');
        continue;
      }
      if (this.deps.handles && !this.deps.handles(notice.deviceId)) {
        this.elsewhere++;
        continue;
      }
      const meaning = trapMeaning(notice);
      if (meaning.kind === 'unknown') {
        this.keep(notice, 'unknown_trap');
        continue;
      }
      this.mapped++;
      if (meaning.kind === 'link') {
        links.push({
          deviceId: notice.deviceId,
          ifIndex: meaning.ifIndex,
          up: meaning.up,
          name: meaning.name,
        });
        continue;
      }
      if (!this.deps.isSuppressed(notice.deviceId, notice.at))
        events.push({
          source: 'snmp',
          type: meaning.type,
          subject: { deviceId: notice.deviceId, towerId: null, ref: meaning.ref },
          severity: meaning.severity,
          params: meaning.params,
        });
      polls.add(notice.deviceId);
    }
    if (links.length > 0) await this.deps.links.onLinkTraps(links);
    if (events.length > 0) await this.deps.alarms.applyMany({ raise: events, clear: [] }, notices[0]!.at);
    for (const deviceId of polls) this.deps.links.pollSoon(deviceId);
  }

  private keep(notice: TrapNotice, reason: 'unknown_trap' | 'unknown_source'): void {
    this.logged++;
    this.log.add({ ...notice, reason });
  }
}
