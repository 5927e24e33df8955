import { z } from 'zod';

/** How a device learned of its neighbour: LLDP-MIB, CISCO-CDP-MIB or MikroTik's MNDP table. */
export const NeighbourProtocol = z.enum(['lldp', 'cdp', 'mndp']);
export type NeighbourProtocol = z.infer<typeof NeighbourProtocol>;

/** One row of a device's neighbour table, in the words the agent gave. */
export const Neighbour = z.object({
  protocol: NeighbourProtocol,
  /** The observer's own port the neighbour was seen on ("ether3", "Gi0/1"). */
  localPort: z.string().max(200),
  /** The neighbour's chassis id: a MAC as aa:bb:cc:dd:ee:ff, otherwise the agent's text. */
  chassisId: z.string().max(200).nullable(),
  /** sysName, CDP device id or MikroTik identity. */
  name: z.string().max(255).nullable(),
  /** Its management address (IPv4 or IPv6). */
  address: z.string().max(100).nullable(),
});
export type Neighbour = z.infer<typeof Neighbour>;

/** What one device's agent told of itself and its neighbours at one reading. */
export const NeighbourReport = z.object({
  deviceId: z.number().int().positive(),
  /** Its own chassis id (lldpLocChassisId) and sysName, for the other devices' tables to match. */
  chassisId: z.string().max(200).nullable(),
  sysName: z.string().max(255).nullable(),
  neighbours: z.array(Neighbour).max(5_000),
  /** The neighbour tables this agent does not provide. */
  missing: z.array(NeighbourProtocol),
  /** Why the agent could not be read at all; null when it answered. */
  error: z.string().max(500).nullable(),
});
export type NeighbourReport = z.infer<typeof NeighbourReport>;

export const ProposalState = z.enum(['proposed', 'accepted', 'rejected']);
export type ProposalState = z.infer<typeof ProposalState>;

/** "child hangs from parent", seen by `protocol` on `observerId`'s port `port`; the operator decides. */
export const ParentLinkProposal = z.object({
  childId: z.number().int().positive(),
  parentId: z.number().int().positive(),
  observerId: z.number().int().positive(),
  protocol: NeighbourProtocol,
  port: z.string().max(200),
  state: ProposalState,
  /** When the neighbour data behind it was first seen as it is now. */
  seenAt: z.number().int(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
});
export type ParentLinkProposal = z.infer<typeof ParentLinkProposal>;

const ProposalKey = z.object({ childId: z.number().int().positive(), parentId: z.number().int().positive() });

/** A neighbour the discovery could not turn into a link, with where it was seen. */
export const UnmatchedNeighbour = z.object({
  observerId: z.number().int().positive(),
  neighbour: Neighbour,
  /** The inventory devices it could be (two or more: ambiguous); empty when it matches none. */
  candidates: z.array(z.number().int().positive()),
});

/** What the last discovery found, besides the stored proposals. */
export const TopologyView = z.object({
  /** When the last discovery ran (null: not yet since the engine started). */
  discoveredAt: z.number().int().nullable(),
  proposals: z.array(ParentLinkProposal),
  /** Each device's parent as the neighbour tables show it (null: none decided), for the tree to mark disagreements. */
  discoveredParents: z.array(z.object({ childId: z.number().int(), parentId: z.number().int() })),
  agreeing: z.number().int().nonnegative(),
  unknown: z.array(UnmatchedNeighbour),
  ambiguous: z.array(UnmatchedNeighbour),
  undecided: z.array(z.object({ a: z.number().int(), b: z.number().int() })),
  severalParents: z.array(z.object({ childId: z.number().int(), parentIds: z.array(z.number().int()) })),
  loops: z.array(ProposalKey),
  /** Devices whose agent could not be read, with why. */
  unread: z.array(z.object({ deviceId: z.number().int(), error: z.string() })),
  /** Devices read, and how many of them lack each table. */
  read: z.number().int().nonnegative(),
  missing: z.object({ lldp: z.number().int(), cdp: z.number().int(), mndp: z.number().int() }),
});
export type TopologyView = z.infer<typeof TopologyView>;

export const TopologyDecision = z.object({
  proposals: z.array(ProposalKey).min(1).max(5_000),
  decision: z.enum(['accept', 'reject']),
});

export const TopologyDecisionResult = z.object({
  done: z.number().int().nonnegative(),
  /** Proposals that could not be accepted (a loop, a device gone), with the reason in the engine's words. */
  failed: z.array(ProposalKey.extend({ reason: z.string() })),
});

/** The topology part of the channel registry (merged into apiMethods). */
export const topologyApiMethods = {
  'topology.view': { input: z.object({}).default({}), output: TopologyView },
  'topology.discover': { input: z.object({}).default({}), output: TopologyView },
  'topology.decide': { input: TopologyDecision, output: TopologyDecisionResult },
} as const;
