import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../../../electron/engine/inventory/inventory';
import { EventBus } from '../../../../../electron/engine/event-bus';
import type { Tower } from '../../../../../shared/contract/entities';
import { storedDevice as device, storedRecord } from '../../../../helpers/devices';

const NOW = 1_800_000_000_000;

const tower = (id: number, extra: Partial<Tower> = {}): Tower =>
  ({
    id,
    name: `Torre ${id}`,
    code: `T${id}`,
    latitude: -7.2,
    longitude: -35.9,
    address: '',
    notes: '',
    ...storedRecord,
    ...extra,
  }) as Tower;

const inMaintenance = { maintenanceBy: 'ana', maintenanceUntil: NOW + 60_000, maintenanceReason: 'troca' };

/** Tower 1 ← backhaul 1 ← AP 2 ← CPE 3; a lone device 4; AP 5 on tower 2. */
function network(): Inventory {
  const inventory = new Inventory();
  const bus = new EventBus();
  inventory.follow(bus);
  bus.publish({ type: 'tower.upserted', tower: tower(1) });
  bus.publish({ type: 'tower.upserted', tower: tower(2) });
  bus.publish({
    type: 'devices.upserted',
    devices: [
      device(1, { towerId: 1 }),
      device(2, { towerId: 1, parentId: 1 }),
      device(3, { parentId: 2 }),
      device(4),
      device(5, { towerId: 2 }),
    ],
  });
  return inventory;
}

const covered = (inventory: Inventory, at = NOW) =>
  [1, 2, 3, 4, 5].filter((id) => inventory.coverage(at).device(id));

describe('inventory', () => {
  it('a parent in maintenance silences its children and theirs, even while it still answers', () => {
    const inventory = network();
    expect(covered(inventory)).toEqual([]);
    inventory.apply({
      type: 'device.upserted',
      device: device(2, { towerId: 1, parentId: 1, ...inMaintenance }),
    });
    expect(covered(inventory)).toEqual([2, 3]);
    expect(inventory.isSuppressed(3, NOW)).toBe(true);
    expect(inventory.isSuppressed(1, NOW)).toBe(false);
    // When the window runs out, the children speak again.
    expect(covered(inventory, NOW + 120_000)).toEqual([]);
  });

  it('a tower window covers its devices and their dependants elsewhere; the global one covers all', () => {
    const inventory = network();
    inventory.apply({ type: 'tower.upserted', tower: tower(1, inMaintenance) });
    expect(covered(inventory)).toEqual([1, 2, 3]);
    expect(inventory.coverage(NOW).tower(1)).toBe(true);
    expect(inventory.coverage(NOW).tower(2)).toBe(false);
    inventory.setGlobalMaintenance({ until: NOW + 1_000, by: 'noc', reason: 'janela', since: NOW });
    expect(covered(inventory)).toEqual([1, 2, 3, 4, 5]);
    expect(inventory.globalMaintenance(NOW)).toMatchObject({ by: 'noc' });
    expect(inventory.globalMaintenance(NOW + 2_000)).toBeNull();
  });

  it('ends a parent loop left in old data instead of walking forever', () => {
    const inventory = new Inventory();
    inventory.apply({ type: 'device.upserted', device: device(1, { parentId: 2 }) });
    inventory.apply({ type: 'device.upserted', device: device(2, { parentId: 1, ...inMaintenance }) });
    expect(inventory.coverage(NOW).device(1)).toBe(true);
    expect(inventory.coverage(NOW + 120_000).device(1)).toBe(false);
  });

  it('follows deletions as the store does: children lose their parent, devices their tower', () => {
    const inventory = network();
    inventory.apply({ type: 'device.deleted', id: 2 });
    expect(inventory.device(2)).toBeUndefined();
    expect(inventory.device(3)?.parentId).toBeNull();
    inventory.apply({ type: 'tower.deleted', id: 1 });
    expect(inventory.device(1)?.towerId).toBeNull();
    expect(inventory.allTowers().map((t) => t.id)).toEqual([2]);
    expect(inventory.links()).toEqual([
      { id: 1, towerId: null, parentId: null },
      { id: 3, towerId: null, parentId: null },
      { id: 4, towerId: null, parentId: null },
      { id: 5, towerId: 2, parentId: null },
    ]);
  });

  it('counts the subscribers behind a tower from its radios’ wireless clients', () => {
    const inventory = network();
    inventory.noteWirelessClients(1, 40);
    inventory.noteWirelessClients(2, 25);
    inventory.noteWirelessClients(5, 7);
    expect(inventory.subscribersBehind(1)).toBe(65);
    expect(inventory.subscribersBehind(2)).toBe(7);
    inventory.apply({ type: 'device.deleted', id: 2 });
    expect(inventory.subscribersBehind(1)).toBe(40);
  });

  it('lists only enabled devices as targets, narrowed when asked', () => {
    const inventory = network();
    inventory.apply({ type: 'device.upserted', device: device(4, { enabled: false }) });
    expect(inventory.targets(null).map((t) => t.id)).toEqual([1, 2, 3, 5]);
    expect(inventory.targets(new Set([3, 4]))).toEqual([{ id: 3, host: '127.30.0.3', towerId: null }]);
    expect(inventory.deviceName(9)).toBe('#9');
    expect(inventory.towerName(2)).toBe('Torre 2');
  });
});
