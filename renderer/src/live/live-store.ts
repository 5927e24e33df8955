import type { AppInfo } from '../../../shared/contract/api';
import { OPEN_ALARMS_LIMIT } from '../../../shared/contract/vocabulary';
import type { VigiaClient } from '../../../shared/contract/client';
import type { Alarm, Device, DeviceStatus, Tower } from '../../../shared/contract/entities';
import type { EngineHealth, VigiaEvent } from '../../../shared/contract/events';
import type { AllSettings } from '../../../shared/contract/settings';
import type { RecentChange } from '../../../shared/contract/recent';
import { alarmMomentOf, mergeRecent, stateChangesOf } from '../../../shared/domain/recent/feed';

/** Moments the dashboard keeps of what just happened; older ones are read from the store on demand. */
export const RECENT_KEPT = 100;

/**
 * The UI's copy of the network: loaded once, then kept current by the event stream alone (a
 * status batch carries only what changed). Mutations are applied at once and announced at most
 * once per animation frame, so a burst of 10,000 changes costs one render.
 */
export class LiveStore {
  readonly devices = new Map<number, Device>();
  readonly towers = new Map<number, Tower>();
  readonly statuses = new Map<number, DeviceStatus>();
  readonly alarms = new Map<number, Alarm>();
  /** What just happened, newest first: read from the store on load, then kept by the events. */
  recent: RecentChange[] = [];
  /** Whether the store holds moments older than the last of `recent` (read on demand). */
  recentHasOlder = false;
  health: EngineHealth | null = null;
  info: AppInfo | null = null;
  /** The stored settings, the one source for language, operator, theme and map; kept by events. */
  settings: AllSettings | null = null;
  loaded = false;
  error: string | null = null;
  version = 0;
  /** Changes only when devices or towers are added, edited or removed — not on status updates. */
  inventoryVersion = 0;
  private readonly listeners = new Set<() => void>();
  private frame: number | null = null;
  /** Events that arrive while the network is being read, applied after it in order. */
  private buffered: VigiaEvent[] | null = null;

  constructor(private readonly client: VigiaClient) {}

  /** Loads the network once and keeps it current from the event stream; settles when loaded. */
  async start(): Promise<void> {
    this.client.subscribe((event) => (this.buffered ? this.buffered.push(event) : this.apply(event)));
    await this.load();
  }

  /**
   * Reads the whole network again: after a lost connection (a restarted server or engine) the
   * events sent meanwhile are gone, and a wall screen must show the truth without anyone's click.
   */
  resync(): Promise<void> {
    return this.load();
  }

  private async load(): Promise<void> {
    this.buffered = [];
    try {
      const [info, devices, towers, statuses, alarms, health, settings, recent] = await Promise.all([
        this.client.invoke('app.info', undefined),
        this.client.invoke('devices.list', undefined),
        this.client.invoke('towers.list', undefined),
        this.client.invoke('status.snapshot', undefined),
        this.client.invoke('alarms.list', { states: ['active', 'acknowledged'], limit: OPEN_ALARMS_LIMIT }),
        this.client.invoke('engine.health', undefined),
        this.client.invoke('settings.get', undefined),
        this.client.invoke('recent.list', { limit: RECENT_KEPT }),
      ]);
      this.info = info;
      this.settings = settings;
      this.health = health;
      for (const map of [this.devices, this.towers, this.statuses, this.alarms]) map.clear();
      devices.forEach((device) => this.devices.set(device.id, device));
      towers.forEach((tower) => this.towers.set(tower.id, tower));
      statuses.forEach((status) => this.statuses.set(status.deviceId, status));
      alarms.forEach((alarm) => this.alarms.set(alarm.id, alarm));
      this.recent = recent.items;
      this.recentHasOlder = recent.next !== null;
      this.loaded = true;
      this.inventoryVersion++;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    const buffered = this.buffered;
    this.buffered = null;
    buffered.forEach((event) => this.apply(event));
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  apply(event: VigiaEvent): void {
    switch (event.type) {
      case 'status.changed': {
        const changes = stateChangesOf(event.statuses, (id) => this.statuses.get(id));
        for (const status of event.statuses) this.statuses.set(status.deviceId, status);
        this.noteRecent(changes);
        break;
      }
      case 'alarm.raised':
      case 'alarm.updated':
        this.noteRecent([alarmMomentOf(event.type, event.alarm, this.alarms.get(event.alarm.id))]);
        this.alarms.set(event.alarm.id, event.alarm);
        break;
      case 'alarm.cleared':
        this.noteRecent([alarmMomentOf(event.type, event.alarm, this.alarms.get(event.alarm.id))]);
        this.alarms.delete(event.alarm.id);
        break;
      case 'device.upserted':
        this.devices.set(event.device.id, event.device);
        this.inventoryVersion++;
        break;
      case 'devices.upserted':
        for (const device of event.devices) this.devices.set(device.id, device);
        this.inventoryVersion++;
        break;
      case 'device.deleted':
        this.devices.delete(event.id);
        this.inventoryVersion++;
        this.statuses.delete(event.id);
        break;
      case 'tower.upserted':
        this.towers.set(event.tower.id, event.tower);
        this.inventoryVersion++;
        break;
      case 'tower.deleted':
        this.towers.delete(event.id);
        this.inventoryVersion++;
        break;
      case 'engine.health':
        this.health = event.health;
        break;
      case 'ui.openDevice':
        window.location.hash = `#/devices/${event.deviceId}`;
        return;
      case 'notify.desktop':
        return;
      case 'settings.changed':
        if (this.settings) this.settings = { ...this.settings, [event.group]: event.value };
        break;
    }
    this.changed();
  }

  /** A burst of thousands of changes costs one merge; the oldest beyond RECENT_KEPT stay in the store. */
  private noteRecent(moments: readonly (RecentChange | null)[]): void {
    const fresh = moments.filter((moment): moment is RecentChange => moment !== null);
    if (fresh.length === 0) return;
    const before = this.recent.length;
    this.recent = mergeRecent(fresh, this.recent, RECENT_KEPT);
    if (before + fresh.length > RECENT_KEPT) this.recentHasOlder = true;
  }

  private changed(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.version++;
      this.listeners.forEach((listener) => listener());
    });
  }
}
