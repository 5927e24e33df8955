import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import type { Alarm, Device, Tower } from '../../../shared/contract/entities';
import type { VigiaEvent } from '../../../shared/contract/events';
import type { PingTarget } from '../../../shared/contract/pinger';
import type { TopologyDevice } from '../../../shared/domain/monitor/dependencies';
import {
  coversDevice,
  globalMaintenanceKey,
  isGlobalMaintenanceActive,
  isUnderMaintenance,
  type GlobalMaintenanceValue,
} from '../../../shared/domain/monitor/maintenance';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';

/** Which devices and towers a maintenance window covers at one instant. */
export interface Coverage {
  device(id: number): boolean;
  tower(id: number): boolean;
}

const NOTHING_COVERED: Coverage = { device: () => false, tower: () => false };

/** Several instances on one PostgreSQL: the groups this one leads, and the devices outside the default group. */
export interface PollerScope {
  groups: ReadonlySet<number>;
  membership: ReadonlyMap<number, number>;
}

/**
 * The engine's one picture of the network: devices, towers, their links, maintenance windows
 * (the global one too) and the subscribers behind each tower. Loaded once, then kept current by
 * the engine's events; the ICMP and SNMP monitors, the notifications and the Telegram bot read it
 * synchronously instead of each keeping a copy.
 */
export class Inventory {
  private readonly devices = new Map<number, Device>();
  private readonly towers = new Map<number, Tower>();
  /** Wireless clients associated to each radio, as SNMP last counted them. */
  private readonly clients = new Map<number, number>();
  private global: GlobalMaintenanceValue | null = null;
  /** The poller groups this instance leads and each device's group; null: it polls everything. */
  private scope: PollerScope | null = null;

  static async load(repo: Repository): Promise<Inventory> {
    const inventory = new Inventory();
    const [devices, towers, global] = await Promise.all([
      repo.devices.list(),
      repo.towers.list(),
      repo.settings.get(globalMaintenanceKey),
    ]);
    for (const device of devices) inventory.devices.set(device.id, device);
    for (const tower of towers) inventory.towers.set(tower.id, tower);
    inventory.global = (global as GlobalMaintenanceValue | null | undefined) ?? null;
    return inventory;
  }

  /** Follows the bus's inventory events; returns the unsubscribe. */
  follow(bus: EventBus): () => void {
    return bus.subscribe((event) => this.apply(event));
  }

  apply(event: VigiaEvent): void {
    switch (event.type) {
      case 'device.upserted':
        this.devices.set(event.device.id, event.device);
        break;
      case 'devices.upserted':
        for (const device of event.devices) this.devices.set(device.id, device);
        break;
      case 'device.deleted':
        this.devices.delete(event.id);
        this.clients.delete(event.id);
        // The store keeps the children, without a parent.
        for (const [id, device] of this.devices)
          if (device.parentId === event.id) this.devices.set(id, { ...device, parentId: null });
        break;
      case 'tower.upserted':
        this.towers.set(event.tower.id, event.tower);
        break;
      case 'tower.deleted':
        this.towers.delete(event.id);
        for (const [id, device] of this.devices)
          if (device.towerId === event.id) this.devices.set(id, { ...device, towerId: null });
        break;
      default:
        break;
    }
  }

  setGlobalMaintenance(value: GlobalMaintenanceValue | null): void {
    this.global = value;
  }

  /** The global window while it is open at `now`, else null. */
  globalMaintenance(now: number): GlobalMaintenanceValue | null {
    return isGlobalMaintenanceActive(this.global, now) ? this.global : null;
  }

  device(id: number): Device | undefined {
    return this.devices.get(id);
  }

  tower(id: number): Tower | undefined {
    return this.towers.get(id);
  }

  allDevices(): Device[] {
    return [...this.devices.values()];
  }

  allTowers(): Tower[] {
    return [...this.towers.values()];
  }

