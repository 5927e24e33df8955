import type { Device, DeviceInput } from '../../../shared/contract/entities';
import { assertNoCycle } from '../../../shared/domain/monitor/dependencies';
import type { ApiContext } from './context';
import type { ApiHandlers } from './dispatch';
import { invalidInput } from './errors';

type InventoryMethods =
  | 'towers.list'
  | 'towers.create'
  | 'towers.update'
  | 'towers.delete'
  | 'devices.list'
  | 'devices.get'
  | 'devices.create'
  | 'devices.update'
  | 'devices.delete'
  | 'devices.importMany';

/**
 * Towers and devices: validated beyond their schemas (the tower and parent must exist, a parent
 * link must not close a loop), audited, announced as events, and handed to the monitor.
 */
export function inventoryHandlers(ctx: ApiContext): Pick<ApiHandlers, InventoryMethods> {
  const { repo, bus } = ctx;

  async function checkLinks(
    id: number | null,
    input: Partial<DeviceInput>,
    devices: Device[],
  ): Promise<void> {
    if (input.towerId !== undefined && input.towerId !== null && !(await repo.towers.get(input.towerId))) {
      throw invalidInput(`Tower ${input.towerId} does not exist.`, [
        { path: 'towerId', message: 'unknown tower' },
      ]);
    }
    if (input.parentId === undefined || input.parentId === null) return;
    const byId = new Map(devices.map((device) => [device.id, device]));
    if (!byId.has(input.parentId)) {
      throw invalidInput(`Parent device ${input.parentId} does not exist.`, [
        { path: 'parentId', message: 'unknown device' },
      ]);
    }
    if (id !== null)
      assertNoCycle(
        (other) => byId.get(other)?.parentId,
        id,
        input.parentId,
        (other) => byId.get(other)?.name ?? `#${other}`,
      );
  }

  const audit = (action: string, target: string, details: string) =>
    repo.audit.add({ at: ctx.now(), actor: 'operator', action, target, details });

  return {
    'towers.list': () => repo.towers.list(),
    'towers.create': async (input) => {
      const tower = await repo.towers.create(input);
      await audit('tower.create', `tower:${tower.id}`, tower.name);
      bus.publish({ type: 'tower.upserted', tower });
      await ctx.inventoryChanged();
      return tower;
    },
    'towers.update': async ({ id, patch }) => {
      const tower = await repo.towers.update(id, patch);
      await audit('tower.update', `tower:${id}`, Object.keys(patch).join(', '));
      bus.publish({ type: 'tower.upserted', tower });
      await ctx.inventoryChanged();
      return tower;
    },
    'towers.delete': async ({ id }) => {
      const orphans = (await repo.devices.list()).filter((device) => device.towerId === id);
      await repo.towers.delete(id);
      await audit('tower.delete', `tower:${id}`, `${orphans.length} devices left without tower`);
      bus.publish({ type: 'tower.deleted', id });
      for (const device of orphans)
        bus.publish({ type: 'device.upserted', device: { ...device, towerId: null } });
      await ctx.inventoryChanged();
    },
    'devices.list': () => repo.devices.list(),
    'devices.get': async ({ id }) => {
      const device = await repo.devices.get(id);
      if (!device) throw invalidInput(`Device ${id} does not exist.`);
      return device;
    },
    'devices.create': async (input) => {
      await checkLinks(null, input, await repo.devices.list());
      const device = await repo.devices.create(input);
      await audit('device.create', `device:${device.id}`, `${device.name} (${device.host})`);
      bus.publish({ type: 'device.upserted', device });
      await ctx.inventoryChanged();
      return device;
    },
    'devices.update': async ({ id, patch }) => {
      await checkLinks(id, patch, await repo.devices.list());
      const device = await repo.devices.update(id, patch);
      await audit('device.update', `device:${id}`, Object.keys(patch).join(', '));
      bus.publish({ type: 'device.upserted', device });
      await ctx.inventoryChanged();
      return device;
    },
    'devices.delete': async ({ id }) => {
      const children = (await repo.devices.list()).filter((device) => device.parentId === id);
      await repo.devices.delete(id);
      await audit('device.delete', `device:${id}`, `${children.length} dependants left without parent`);
      bus.publish({ type: 'device.deleted', id });
      for (const child of children)
        bus.publish({ type: 'device.upserted', device: { ...child, parentId: null } });
      await ctx.inventoryChanged();
    },
    'devices.importMany': async ({ rows }) => {
      const existing = await repo.devices.list();
      for (const [i, row] of rows.entries()) {
        try {
          await checkLinks(null, row, existing);
        } catch (error) {
          throw invalidInput(`Row ${i + 1}: ${(error as Error).message}`, [
            { path: `rows.${i}`, message: (error as Error).message },
          ]);
        }
      }
      const created = await repo.devices.createMany(rows);
      await audit('device.import', 'devices', `${created.length} devices imported`);
      for (const device of created) bus.publish({ type: 'device.upserted', device });
      await ctx.inventoryChanged();
      return { created: created.length };
    },
  };
}
