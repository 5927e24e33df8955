import type { OutageStatus } from '../../../shared/contract/outage';
import { OUTAGE_SOURCE, outageAlarmTypes } from '../../../shared/domain/outage/causes';
import type { MassOutage } from '../../../shared/domain/outage/mass-outage';
import { outageDevices } from '../../../shared/domain/outage/mass-outage';
import { uplinkAlarm, uplinkSince, type UplinkFacts } from '../../../shared/domain/outage/uplink';
import type { AlarmPort } from '../alarms/port';
import type { EventBus } from '../event-bus';
import type { UplinkSignal, UplinkState } from './uplink-port';

export const UPLINK_REF = 'monitor:uplink';
const subject = { deviceId: null, towerId: null, ref: UPLINK_REF };

export interface OutageServiceOptions {
  uplink: UplinkSignal;
  alarms: AlarmPort;
  bus: EventBus;
  /** The monitor's mass outage now, and a way to hear after each cycle. */
  massOutage(): MassOutage | null;
  onCycle(listener: () => void): () => void;
  log(message: string): void;
  now?: () => number;
}

/**
 * "Is it us?": follows the NOC's uplink (the checks marked as uplink) into one alarm while it is
 * down, and tells the UI, as one `outage.changed` event, whenever the uplink or the monitor's
 * mass outage changes. The notifications of the outages that are its symptoms are held by the
 * notifier (NotificationHold).
 */
export class OutageService {
  private uplink: UplinkFacts;
  private last = '';
  private readonly stops: (() => void)[] = [];
  private applying: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: OutageServiceOptions) {
    this.now = options.now ?? Date.now;
    this.uplink = this.facts(options.uplink.current());
  }

  start(): void {
    this.stops.push(this.options.uplink.onChange((state) => this.follow(state)));
    this.stops.push(this.options.onCycle(() => this.publishIfChanged()));
    this.follow(this.options.uplink.current());
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    await this.applying;
  }

  status(): OutageStatus {
    const mass = this.options.massOutage();
    return {
      uplink: { down: this.uplink.down, since: this.uplink.since, failing: [...this.uplink.failing] },
      massOutage: mass ? { since: mass.since, count: outageDevices(mass) } : null,
    };
  }

  /** Resolves once the uplink's alarm follows every change so far (tests). */
  idle(): Promise<void> {
    return this.applying;
  }

  private facts(state: UplinkState): UplinkFacts {
    return { down: state.down, since: uplinkSince(state.since, this.now()), failing: state.failing };
  }

  private follow(state: UplinkState): void {
    this.uplink = this.facts(state);
    const facts = this.uplink;
    this.applying = this.applying
      .then(() => this.applyAlarm(facts))
      .catch((error: unknown) =>
        this.options.log(`outage: uplink alarm not updated: ${(error as Error).message}`),
      );
    this.publishIfChanged();
  }

  private async applyAlarm(facts: UplinkFacts): Promise<void> {
    const alarm = uplinkAlarm(facts);
    const identity = { source: OUTAGE_SOURCE, type: outageAlarmTypes.uplinkDown, subject };
    if (alarm) await this.options.alarms.raise({ ...identity, ...alarm }, facts.since);
    else await this.options.alarms.clear(identity, this.now());
  }

  private publishIfChanged(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.last) return;
    this.last = key;
    this.options.bus.publish({ type: 'outage.changed', status });
  }
}
