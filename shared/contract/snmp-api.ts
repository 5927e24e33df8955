import { z } from 'zod';
import { HistoryRange } from './common';
import {
  DeviceSnmpConfig,
  DeviceSnmpSummary,
  InterfaceNow,
  InterfaceRollup,
  SnmpSystem,
  WirelessRollup,
} from './snmp';

const deviceId = z.number().int().positive();

/** The SNMP part of the channel registry (merged into apiMethods). */
export const snmpApiMethods = {
  'snmp.config.get': { input: z.object({ deviceId }), output: DeviceSnmpSummary.nullable() },
  'snmp.config.set': { input: z.object({ config: DeviceSnmpConfig }), output: DeviceSnmpSummary },
  'snmp.config.delete': { input: z.object({ deviceId }), output: z.void() },
  /** Polls once with the given settings, storing nothing: the "test" button. */
  'snmp.test': {
    input: z.object({ config: DeviceSnmpConfig }),
    output: z.object({
      ok: z.boolean(),
      error: z.string().nullable(),
      system: SnmpSystem.nullable(),
      interfaces: z.number().int(),
    }),
  },
  'snmp.interfaces': { input: z.object({ deviceId }), output: z.array(InterfaceNow) },
  'snmp.topInterfaces': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(10) }),
    output: z.array(InterfaceNow),
  },
  'snmp.history': {
    input: z.object({ deviceId, range: HistoryRange }),
    output: z.object({ interfaces: z.array(InterfaceRollup), wireless: z.array(WirelessRollup) }),
  },
} as const;
