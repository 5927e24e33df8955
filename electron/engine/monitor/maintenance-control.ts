import type { z } from 'zod';
import type { MaintenanceScope, MaintenanceStart } from '../../../shared/contract/api';
import {
  describeScope,
  globalMaintenanceKey,
  isGlobalMaintenanceActive,
  maintenanceUntil,
  type GlobalMaintenanceValue,
} from '../../../shared/domain/monitor/maintenance';
import type { MaintenanceFields, Repository } from '../store/repository';
import type { Topology } from './topology';

const cleared: MaintenanceFields = { maintenanceUntil: null, maintenanceBy: null, maintenanceReason: null };

function untilWords(until: number | null): string {
  return until === null ? 'até ser encerrada / until ended' : `até / until ${new Date(until).toISOString()}`;
}

/**
 * Opens and closes maintenance windows: stores them on the device, the tower or (global) in the
 * settings, keeps the monitor's topology in step, and writes who, why and when to the audit log.
 */
export class MaintenanceControl {
  constructor(
    private readonly repo: Repository,
    private readonly topology: () => Topology,
    private readonly now: () => number,
  ) {}

  async start(input: z.output<typeof MaintenanceStart>): Promise<void> {
    const at = this.now();
    const until = maintenanceUntil(at, input.minutes);
    const fields: MaintenanceFields = {
      maintenanceUntil: until,
      maintenanceBy: input.by,
      maintenanceReason: input.reason,
    };
    await this.store(input.target, fields, { until, by: input.by, reason: input.reason, since: at });
    await this.repo.audit.add({
      at,
      actor: input.by,
      action: 'maintenance.start',
      target: describeScope(input.target),
      details: `${input.reason} (${untilWords(until)})`,
    });
  }

  async end(target: MaintenanceScope, by: string): Promise<void> {
    await this.store(target, cleared, null);
    await this.repo.audit.add({
      at: this.now(),
      actor: by,
      action: 'maintenance.end',
      target: describeScope(target),
      details: '',
    });
  }

  /** The global window while it is open, else null. */
  global(): GlobalMaintenanceValue | null {
    const value = this.topology().globalMaintenance;
    return isGlobalMaintenanceActive(value, this.now()) ? value : null;
  }

  private async store(
    target: MaintenanceScope,
    fields: MaintenanceFields,
    global: GlobalMaintenanceValue | null,
  ): Promise<void> {
    const topology = this.topology();
    if (target.scope === 'device') {
      const device = await this.repo.devices.setMaintenance(target.id, fields);
      topology.devices.set(device.id, device);
    } else if (target.scope === 'tower') {
      const tower = await this.repo.towers.setMaintenance(target.id, fields);
      topology.towers.set(tower.id, tower);
    } else {
      await this.repo.settings.set(globalMaintenanceKey, global);
      topology.globalMaintenance = global;
    }
  }
}
