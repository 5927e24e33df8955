import type { Device, DeviceState, DeviceStatus, Tower } from '../../../shared/contract/entities';
import { stateRank, worstState } from '../live/derive';

export interface TowerMarker {
  tower: Tower;
  /** Devices placed at this tower: a device has no coordinates of its own, it stands where its tower is. */
  count: number;
  worst: DeviceState;
  /** Devices of the tower that are not up, worst first: what the tooltip names. */
  troubled: { id: number; name: string; state: DeviceState }[];
}

/** The backhaul between two towers, in the state of the far end's radio. */
export type LinkState = 'up' | 'degraded' | 'down' | 'unknown';

export interface BackhaulLink {
  key: string;
  from: [number, number];
  to: [number, number];
  state: LinkState;
}

export interface MapView {
  markers: TowerMarker[];
  links: BackhaulLink[];
  /** Devices without a tower: the map cannot place them, the legend says how many. */
  unplaced: number;
}

/** A link reads down when the device that depends on it does not answer, dashed red on the map. */
export function linkState(state: DeviceState): LinkState {
  if (state === 'down' || state === 'unreachable') return 'down';
  if (state === 'degraded' || state === 'flapping') return 'degraded';
  if (state === 'up') return 'up';
  return 'unknown';
}

const linkRank: Record<LinkState, number> = { down: 0, degraded: 1, unknown: 2, up: 3 };

/**
 * Towers coloured by the worst state of their devices, and a link wherever a device on one tower
 * depends on a device on another (the backhaul tree), in the worst state of the dependants on it.
 */
export function deriveMapView(
  towers: ReadonlyMap<number, Tower>,
  devices: ReadonlyMap<number, Device>,
  statuses: ReadonlyMap<number, DeviceStatus>,
): MapView {
  const stateOf = (id: number): DeviceState => statuses.get(id)?.state ?? 'unknown';
  const byTower = new Map<number, Device[]>();
  let unplaced = 0;
  for (const device of devices.values()) {
    if (device.towerId === null || !towers.has(device.towerId)) {
      unplaced++;
      continue;
    }
    const list = byTower.get(device.towerId);
    if (list) list.push(device);
    else byTower.set(device.towerId, [device]);
  }
  const markers = [...towers.values()].map((tower): TowerMarker => {
    const placed = byTower.get(tower.id) ?? [];
    const troubled = placed
      .map((device) => ({ id: device.id, name: device.name, state: stateOf(device.id) }))
      .filter((device) => device.state !== 'up')
      .sort((a, b) => stateRank[a.state] - stateRank[b.state] || a.name.localeCompare(b.name));
    return {
      tower,
      count: placed.length,
      worst: worstState(placed.map((device) => stateOf(device.id))) ?? 'unknown',
      troubled,
    };
  });
  const links = new Map<string, BackhaulLink>();
  for (const device of devices.values()) {
    const parent = device.parentId ? devices.get(device.parentId) : undefined;
    if (!parent || device.towerId === null || parent.towerId === null || parent.towerId === device.towerId)
      continue;
    const a = towers.get(parent.towerId);
    const b = towers.get(device.towerId);
    if (!a || !b) continue;
    const key = `${a.id}-${b.id}`;
    const state = linkState(stateOf(device.id));
    const known = links.get(key);
    if (known && linkRank[known.state] <= linkRank[state]) continue;
    links.set(key, { key, from: [a.latitude, a.longitude], to: [b.latitude, b.longitude], state });
  }
  return { markers, links: [...links.values()], unplaced };
}
