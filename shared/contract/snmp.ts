import { z } from 'zod';
import { NeighbourReport } from './topology';
import type { WorkerApi } from './worker';

export const snmpVendors = [
  'mikrotik',
  'ubiquiti-airmax',
  'ubiquiti-airfiber',
  'cisco',
  'huawei',
  'juniper',
  'generic',
] as const;
export const SnmpVendor = z.enum(snmpVendors);
export type SnmpVendor = z.infer<typeof SnmpVendor>;

export const SnmpCommunityCredentials = z.object({
  version: z.enum(['1', '2c']),
  community: z.string().min(1).max(128),
});

export const SnmpV3Credentials = z.object({
  version: z.literal('3'),
  user: z.string().min(1).max(64),
  level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']),
  authProtocol: z.enum(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']).default('sha'),
  authKey: z.string().max(256).default(''),
  privProtocol: z.enum(['des', 'aes', 'aes256b', 'aes256r']).default('aes'),
  privKey: z.string().max(256).default(''),
  context: z.string().max(64).default(''),
});

/** Plain credentials only ever live inside the engine and the poller; at rest they are sealed. */
export const SnmpCredentials = z.discriminatedUnion('version', [SnmpCommunityCredentials, SnmpV3Credentials]);
export type SnmpCredentials = z.infer<typeof SnmpCredentials>;

export const SnmpTarget = z.object({
  id: z.number().int().positive(),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(161),
  credentials: SnmpCredentials,
});
export type SnmpTarget = z.infer<typeof SnmpTarget>;

export const SnmpOptions = z.object({
  concurrency: z.number().int().min(1).max(1_000).default(100),
  timeoutMs: z.number().int().min(100).max(60_000).default(2_000),
  retries: z.number().int().min(0).max(5).default(1),
  /** Rows asked for per GetBulk. */
  maxRepetitions: z.number().int().min(1).max(100).default(20),
});
export type SnmpOptions = z.infer<typeof SnmpOptions>;

/** Counters travel as decimal strings: 64-bit values do not fit a JS number. */
const counter = z.string().regex(/^\d+$/).nullable();

export const SnmpInterfaceInfo = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  alias: z.string(),
  /** Mbit/s from ifHighSpeed, else ifSpeed / 1e6. */
  speedMbps: z.number().nonnegative(),
  operUp: z.boolean(),
});
export type SnmpInterfaceInfo = z.infer<typeof SnmpInterfaceInfo>;

export const SnmpInterfaceCounters = z.object({
  index: z.number().int().nonnegative(),
  operUp: z.boolean(),
  /** True when the octet counters are the 64-bit HC ones. */
  hc: z.boolean(),
  inOctets: counter,
  outOctets: counter,
  inErrors: counter,
  outErrors: counter,
  inDiscards: counter,
  outDiscards: counter,
});
export type SnmpInterfaceCounters = z.infer<typeof SnmpInterfaceCounters>;

export const WirelessClient = z.object({
  signalDbm: z.number().nullable(),
  snrDb: z.number().nullable(),
  txRateMbps: z.number().nullable(),
  rxRateMbps: z.number().nullable(),
});

export const WirelessStats = z.object({
  kind: z.enum(['mikrotik', 'airmax']),
  /** Own signal for a station / PTP radio; the clients' average for an AP. */
  signalDbm: z.number().nullable(),
  noiseFloorDbm: z.number().nullable(),
  ccqPct: z.number().min(0).max(100).nullable(),
  /** airMAX capacity %, when the radio reports it. */
  capacityPct: z.number().min(0).max(100).nullable(),
  txRateMbps: z.number().nullable(),
  rxRateMbps: z.number().nullable(),
  clientCount: z.number().int().nonnegative(),
  clients: z.array(WirelessClient),
});
export type WirelessStats = z.infer<typeof WirelessStats>;

export const SnmpSystem = z.object({
  descr: z.string(),
  objectId: z.string(),
  name: z.string(),
  vendor: SnmpVendor,
});
export type SnmpSystem = z.infer<typeof SnmpSystem>;

/**
 * Data a device may not provide: its agent lacks the column or table, or refuses it. Each costs
 * only itself, and the device page says which ones are missing.
 */
export const snmpDataKinds = [
  'ifName',
  'ifAlias',
  'operStatus',
  'speed',
  'hcCounters',
  'errors',
  'discards',
  'wireless',
] as const;
export const SnmpDataKind = z.enum(snmpDataKinds);
export type SnmpDataKind = z.infer<typeof SnmpDataKind>;

