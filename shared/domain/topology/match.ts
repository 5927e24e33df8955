import type { Neighbour, NeighbourReport } from '../../contract/topology';

/** An inventory device as matching sees it: its address and name, and what its agent said of itself. */
export interface MatchDevice {
  id: number;
  name: string;
  host: string;
}

export type NeighbourMatch =
  | { kind: 'matched'; deviceId: number; by: 'address' | 'chassis' | 'name' }
  | { kind: 'ambiguous'; candidates: number[]; by: 'address' | 'chassis' | 'name' }
  | { kind: 'unknown' };

const lower = (text: string | null): string => (text ?? '').trim().toLowerCase();

/**
 * Matches neighbours to the inventory. The rule: management address first, then chassis id
 * (against the chassis ids the devices' own agents reported), then name (the inventory name or
 * the agent's sysName, any case). The first of these that finds any device decides: exactly one
 * device is a match, two or more are ambiguous — no guess is made, and a weaker kind of evidence
 * is not asked to break the tie. Nothing found is unknown (counted and shown, never a parent).
 */
export function neighbourMatcher(
  devices: readonly MatchDevice[],
  reports: readonly Pick<NeighbourReport, 'deviceId' | 'chassisId' | 'sysName'>[],
): (neighbour: Neighbour) => NeighbourMatch {
  const index = (entries: [string, number][]) => {
    const map = new Map<string, Set<number>>();
    for (const [key, id] of entries) if (key) map.set(key, (map.get(key) ?? new Set()).add(id));
    return map;
  };
  const byAddress = index(devices.map((device) => [lower(device.host), device.id]));
  const byChassis = index(reports.map((report) => [lower(report.chassisId), report.deviceId]));
  const byName = index([
    ...devices.map((device): [string, number] => [lower(device.name), device.id]),
    ...reports.map((report): [string, number] => [lower(report.sysName), report.deviceId]),
  ]);
  const kinds = [
    ['address', byAddress, (neighbour: Neighbour) => neighbour.address],
    ['chassis', byChassis, (neighbour: Neighbour) => neighbour.chassisId],
    ['name', byName, (neighbour: Neighbour) => neighbour.name],
  ] as const;
  return (neighbour) => {
    for (const [by, map, key] of kinds) {
      const found = map.get(lower(key(neighbour)));
      if (!found) continue;
      const candidates = [...found].sort((a, b) => a - b);
      return candidates.length === 1
        ? { kind: 'matched', deviceId: candidates[0]!, by }
        : { kind: 'ambiguous', candidates, by };
    }
    return { kind: 'unknown' };
  };
}
