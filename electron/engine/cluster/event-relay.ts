import pg from 'pg';
import type { Device } from '../../../shared/contract/entities';
import type { VigiaEvent } from '../../../shared/contract/events';
import {
  coalesce,
  parseNotice,
  payloadsOf,
  RELAY_CHANNEL as CHANNEL,
  type RelayKind,
  type RelayNotice,
} from '../../../shared/domain/cluster/relay';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';

const RECONNECT_MS = 1_000;
/** Notices kept while the database is away; past it the oldest go (the listeners re-read on reconnect). */
const MAX_OUTGOING = 100_000;

export interface EventRelayOptions {
  url: string;
  /** This process's holder token: its own notices come back and are ignored. */
  holder: string;
  repo: Repository;
  bus: EventBus;
  /** Devices or towers changed on another instance (the inventory follows the bus events). */
  inventoryChanged(): Promise<void>;
  /** Poller groups or their devices changed on another instance. */
  groupsChanged(): Promise<void>;
  /** Duty requests asked or answered by another instance (cluster/duty-requests). */
  dutyNotice?(kind: 'duty.requested' | 'duty.updated', ids: number[]): void;
  log(message: string): void;
  /** How long changes gather before one NOTIFY per kind (a cycle's statuses go together). */
  flushMs?: number;
}

/** What of a local event other instances hear: its kind and the ids they read back. */
function noticeOf(event: VigiaEvent): { kind: RelayKind; ids: number[] } | null {
  switch (event.type) {
    case 'alarm.raised':
    case 'alarm.updated':
    case 'alarm.cleared':
      return { kind: event.type, ids: [event.alarm.id] };
    case 'status.changed':
      return { kind: event.type, ids: event.statuses.map((status) => status.deviceId) };
    case 'device.upserted':
      return { kind: event.type, ids: [event.device.id] };
    case 'devices.upserted':
      return { kind: 'device.upserted', ids: event.devices.map((device) => device.id) };
    case 'tower.upserted':
      return { kind: event.type, ids: [event.tower.id] };
    case 'device.deleted':
    case 'tower.deleted':
      return { kind: event.type, ids: [event.id] };
    default:
      return null;
  }
}

/**
 * The live link between instances on one PostgreSQL: every alarm, status and inventory change
 * published here is announced by id (LISTEN/NOTIFY), and what the others announce is read from the
 * store and published on this engine's bus — the UI, the tray and desktop notifications of a
 * follower see the leader's work as it happens. History stays a query.
 */
export class EventRelay {
  private client: pg.Client | null = null;
  private outgoing: { kind: RelayKind; id: number }[] = [];
  private readonly relayed = new WeakSet<VigiaEvent>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private incoming: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: EventRelayOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = this.options.bus.subscribe((event) => this.onLocalEvent(event));
    await this.connect();
  }

  /** Tells the other instances something changed that no bus event carries (poller groups). */
  announce(kind: RelayKind, ids: number[]): void {
    for (const id of ids) this.outgoing.push({ kind, id });
    if (ids.length === 0) this.outgoing.push({ kind, id: 0 });
    this.scheduleFlush();
  }

  /** Resolves once what arrived so far is published here (tests). */
  idle(): Promise<void> {
    return this.incoming;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush();
    await this.flushing;
    await this.incoming;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `vigia ${this.options.holder}`,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      const notice = message.payload ? parseNotice(message.payload) : null;
      if (notice && notice.from !== this.options.holder) this.receive(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.scheduleFlush();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    this.options.log(`cluster: event link lost (${error.message}); reconnecting`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, RECONNECT_MS);
  }

  private onLocalEvent(event: VigiaEvent): void {
    if (this.relayed.has(event)) return;
    const notice = noticeOf(event);
    if (!notice) return;
    this.announce(notice.kind, notice.ids);
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.outgoing.length === 0) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, this.options.flushMs ?? 100);
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const client = this.client;
      if (!client || this.outgoing.length === 0) return;
      const batch = this.outgoing;
      this.outgoing = [];
      try {
        for (const { kind, ids } of coalesce(batch))
          for (const payload of payloadsOf({
            from: this.options.holder,
            kind,
            ids: ids.filter((id) => id > 0),
          }))
            await client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
      } catch (error) {
        this.options.log(`cluster: changes not announced yet (${(error as Error).message})`);
        this.outgoing = batch.concat(this.outgoing).slice(-MAX_OUTGOING);
      }
    });
    return this.flushing;
  }

  private receive(notice: RelayNotice): void {
    this.incoming = this.incoming
      .then(() => this.apply(notice))
      .catch((error: unknown) =>
        this.options.log(
          `cluster: a change from another instance could not be read: ${(error as Error).message}`,
        ),
      );
  }

  private publish(event: VigiaEvent): void {
    this.relayed.add(event);
    this.options.bus.publish(event);
  }

  /** One device by its key; many at once (another instance's import) in one query, not one each. */
  private async readDevices(ids: number[]): Promise<Device[]> {
    const { repo } = this.options;
    if (ids.length === 1) {
      const device = await repo.devices.get(ids[0]!);
      return device ? [device] : [];
    }
    const wanted = new Set(ids);
    return (await repo.devices.list()).filter((device) => wanted.has(device.id));
  }

  private async apply({ kind, ids }: RelayNotice): Promise<void> {
    const { repo } = this.options;
    switch (kind) {
      case 'alarm.raised':
      case 'alarm.updated':
      case 'alarm.cleared':
        for (const alarm of await repo.alarms.byIds(ids)) this.publish({ type: kind, alarm });
        return;
      case 'status.changed': {
        const wanted = new Set(ids);
        const statuses = (await repo.status.all()).filter((status) => wanted.has(status.deviceId));
        if (statuses.length > 0) this.publish({ type: kind, at: Date.now(), statuses });
        return;
      }
      case 'device.upserted': {
        const devices = await this.readDevices(ids);
        if (devices.length === 1) this.publish({ type: kind, device: devices[0]! });
        if (devices.length > 1) this.publish({ type: 'devices.upserted', devices });
        return this.options.inventoryChanged();
      }
      case 'tower.upserted':
        for (const id of ids) {
          const tower = await repo.towers.get(id);
          if (tower) this.publish({ type: kind, tower });
        }
        return this.options.inventoryChanged();
      case 'device.deleted':
      case 'tower.deleted':
        for (const id of ids) this.publish({ type: kind, id });
        return this.options.inventoryChanged();
      case 'groups.changed':
        return this.options.groupsChanged();
      case 'duty.requested':
      case 'duty.updated':
        return this.options.dutyNotice?.(kind, ids);
    }
  }
}