export const SnmpPollResult = z.object({
  id: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** A clear reason when the device could not be read: timeout, auth failure, malformed answer. */
  error: z.string().nullable(),
  /** Hundredths of a second, from sysUpTime. */
  uptimeCs: z.number().int().nonnegative().nullable(),
  system: SnmpSystem.nullable(),
  /** True when this round (re)discovered the device: first contact, interfaces changed, reboot, age. */
  discovered: z.boolean(),
  interfaces: z.array(SnmpInterfaceInfo),
  counters: z.array(SnmpInterfaceCounters),
  wireless: WirelessStats.nullable(),
  /** What this device's agent does not provide, as far as this round could tell. */
  missing: z.array(SnmpDataKind).default([]),
});
export type SnmpPollResult = z.infer<typeof SnmpPollResult>;

export const snmpApi = {
  /** One full round: system + interfaces + counters + wireless for each target. */
  'snmp.poll': {
    params: z.object({ targets: z.array(SnmpTarget).max(50_000), options: SnmpOptions }),
    result: z.array(SnmpPollResult),
  },
  /** Each target's neighbour tables (LLDP, CDP, MikroTik MNDP): read on a slow cadence and on demand. */
  'snmp.neighbours': {
    params: z.object({ targets: z.array(SnmpTarget).max(50_000), options: SnmpOptions }),
    result: z.array(NeighbourReport),
  },
} satisfies WorkerApi;
export type SnmpApi = typeof snmpApi;

/** A device's SNMP settings as the operator edits them; credentials are sealed at rest. */
export const DeviceSnmpConfig = z.object({
  deviceId: z.number().int().positive(),
  enabled: z.boolean(),
  port: z.number().int().min(1).max(65_535).default(161),
  credentials: SnmpCredentials,
  intervalS: z.number().int().min(10).max(3_600).default(60),
});
export type DeviceSnmpConfig = z.infer<typeof DeviceSnmpConfig>;

/** What the UI sees of a device's SNMP settings: never the secrets themselves. */
export const DeviceSnmpSummary = z.object({
  deviceId: z.number().int().positive(),
  enabled: z.boolean(),
  port: z.number().int(),
  version: z.enum(['1', '2c', '3']),
  user: z.string().nullable(),
  intervalS: z.number().int(),
  lastError: z.string().nullable(),
  lastPollAt: z.number().int().nullable(),
  /** Data the device's agent did not provide at its last poll. */
  missing: z.array(SnmpDataKind).default([]),
});
export type DeviceSnmpSummary = z.infer<typeof DeviceSnmpSummary>;

/** The latest state of one interface, for tables and the dashboard's top list. */
export const InterfaceNow = z.object({
  deviceId: z.number().int().positive(),
  index: z.number().int().nonnegative(),
  name: z.string(),
  alias: z.string(),
  speedMbps: z.number().nonnegative(),
  operUp: z.boolean(),
  inBps: z.number().nonnegative().nullable(),
  outBps: z.number().nonnegative().nullable(),
  utilizationPct: z.number().min(0).max(100).nullable(),
  errorsPerSec: z.number().nonnegative().nullable(),
  at: z.number().int(),
});
export type InterfaceNow = z.infer<typeof InterfaceNow>;

export const InterfaceRollup = z.object({
  deviceId: z.number().int().positive(),
  ifIndex: z.number().int().nonnegative(),
  bucket: z.number().int(),
  samples: z.number().int().nonnegative(),
  inBpsAvg: z.number().nonnegative().nullable(),
  inBpsMax: z.number().nonnegative().nullable(),
  outBpsAvg: z.number().nonnegative().nullable(),
  outBpsMax: z.number().nonnegative().nullable(),
  errorsPerSecAvg: z.number().nonnegative().nullable(),
  discardsPerSecAvg: z.number().nonnegative().nullable(),
  utilizationMaxPct: z.number().min(0).max(100).nullable(),
});
export type InterfaceRollup = z.infer<typeof InterfaceRollup>;

export const WirelessRollup = z.object({
  deviceId: z.number().int().positive(),
  bucket: z.number().int(),
  samples: z.number().int().nonnegative(),
  signalAvgDbm: z.number().nullable(),
  signalMinDbm: z.number().nullable(),
  noiseFloorDbm: z.number().nullable(),
  ccqAvgPct: z.number().nullable(),
  capacityAvgPct: z.number().nullable(),
  clientsMax: z.number().int().nonnegative(),
});
export type WirelessRollup = z.infer<typeof WirelessRollup>;
