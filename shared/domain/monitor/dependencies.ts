/**
 * Dependencies between devices: every device may sit on a tower and hang from a parent device
 * (at any depth, across towers). Parent links must never form a cycle; the API checks every
 * assignment with `assertNoCycle` before storing it.
 */
export interface TopologyDevice {
  id: number;
  towerId: number | null;
  parentId: number | null;
}

export class DependencyCycleError extends Error {
  constructor(
    readonly cycle: number[],
    nameOf: (id: number) => string,
  ) {
    super(
      `Dependência circular / dependency cycle: ${cycle.map(nameOf).join(' → ')}. ` +
        'Um equipamento não pode depender de si mesmo nem de um dos seus dependentes / ' +
        'a device cannot depend on itself or on one of its dependants.',
    );
    this.name = 'DependencyCycleError';
  }
}

/**
 * The cycle that giving `deviceId` the parent `parentId` would create, as the path
 * `[deviceId, parentId, …, deviceId]`, or null when the assignment is sound. `parentOf` reads the
 * current parent links; the link of `deviceId` itself is ignored since it is being replaced.
 */
export function findParentCycle(
  parentOf: (id: number) => number | null | undefined,
  deviceId: number,
  parentId: number | null,
): number[] | null {
  const path = [deviceId];
  const seen = new Set<number>([deviceId]);
  let current: number | null | undefined = parentId;
  while (current !== null && current !== undefined) {
    path.push(current);
    if (current === deviceId) return path;
    // A cycle further up that does not pass through deviceId is not this assignment's doing.
    if (seen.has(current)) return null;
    seen.add(current);
    current = parentOf(current);
  }
  return null;
}

export function assertNoCycle(
  parentOf: (id: number) => number | null | undefined,
  deviceId: number,
  parentId: number | null,
  nameOf: (id: number) => string = (id) => `#${id}`,
): void {
  const cycle = findParentCycle(parentOf, deviceId, parentId);
  if (cycle) throw new DependencyCycleError(cycle, nameOf);
}

export type RootCause = { kind: 'device'; id: number } | { kind: 'tower'; id: number };

export const rootCauseKey = (root: RootCause): string => `${root.kind}:${root.id}`;

export interface OutagePicture {
  /** For every failed device: the failure that explains it (itself when nothing upstream failed). */
  rootOf: Map<number, RootCause>;
  /** Towers whose uplinks are all down. */
  downTowers: Set<number>;
  /** Failed devices each root cause stands for, itself included. Keyed by `rootCauseKey`. */
  affected: Map<string, number>;
}

/**
 * The rule for a tower: its uplinks are the devices on it with no parent on the same tower (no
 * parent at all, or a parent on another tower). A tower is down when it has at least one uplink
 * and every uplink is down. Towers have no address of their own, so this is the only way to see
 * a tower lose power: everything that connects it to the network stops answering.
 *
 * Root causes, walking upwards from a failed device: a failed parent explains its children; a down
 * tower explains every failed device on it; a down tower whose uplinks all hang from failed
 * devices elsewhere is itself explained by them (a backhaul chain), so the alarm goes to the
 * first failure upstream and counts everything behind it.
 */
export function resolveOutages(
  devices: readonly TopologyDevice[],
  failed: (id: number) => boolean,
): OutagePicture {
  const byId = new Map(devices.map((device) => [device.id, device]));
  const uplinks = towerUplinks(devices, byId);
  const downTowers = new Set<number>();
  for (const [towerId, links] of uplinks)
    if (links.every((device) => failed(device.id))) downTowers.add(towerId);

  const rootOf = new Map<number, RootCause>();
  const towerRoot = new Map<number, RootCause>();
  const visiting = new Set<number>();

  const rootOfTower = (towerId: number): RootCause => {
    const known = towerRoot.get(towerId);
    if (known) return known;
    const links = uplinks.get(towerId) ?? [];
    const upstream = links.every((d) => d.parentId !== null && failed(d.parentId) && byId.has(d.parentId));
    const first = links[0];
    const root =
      upstream && first && first.parentId !== null
        ? rootOfDevice(first.parentId)
        : ({ kind: 'tower', id: towerId } as const);
    towerRoot.set(towerId, root);
    return root;
  };

  const rootOfDevice = (id: number): RootCause => {
    const known = rootOf.get(id);
    if (known) return known;
    const device = byId.get(id);
    let root: RootCause = { kind: 'device', id };
    // Stored data may hold a cycle the API never let through (an old import): break it here.
    if (device && !visiting.has(id)) {
      visiting.add(id);
      if (device.parentId !== null && byId.has(device.parentId) && failed(device.parentId))
        root = rootOfDevice(device.parentId);
      else if (device.towerId !== null && downTowers.has(device.towerId)) root = rootOfTower(device.towerId);
      visiting.delete(id);
    }
    rootOf.set(id, root);
    return root;
  };

  const affected = new Map<string, number>();
  for (const device of devices) {
    if (!failed(device.id)) continue;
    const key = rootCauseKey(rootOfDevice(device.id));
    affected.set(key, (affected.get(key) ?? 0) + 1);
  }
  return { rootOf, downTowers, affected };
}

function towerUplinks(
  devices: readonly TopologyDevice[],
  byId: Map<number, TopologyDevice>,
): Map<number, TopologyDevice[]> {
  const uplinks = new Map<number, TopologyDevice[]>();
  for (const device of devices) {
    if (device.towerId === null) continue;
    const parent = device.parentId === null ? undefined : byId.get(device.parentId);
    if (parent && parent.towerId === device.towerId) continue;
    const list = uplinks.get(device.towerId);
    if (list) list.push(device);
    else uplinks.set(device.towerId, [device]);
  }
  return uplinks;
}

export interface SectorProblem {
  towerId: number;
  failed: number;
  total: number;
  /** The failed devices on the tower that fail on their own; their alarms are folded into this one. */
  roots: number[];
}

/**
 * A sector problem: the tower answers (it is not down), yet at least `sectorFailPct` % of its
 * watched devices have failed, and for more than one independent reason. A single failed parent
 * with many children is a root cause, not a sector problem.
 */
export function findSectorProblems(
  devices: readonly TopologyDevice[],
  watched: (id: number) => boolean,
  outage: OutagePicture,
  rule: { sectorFailPct: number; sectorMinDevices: number },
): SectorProblem[] {
  const perTower = new Map<number, { total: number; failed: number; roots: number[] }>();
  for (const device of devices) {
    if (device.towerId === null || !watched(device.id)) continue;
    let entry = perTower.get(device.towerId);
    if (!entry) perTower.set(device.towerId, (entry = { total: 0, failed: 0, roots: [] }));
    entry.total += 1;
    const root = outage.rootOf.get(device.id);
    if (!root) continue;
    entry.failed += 1;
    if (root.kind === 'device' && root.id === device.id) entry.roots.push(device.id);
  }
  const problems: SectorProblem[] = [];
  for (const [towerId, { total, failed, roots }] of perTower) {
    if (outage.downTowers.has(towerId) || total < rule.sectorMinDevices || roots.length < 2) continue;
    if ((failed / total) * 100 >= rule.sectorFailPct) problems.push({ towerId, failed, total, roots });
  }
  return problems;
}
