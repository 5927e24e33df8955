import type { TrapCounts } from '../../../shared/contract/traps';
import type { TrapNotice, TrapReceiverStats } from '../../../shared/contract/traps-worker';
import { trapMeaning } from '../../../shared/domain/snmp/trap-meaning';
import type { AlarmPort } from '../alarms/port';
import { TrapLog } from './trap-log';

/** What the trap service asks of the SNMP monitor: the interface alarm, then a confirming poll. */
export interface LinkTrapSink {
  onLinkTrap(deviceId: number, index: number, up: boolean, name: string | null): Promise<void>;
  pollSoon(deviceId: number): void;
}

export interface TrapServiceOptions {
  alarms: AlarmPort;
  links: LinkTrapSink;
  /** Whether the device's alarms are held (maintenance). */
  isSuppressed(deviceId: number, now: number): boolean;
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
    return { ...receiver, mapped: this.mapped, logged: this.logged };
  }

  private async handleNow(notices: readonly TrapNotice[]): Promise<void> {
    for (const notice of notices) {
      if (notice.deviceId === null) {
        this.keep(notice, 'unknown_source');
        continue;
      }
      const meaning = trapMeaning(notice);
      if (meaning.kind === 'unknown') {
        this.keep(notice, 'unknown_trap');
        continue;
      }
      this.mapped++;
      if (meaning.kind === 'link') {
        await this.deps.links.onLinkTrap(notice.deviceId, meaning.ifIndex, meaning.up, meaning.name);
        continue;
      }
      if (!this.deps.isSuppressed(notice.deviceId, notice.at))
        await this.deps.alarms.raise(
          {
            source: 'snmp',
            type: meaning.type,
            subject: { deviceId: notice.deviceId, towerId: null, ref: meaning.ref },
            severity: meaning.severity,
            params: meaning.params,
          },
          notice.at,
        );
      this.deps.links.pollSoon(notice.deviceId);
    }
  }

  private keep(notice: TrapNotice, reason: 'unknown_trap' | 'unknown_source'): void {
    this.logged++;
    this.log.add({ ...notice, reason });
  }
}
