import type { DeviceKind } from '../../contract/entities';
import type { Neighbour, NeighbourProtocol, NeighbourReport } from '../../contract/topology';
import { findParentCycle } from '../monitor/dependencies';
import { neighbourMatcher, type MatchDevice } from './match';

export interface TopologyInventoryDevice extends MatchDevice {
  kind: DeviceKind;
  parentId: number | null;
}

/** A link seen in a neighbour table, as evidence: who saw it, how, and on which of its ports. */
export interface LinkEvidence {
  observerId: number;
  protocol: NeighbourProtocol;
  port: string;
}

/** "child hangs from parent", as the neighbour tables suggest. */
export interface ParentProposal {
  childId: number;
  parentId: number;
  /** The parent configured now (null: none); a proposal always differs from it. */
  configuredParentId: number | null;
  evidence: LinkEvidence;
}

export interface TopologyPicture {
  proposals: ParentProposal[];
  /** Children whose discovered parent is the configured one. */
  agreeing: number;
  /** Each child with exactly one discovered parent (agreeing with the configured one or not). */
  discovered: { childId: number; parentId: number }[];
  /** Links whose direction no rule decides (two devices of one kind, no configured ancestry). */
  undecided: { a: number; b: number; evidence: LinkEvidence }[];
  /** Children seen hanging from several devices at once (redundant uplinks): the operator decides. */
  severalParents: { childId: number; parentIds: number[] }[];
  /** Proposals left out because, with the configured parents and the other proposals, they close a loop. */
  loops: { childId: number; parentId: number }[];
  /** Neighbours that match two or more inventory devices: no proposal is made from them. */
  ambiguous: { observerId: number; neighbour: Neighbour; candidates: number[] }[];
  /** Neighbours that match no inventory device. */
  unknown: { observerId: number; neighbour: Neighbour }[];
}

/**
 * How far upstream a kind of device usually sits (lower is nearer the core); `other` has no rank.
 * A sector hangs from a backhaul or switch, a backhaul from a switch or router, a CPE from a sector.
 */
const kindRank: Partial<Record<DeviceKind, number>> = {
  router: 0,
  switch: 1,
  olt: 1,
  optical: 1,
  backhaul: 2,
  server: 3,
  sector_ap: 3,
  cpe: 4,
};

const isAncestor = (parentOf: Map<number, number | null>, ancestor: number, of: number): boolean => {
  const seen = new Set<number>();
  for (let at = parentOf.get(of) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
};

/**
 * From the devices' neighbour tables to proposed parent links. The direction of a discovered link
 * is decided, in this order, by: (1) the configured tree — when one device is already an ancestor
 * of the other, the link is read that way; (2) the device kinds — the kind nearer the core is the
 * parent (router, then switch/OLT, then backhaul, then sector/server, then CPE). Vigia does not
 * know the hop count from the poller to each device, so a link between two devices of one kind
 * (or of kind "other") with no configured ancestry stays undecided and is shown, not proposed.
 * A child with one discovered parent different from its configured one gets a proposal; one with
 * several gets none (listed); a proposal that would close a loop with the configured parents and
 * the proposals before it (children in id order) is left out and listed.
 */
export function proposeParents(
  devices: readonly TopologyInventoryDevice[],
  reports: readonly NeighbourReport[],
): TopologyPicture {
  const byId = new Map(devices.map((device) => [device.id, device]));
  const parentOf = new Map(devices.map((device) => [device.id, device.parentId]));
  const match = neighbourMatcher(devices, reports);
  const picture: TopologyPicture = {
    proposals: [],
    agreeing: 0,
    discovered: [],
    undecided: [],
    severalParents: [],
    loops: [],
    ambiguous: [],
    unknown: [],
  };
  // Each undirected link once, with the evidence seen from the parent's side preferred later.
  const links = new Map<string, { a: number; b: number; evidence: LinkEvidence[] }>();
  for (const report of reports) {
    if (!byId.has(report.deviceId)) continue;
    for (const neighbour of report.neighbours) {
      const found = match(neighbour);
      if (found.kind === 'unknown') picture.unknown.push({ observerId: report.deviceId, neighbour });
      else if (found.kind === 'ambiguous')
        picture.ambiguous.push({ observerId: report.deviceId, neighbour, candidates: found.candidates });
      else if (found.deviceId !== report.deviceId) {
        const [a, b] = [report.deviceId, found.deviceId].sort((x, y) => x - y) as [number, number];
        const link = links.get(`${a}-${b}`) ?? { a, b, evidence: [] };
        link.evidence.push({
          observerId: report.deviceId,
          protocol: neighbour.protocol,
          port: neighbour.localPort,
        });
        links.set(`${a}-${b}`, link);
      }
    }
  }
  const parentsOf = new Map<number, { parentId: number; evidence: LinkEvidence }[]>();
  for (const { a, b, evidence } of links.values()) {
    const parentId = linkParent(a, b);
    if (parentId === null) {
      picture.undecided.push({ a, b, evidence: evidence[0]! });
      continue;
    }
    const childId = parentId === a ? b : a;
    const seen = evidence.find((item) => item.observerId === parentId) ?? evidence[0]!;
    parentsOf.set(childId, [...(parentsOf.get(childId) ?? []), { parentId, evidence: seen }]);
  }
  const proposed = new Map(parentOf);
  for (const childId of [...parentsOf.keys()].sort((x, y) => x - y)) {
    const candidates = parentsOf.get(childId)!;
    const configuredParentId = parentOf.get(childId) ?? null;
    if (candidates.length === 1) picture.discovered.push({ childId, parentId: candidates[0]!.parentId });
    if (candidates.some((candidate) => candidate.parentId === configuredParentId)) picture.agreeing++;
    else if (candidates.length > 1)
      picture.severalParents.push({
        childId,
        parentIds: candidates.map((c) => c.parentId).sort((x, y) => x - y),
      });
    else {
      const [{ parentId, evidence }] = candidates as [(typeof candidates)[number]];
      if (findParentCycle((id) => proposed.get(id), childId, parentId))
        picture.loops.push({ childId, parentId });
      else {
        proposed.set(childId, parentId);
        picture.proposals.push({ childId, parentId, configuredParentId, evidence });
      }
    }
  }
  return picture;

  function linkParent(a: number, b: number): number | null {
    if (isAncestor(parentOf, a, b)) return a;
    if (isAncestor(parentOf, b, a)) return b;
    const rankA = kindRank[byId.get(a)!.kind];
    const rankB = kindRank[byId.get(b)!.kind];
    if (rankA === undefined || rankB === undefined || rankA === rankB) return null;
    return rankA < rankB ? a : b;
  }
}
