import type { Device, DeviceInput } from '../../../shared/contract/entities';
import { assertNoCycle } from '../../../shared/domain/monitor/dependencies';
import type { Caller } from '../../../shared/contract/caller';
import type { ApiContext } from './context';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import { ApiFailure, invalidInput, notFound } from '../../../shared/contract/api-failure';

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

  interface Inventory {
    towerIds: Set<number>;
    devices: Map<number, Device>;
  }

  async function inventory(): Promise<Inventory> {
    const [towers, devices] = await Promise.all([repo.towers.list(), repo.devices.list()]);
    return {
      towerIds: new Set(towers.map((tower) => tower.id)),
      devices: new Map(devices.map((device) => [device.id, device])),
    };
  }

  function checkLinks(
    id: number | null,
    input: Partial<DeviceInput>,
    { towerIds, devices }: Inventory,
  ): void {
    if (input.towerId !== undefined && input.towerId !== null && !towerIds.has(input.towerId)) {
      throw invalidInput(`Tower ${input.towerId} does not exist.`, [
        { path: 'towerId', message: 'unknown tower' },
      ]);
    }
    if (input.parentId === undefined || input.parentId === null) return;
    if (!devices.has(input.parentId)) {
      throw invalidInput(`Parent device ${input.parentId} does not exist.`, [
        { path: 'parentId', message: 'unknown device' },
      ]);
    }
    if (id !== null)
      assertNoCycle(
        (other) => devices.get(other)?.parentId,
        id,
        input.parentId,
        (other) => devices.get(other)?.name ?? `#${other}`,
      );
  }

  /** Names the row at fault, which the store cannot do once the whole batch is rejected. */
  function assertUniqueHosts(rows: DeviceInput[], existing: Iterable<Device>): void {
    const owner = new Map([...existing].map((device) => [device.host, `device "${device.name}"`]));
    for (const [i, row] of rows.entries()) {
      const host = row.host.trim();
      const taken = owner.get(host);
      if (taken)
        throw new ApiFailure({
          code: 'conflict',
          message: `Row ${i + 1}: the address "${host}" is already used by ${taken}; nothing was imported.`,
          issues: [{ path: `rows.${i}.host`, message: 'address already in use' }],
        });
      owner.set(host, `row ${i + 1}`);
    }
  }

  const audit = (caller: Caller, action: string, target: string, details: string) =>
    repo.audit.add({ at: ctx.now(), actor: caller.name, action, target, details });

  return {
    'towers.list': () => repo.towers.list(),
    'towers.create': async (input, caller) => {
      const tower = await repo.towers.create(input);
      await audit(caller, 'tower.create', `tower:${tower.id}`, tower.name);
      bus.publish({ type: 'tower.upserted', tower });
      await ctx.inventoryChanged();
      return tower;
    },
    'towers.update': async ({ id, patch }, caller) => {
      const tower = await repo.towers.update(id, patch);
      await audit(caller, 'tower.update', `tower:${id}`, Object.keys(patch).join(', '));
      bus.publish({ type: 'tower.upserted', tower });
      await ctx.inventoryChanged();
      return tower;
    },
    'towers.delete': async ({ id }, caller) => {
      if (!(await repo.towers.get(id))) throw notFound(`Tower ${id} does not exist.`);
      const orphans = (await repo.devices.list()).filter((device) => device.towerId === id);
      await repo.towers.delete(id);
      await audit(caller, 'tower.delete', `tower:${id}`, `${orphans.length} devices left without tower`);
      bus.publish({ type: 'tower.deleted', id });
      if (orphans.length > 0)
        bus.publish({
          type: 'devices.upserted',
          devices: orphans.map((device) => ({ ...device, towerId: null })),
        });
      await ctx.inventoryChanged();
    },
    'devices.list': () => repo.devices.list(),
    'devices.get': async ({ id }) => {
      const device = await repo.devices.get(id);
      if (!device) throw notFound(`Device ${id} does not exist.`);
      return device;
    },
    'devices.create': async (input, caller) => {
      checkLinks(null, input, await inventory());
      const device = await repo.devices.create(input);
      await audit(caller, 'device.create', `device:${device.id}`, `${device.name} (${device.host})`);
      bus.publish({ type: 'device.upserted', device });
      await ctx.inventoryChanged();
      return device;
    },
    'devices.update': async ({ id, patch }, caller) => {
      const known = await inventory();
      checkLinks(id, patch, known);
      const device = await repo.devices.update(id, patch);
      await audit(caller, 'device.update', `device:${id}`, Object.keys(patch).join(', '));
      // SNMP credentials belong to the address they were saved for; a new address needs them again.
      if (patch.host !== undefined && known.devices.get(id)?.host !== device.host)
        await ctx.snmp['snmp.config.delete']({ deviceId: id }, caller);
      bus.publish({ type: 'device.upserted', device });
      await ctx.inventoryChanged();
      return device;
    },
    'devices.delete': async ({ id }, caller) => {
      if (!(await repo.devices.get(id))) throw notFound(`Device ${id} does not exist.`);
      const children = (await repo.devices.list()).filter((device) => device.parentId === id);
      await repo.devices.delete(id);
      await audit(
        caller,
        'device.delete',
        `device:${id}`,
        `${children.length} dependants left without parent`,
      );
      bus.publish({ type: 'device.deleted', id });
      if (children.length > 0)
        bus.publish({
          type: 'devices.upserted',
          devices: children.map((child) => ({ ...child, parentId: null })),
        });
      await ctx.inventoryChanged();
    },
    'devices.importMany': async ({ rows }, caller) => {
      const known = await inventory();
      assertUniqueHosts(rows, known.devices.values());
      for (const [i, row] of rows.entries()) {
        try {
          checkLinks(null, row, known);
        } catch (error) {
          if (!(error instanceof ApiFailure)) throw error;
          const field = error.error.issues[0]?.path;
          throw invalidInput(`Row ${i + 1}: ${error.message} Nothing was imported.`, [
            { path: field ? `rows.${i}.${field}` : `rows.${i}`, message: error.message },
          ]);
        }
      }
      const created = await repo.devices.createMany(rows);
      await audit(caller, 'device.import', 'devices', `${created.length} devices imported`);
      if (created.length > 0) bus.publish({ type: 'devices.upserted', devices: created });
      await ctx.inventoryChanged();
      return { created: created.length };
    },
  };
}
