import type { Device, Tower } from '../../../shared/contract/entities';
import type { PingTarget } from '../../../shared/contract/pinger';
import type { TopologyDevice } from '../../../shared/domain/monitor/dependencies';
import {
  coversDevice,
  isGlobalMaintenanceActive,
  isUnderMaintenance,
  type GlobalMaintenanceValue,
} from '../../../shared/domain/monitor/maintenance';
import type { Repository } from '../store/repository';

/**
 * The devices and towers as the monitor last loaded them, indexed for a cycle: loaded once and
 * again on `reload()`, never per cycle. Maintenance fields are patched in place when the monitor
 * itself opens or closes a window.
 */
export class Topology {
  private constructor(
    readonly devices: Map<number, Device>,
    readonly towers: Map<number, Tower>,
    public globalMaintenance: GlobalMaintenanceValue | null,
  ) {}

  static async load(repo: Repository, globalKey: string): Promise<Topology> {
    const [devices, towers, global] = await Promise.all([
      repo.devices.list(),
      repo.towers.list(),
      repo.settings.get(globalKey),
    ]);
    return new Topology(
      new Map(devices.map((d) => [d.id, d])),
      new Map(towers.map((t) => [t.id, t])),
      (global as GlobalMaintenanceValue | null | undefined) ?? null,
    );
  }

  get monitored(): Device[] {
    return [...this.devices.values()].filter((d) => d.enabled);
  }

  links(): TopologyDevice[] {
    return [...this.devices.values()].map(({ id, towerId, parentId }) => ({ id, towerId, parentId }));
  }

  targets(only: ReadonlySet<number> | null): PingTarget[] {
    return this.monitored
      .filter((d) => only === null || only.has(d.id))
      .map((d) => ({ id: d.id, host: d.host, towerId: d.towerId }));
  }

  /** The coverage test of this instant; built once per cycle. */
  coverage(now: number): { device: (id: number) => boolean; tower: (id: number) => boolean } {
    const global = isGlobalMaintenanceActive(this.globalMaintenance, now);
    const towerWindow = (id: number) => this.towers.get(id);
    return {
      device: (id) => {
        const device = this.devices.get(id);
        return device ? coversDevice(device, towerWindow, global, now) : global;
      },
      tower: (id) => global || isUnderMaintenance(this.towers.get(id), now),
    };
  }

  deviceName = (id: number): string => this.devices.get(id)?.name ?? `#${id}`;
  towerName = (id: number): string => this.towers.get(id)?.name ?? `#${id}`;
}
