import type { z } from 'zod';
import type { MaintenanceScope, MaintenanceStart } from '../../../shared/contract/api';
import {
  describeScope,
  globalMaintenanceKey,
  maintenanceUntil,
  type GlobalMaintenanceValue,
} from '../../../shared/domain/monitor/maintenance';
import type { EventBus } from '../event-bus';
import type { Inventory } from '../inventory/inventory';
import type { MaintenanceFields, Repository } from '../store/repository';

const cleared: MaintenanceFields = { maintenanceUntil: null, maintenanceBy: null, maintenanceReason: null };

function untilWords(until: number | null): string {
  return until === null ? 'até ser encerrada / until ended' : `até / until ${new Date(until).toISOString()}`;
}

/**
 * Opens and closes maintenance windows: stores them on the device, the tower or (global) in the
 * settings, announces the changed device or tower (the inventory and the UI follow the events),
 * and writes who, why and when to the audit log.
 */
export class MaintenanceControl {
  constructor(
    private readonly repo: Repository,
    private readonly inventory: Inventory,
    private readonly bus: EventBus,
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

  private async store(
    target: MaintenanceScope,
    fields: MaintenanceFields,
    global: GlobalMaintenanceValue | null,
  ): Promise<void> {
    if (target.scope === 'device') {
      const device = await this.repo.devices.setMaintenance(target.id, fields);
      this.bus.publish({ type: 'device.upserted', device });
    } else if (target.scope === 'tower') {
      const tower = await this.repo.towers.setMaintenance(target.id, fields);
      this.bus.publish({ type: 'tower.upserted', tower });
    } else {
      await this.repo.settings.set(globalMaintenanceKey, global);
      this.inventory.setGlobalMaintenance(global);
    }
  }
}
