import { z } from 'zod';
import { SnmpV3Credentials } from './snmp';
import type { WorkerApi } from './worker';

/** A device traps are accepted from, with the credentials it sends them with. */
export const TrapSource = z.object({
  deviceId: z.number().int().positive(),
  host: z.string().min(1),
  /** v1/v2c: the community the device's traps must carry. */
  community: z.string().min(1).max(128).nullable(),
  /** v3: the user its informs and traps come as. */
  v3: SnmpV3Credentials.nullable(),
});
export type TrapSource = z.infer<typeof TrapSource>;

export const TrapReceiverConfig = z.object({
  /** UDP port: 162 by default, another where 162 is taken or needs privileges. */
  port: z.number().int().min(1).max(65_535),
  address: z.string().min(1).default('0.0.0.0'),
  sources: z.array(TrapSource).max(50_000),
  /** Per source: sustained traps per second, and how many may arrive at once above it. */
  ratePerSecond: z.number().min(0.1).max(10_000),
  burst: z.number().int().min(1).max(100_000),
});
export type TrapReceiverConfig = z.infer<typeof TrapReceiverConfig>;

export const TrapVarbind = z.object({
  oid: z.string().max(400),
  /** net-snmp's ObjectType number. */
  type: z.number().int(),
  /** The value as text: numbers in decimal, octet strings as text (hex when not printable), OIDs dotted. */
  value: z.string().max(2_000),
});
export type TrapVarbind = z.infer<typeof TrapVarbind>;

/** One trap or inform as received, after its source and credentials were checked. */
export const TrapNotice = z.object({
  /** When the receiver read it (ms since the epoch). */
  at: z.number().int().nonnegative(),
  address: z.string(),
  /** The device it came from; null when no device is configured at that address. */
  deviceId: z.number().int().positive().nullable(),
  version: z.enum(['1', '2c', '3']),
  kind: z.enum(['trap', 'inform']),
  /** snmpTrapOID (v2c/v3) or the one built from a v1 trap's enterprise and specific code. */
  trapOid: z.string().max(400),
  varbinds: z.array(TrapVarbind).max(200),
});
export type TrapNotice = z.infer<typeof TrapNotice>;

/** What the receiver has counted since it started: nothing it refuses goes uncounted. */
export const TrapReceiverStats = z.object({
  listening: z.boolean(),
  /** Why it is not listening (port taken, no permission), in the OS's words. */
  error: z.string().nullable(),
  port: z.number().int().nullable(),
  received: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  unknownSource: z.number().int().nonnegative(),
  badCommunity: z.number().int().nonnegative(),
  badCredentials: z.number().int().nonnegative(),
  malformed: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  cpuS: z.number().nonnegative(),
  rssMb: z.number().nonnegative(),
});
export type TrapReceiverStats = z.infer<typeof TrapReceiverStats>;

export const TRAPS_EVENT = 'traps.notices';
export const TrapNotices = z.array(TrapNotice);

export const trapsWorkerApi = {
  /** (Re)configures the receiver; it rebinds only when the port or address changed. */
  'traps.configure': { params: TrapReceiverConfig, result: TrapReceiverStats },
  'traps.stats': { params: z.undefined(), result: TrapReceiverStats },
} satisfies WorkerApi;
export type TrapsWorkerApi = typeof trapsWorkerApi;
