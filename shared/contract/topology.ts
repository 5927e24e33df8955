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
