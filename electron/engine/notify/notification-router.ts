import type { Alarm, Device, Tower } from '../../../shared/contract/entities';
import type { VigiaEvent } from '../../../shared/contract/events';
import type { NotifyConfig } from '../../../shared/contract/notify';
import { idempotencyKey, type NotifyEvent } from '../../../shared/domain/notify/event';
import { routeEvent } from '../../../shared/domain/notify/routing';
import type { NewOutboxMessage, Repository } from '../store/repository';

/** Where an alarm's device and tower are looked up (the engine's inventory: no store read). */
export interface AlarmSubjects {
  device(id: number): Promise<Pick<Device, 'name' | 'host' | 'towerId'> | null>;
  tower(id: number): Promise<Pick<Tower, 'name'> | null>;
}

export interface NotificationRouterOptions {
  repo: Repository;
  subjects: AlarmSubjects;
  config(): NotifyConfig;
  /** Queues one message in the outbox; whether it was new (its key not yet queued). */
  deliver(message: NewOutboxMessage): Promise<boolean>;
  /** Rows were added: the sender should look. */
  enqueued(): void;
  log(message: string): void;
  now(): number;
  /** Whether an alarm event's notification is held now (a replay after a restart skips it). */
  held(alarm: Alarm, kind: NotifyEvent['kind']): boolean;
}

/**
 * Turns the engine's alarm events into outbox rows, one per event and destination, written before
 * anything is sent. Names and addresses are resolved now so the message reads right later.
 */
export class NotificationRouter {
  private readonly lastLatency = new Map<number, number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: NotificationRouterOptions) {}

  onEvent(event: VigiaEvent): void {
    if (event.type === 'status.changed') {
      for (const status of event.statuses)
        if (status.rttMs !== null) this.lastLatency.set(status.deviceId, status.rttMs);
      return;
    }
    if (event.type !== 'alarm.raised' && event.type !== 'alarm.cleared') return;
    const kind = event.type === 'alarm.raised' ? 'raised' : 'cleared';
    this.queue = this.queue
      .then(() => this.enqueue(event.alarm, kind))
      .catch((error: unknown) =>
        this.options.log(`notify: alarm #${event.alarm.id} could not be queued: ${(error as Error).message}`),
      );
  }

  /** Resolves once every event received so far is in the outbox. */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * After a restart: alarms raised or cleared in the last `windowMs` are queued again. The
   * idempotency keys drop what was already queued, so an event caught between the alarm being
   * stored and its notification being queued is not lost. Live events that arrive meanwhile wait
   * behind it in the one queue: an event and its replay never race for the same key. The replay
   * routes by the configuration of the moment it was asked for: a destination added while it waits
   * in the queue is not sent the minutes before it existed.
   */
  replayRecent(now: number, windowMs: number): Promise<void> {
    const config = this.options.config();
    const replay = this.queue.then(() => this.replay(now, windowMs, config));
    this.queue = replay.catch(() => undefined);
    return replay;
  }

  private async replay(now: number, windowMs: number, config: NotifyConfig): Promise<void> {
    const alarms = await this.options.repo.alarms.list({
      states: ['active', 'acknowledged', 'cleared'],
      limit: 2_000,
    });
    const { held } = this.options;
    for (const alarm of alarms) {
      if (alarm.raisedAt >= now - windowMs && !held(alarm, 'raised'))
        await this.enqueue(alarm, 'raised', config);
      if (alarm.clearedAt !== null && alarm.clearedAt >= now - windowMs && !held(alarm, 'cleared'))
        await this.enqueue(alarm, 'cleared', config);
    }
  }

  private async enqueue(
    alarm: Alarm,
    kind: NotifyEvent['kind'],
    config: NotifyConfig = this.options.config(),
  ): Promise<void> {
    const event = await this.describe(alarm, kind);
    const routes = routeEvent(config, event);
    if (routes.length === 0) return;
    const payload = JSON.stringify(event);
    // Queued now, whatever time the event carries (another workstation's clock may differ).
    const queuedAt = this.options.now();
    let added = false;
    for (const route of routes) {
      const fresh = await this.options.deliver({
        channel: route.channel,
        destination: route.destination,
        idempotencyKey: idempotencyKey(event, route.channel, route.destination),
        payload,
        nextAttemptAt: queuedAt,
        createdAt: queuedAt,
      });
      added ||= fresh;
    }
    if (added) this.options.enqueued();
  }

  private async describe(alarm: Alarm, kind: NotifyEvent['kind']): Promise<NotifyEvent> {
    const { subjects } = this.options;
    const device = alarm.deviceId === null ? null : await subjects.device(alarm.deviceId);
    const towerId = alarm.towerId ?? device?.towerId ?? null;
    const tower = towerId === null ? null : await subjects.tower(towerId);
    return {
      kind,
      alarmId: alarm.id,
      severity: alarm.severity,
      source: alarm.source,
      type: alarm.type,
      params: alarm.params,
      deviceId: alarm.deviceId,
      device: device?.name ?? null,
      address: device?.host ?? null,
      towerId,
      tower: tower?.name ?? null,
      since: alarm.raisedAt,
      at: kind === 'cleared' ? (alarm.clearedAt ?? Date.now()) : alarm.raisedAt,
      latencyMs: alarm.deviceId === null ? null : (this.lastLatency.get(alarm.deviceId) ?? null),
      affected: alarm.affected,
    };
  }
}
