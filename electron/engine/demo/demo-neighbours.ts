import type { Device } from '../../../shared/contract/entities';
import type { Neighbour, NeighbourReport } from '../../../shared/contract/topology';
import type { NeighbourReader } from '../collectors/snmp-port';
import type { Repository } from '../store/repository';

/** Kinds whose agents the demo pretends run LLDP/MNDP (CPEs and sectors' clients do not). */
const TALKERS = new Set<Device['kind']>(['router', 'switch', 'backhaul', 'olt']);
/** How many sectors the demo shows cabled into their tower's router instead of its switch. */
const MOVED_SECTORS = 2;

/**
 * The --demo network's neighbour tables, simulated (no packet leaves the machine): every
 * infrastructure device sees its configured parent and its non-CPE children over LLDP — except
 * that two sectors are seen on their tower's router rather than the configured switch (so the
 * Topology page has disagreements to show and proposals to decide), and one router sees two
 * neighbours that are not in the inventory (documentation addresses).
 */
export function createDemoNeighbourReader(repo: Pick<Repository, 'devices'>): NeighbourReader {
  return {
    read: async () => {
      const devices = await repo.devices.list();
      const byId = new Map(devices.map((device) => [device.id, device]));
      const routerOf = new Map<number, Device>();
      for (const device of devices)
        if (device.kind === 'router' && device.towerId !== null && device.parentId !== null)
          routerOf.set(device.towerId, device);
      const moved = new Map<number, Device>();
      for (const device of devices) {
        const router = device.towerId === null ? undefined : routerOf.get(device.towerId);
        if (moved.size < MOVED_SECTORS && device.kind === 'sector_ap' && router) moved.set(device.id, router);
      }
      const seenBy = new Map<number, Device[]>();
      const see = (observer: Device | undefined, neighbour: Device | undefined) => {
        if (!observer || !neighbour || !TALKERS.has(observer.kind)) return;
        seenBy.set(observer.id, [...(seenBy.get(observer.id) ?? []), neighbour]);
      };
      for (const device of devices) {
        if (device.kind === 'cpe' || device.parentId === null) continue;
        const parent = moved.get(device.id) ?? byId.get(device.parentId);
        see(parent, device);
        see(device, parent);
      }
      const strangers: Neighbour[] = [
        {
          protocol: 'lldp',
          localPort: 'ether9',
          chassisId: '02:00:5e:00:53:01',
          name: 'sw-cliente-demo',
          address: '192.0.2.10',
        },
        {
          protocol: 'mndp',
          localPort: 'ether10',
          chassisId: '02:00:5e:00:53:02',
          name: null,
          address: '192.0.2.11',
        },
      ];
      const firstRouter = devices.find((device) => device.kind === 'router');
      return [...seenBy].map(([id, neighbours]): NeighbourReport => ({
        deviceId: id,
        chassisId: null,
        sysName: byId.get(id)!.name,
        neighbours: [
          ...neighbours.map((neighbour, i) => ({
            protocol: 'lldp' as const,
            localPort: `ether${i + 1}`,
            chassisId: null,
            name: neighbour.name,
            address: neighbour.host,
          })),
          ...(id === firstRouter?.id ? strangers : []),
        ],
        missing: ['cdp'],
        error: null,
      }));
    },
  };
}