  /** The devices ICMP probes: the enabled ones of the poller groups this instance leads. */
  monitored(): Device[] {
    return this.allDevices().filter((device) => device.enabled && this.pollsDevice(device.id));
  }

  /** Narrows the pollers to the groups this instance leads (null: every device, one instance alone). */
  setScope(scope: PollerScope | null): void {
    this.scope = scope;
  }

  /** Whether this instance's pollers own the device (its group's leader is this instance). */
  pollsDevice(id: number): boolean {
    return this.scope === null || this.scope.groups.has(this.groupOf(id));
  }

  /** The device's poller group as last read from the store (the default group when in none). */
  groupOf(id: number): number {
    return this.scope?.membership.get(id) ?? DEFAULT_POLLER_GROUP;
  }

  /** Whether the pollers here decide this alarm: its device's group, else (a tower's) the default group. */
  polls(alarm: Pick<Alarm, 'deviceId'>): boolean {
    if (this.scope === null) return true;
    return alarm.deviceId === null
      ? this.scope.groups.has(DEFAULT_POLLER_GROUP)
      : this.pollsDevice(alarm.deviceId);
  }

  links(): TopologyDevice[] {
    return this.allDevices().map(({ id, towerId, parentId }) => ({ id, towerId, parentId }));
  }

  /** The monitored devices as ping targets; `only` narrows them (null: all). */
  targets(only: ReadonlySet<number> | null): PingTarget[] {
    return this.monitored()
      .filter((device) => only === null || only.has(device.id))
      .map((device) => ({ id: device.id, host: device.host, towerId: device.towerId }));
  }

  deviceName = (id: number): string => this.devices.get(id)?.name ?? `#${id}`;
  towerName = (id: number): string => this.towers.get(id)?.name ?? `#${id}`;

  /**
   * What maintenance covers at `now`: a device's own window, its tower's, the global one — and,
   * rule 2 of the dependency rules, any ancestor's: a parent in maintenance silences its children
   * even while it still answers (work on it may cut them off at any moment). Memoised, so a
   * cycle's many questions cost one walk up each chain.
   */
  coverage(now: number): Coverage {
    const global = isGlobalMaintenanceActive(this.global, now);
    // Most of the time no window is open: one scan answers every question without the memo,
    // whose 100,000 lookups a cycle asks (twice per device) cost more than the scan.
    if (!global && !this.anyWindowOpen(now)) return NOTHING_COVERED;
    const towerWindow = (id: number) => this.towers.get(id);
    const known = new Map<number, boolean>();
    const device = (id: number): boolean => {
      const cached = known.get(id);
      if (cached !== undefined) return cached;
      // Marked first, so a parent loop (refused by the API, but possible in old data) ends.
      known.set(id, global);
      const found = this.devices.get(id);
      const covered = found
        ? coversDevice(found, towerWindow, global, now) || (found.parentId !== null && device(found.parentId))
        : global;
      known.set(id, covered);
      return covered;
    };
    return { device, tower: (id) => global || isUnderMaintenance(this.towers.get(id), now) };
  }

  private anyWindowOpen(now: number): boolean {
    for (const tower of this.towers.values()) if (isUnderMaintenance(tower, now)) return true;
    for (const device of this.devices.values()) if (isUnderMaintenance(device, now)) return true;
    return false;
  }

  /** True while alarms of this device are silenced by maintenance (its own, an ancestor's, its tower's, all). */
  isSuppressed(deviceId: number, now: number): boolean {
    return this.coverage(now).device(deviceId);
  }

  /** SNMP counted the wireless clients of a radio. */
  noteWirelessClients(deviceId: number, count: number): void {
    this.clients.set(deviceId, count);
  }

  /** Subscribers behind a tower: the wireless clients of its radios. */
  subscribersBehind = (towerId: number): number => {
    let total = 0;
    for (const [id, count] of this.clients) if (this.devices.get(id)?.towerId === towerId) total += count;
    return total;
  };
}
