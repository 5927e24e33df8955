import { z } from 'zod';
import {
  Alarm,
  AlarmState,
  AuditEntry,
  Device,
  DeviceInput,
  DeviceStatus,
  PingRollup,
  Tower,
  TowerInput,
  epochMs,
} from './entities';
import { ChartRange } from './common';
import { OPEN_ALARMS_LIMIT } from './vocabulary';
import { EngineHealth } from './events';
import { accountsApiMethods } from './accounts';
import { backupApiMethods } from './backup';
import { notifyApiMethods } from './notify';
import { settingsApiMethods } from './settings';
import { opticalApiMethods } from './optical';
import { snmpApiMethods } from './snmp-api';
import { outageApiMethods } from './outage';
import { trapApiMethods } from './traps';
import { topologyApiMethods } from './topology';
import { syntheticApiMethods } from './synthetic';
import { observabilityApiMethods } from './observability';
import { storeBackupApiMethods } from './store-backup';
import { selfHealthApiMethods } from './self-health';
import { reportsApiMethods } from './reports';
import { inventoryImportApiMethods } from './inventory-import';
import { PingerNote, pingerModes } from './pinger';
import { clusterApiMethods } from './cluster';
import { recentApiMethods } from './recent';

export { Actor, HistoryRange } from './common';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(OPEN_ALARMS_LIMIT);

export const MaintenanceScope = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('device'), id }),
  z.object({ scope: z.literal('tower'), id }),
  z.object({ scope: z.literal('global') }),
]);
export type MaintenanceScope = z.infer<typeof MaintenanceScope>;

export const MaintenanceStart = z.object({
  target: MaintenanceScope,
  /** Null: until ended by hand. */
  minutes: z
    .number()
    .int()
    .positive()
    .max(60 * 24 * 90)
    .nullable(),
  reason: z.string().trim().min(1).max(300),
});

export const AppInfo = z.object({
  version: z.string(),
  demo: z.boolean(),
  dialect: z.enum(['sqlite', 'postgres']),
  runtime: z.enum(['electron', 'headless']),
  icmpMode: z.enum(pingerModes),
  icmpNote: PingerNote.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const GlobalMaintenance = z.object({
  until: epochMs.nullable(),
  by: z.string(),
  reason: z.string(),
  since: epochMs,
});

/**
 * The one channel registry: every call the renderer may make, with the schema of what goes in and
 * what comes out. The preload bridge, the IPC handlers and the WebSocket server are all typed and
 * validated from this table, so adding a method here is the only way to add one anywhere.
 */
export const apiMethods = {
  'app.info': { input: z.void(), output: AppInfo },
  'engine.health': { input: z.void(), output: EngineHealth },

  'towers.list': { input: z.void(), output: z.array(Tower) },
  'towers.create': { input: TowerInput, output: Tower },
  'towers.update': { input: z.object({ id, patch: TowerInput.partial() }), output: Tower },
  'towers.delete': { input: z.object({ id }), output: z.void() },

  'devices.list': { input: z.void(), output: z.array(Device) },
  'devices.get': { input: z.object({ id }), output: Device },
  'devices.create': { input: DeviceInput, output: Device },
  'devices.update': { input: z.object({ id, patch: DeviceInput.partial() }), output: Device },
  'devices.delete': { input: z.object({ id }), output: z.void() },
  'devices.importMany': {
    input: z.object({ rows: z.array(DeviceInput).min(1).max(20_000) }),
    output: z.object({ created: z.number().int().nonnegative() }),
  },

  'status.snapshot': { input: z.void(), output: z.array(DeviceStatus) },
  'status.history': {
    input: z.object({ deviceId: id, range: ChartRange }),
    output: z.array(PingRollup),
  },
  'devices.pingNow': { input: z.object({ ids }), output: z.void() },

  'alarms.list': {
    input: z.object({
      states: z.array(AlarmState).min(1),
      deviceId: id.optional(),
      // Every open alarm at once (the live store's copy): counts stay true at a worst minute's 10,000+.
      limit: z.number().int().positive().max(OPEN_ALARMS_LIMIT).default(500),
    }),
    output: z.array(Alarm),
  },
  'alarms.acknowledge': {
    input: z.object({ ids, note: z.string().trim().max(500).default('') }),
    output: z.array(Alarm),
  },
  /** An operator closes open alarms by hand, saying why (audited); returns the ones closed. */
  'alarms.clear': {
    input: z.object({ ids, reason: z.string().trim().min(1).max(500) }),
    output: z.array(Alarm),
  },

  'maintenance.start': { input: MaintenanceStart, output: z.void() },
  'maintenance.end': { input: z.object({ target: MaintenanceScope }), output: z.void() },
  'maintenance.global': { input: z.void(), output: GlobalMaintenance.nullable() },

  'audit.list': {
    input: z.object({ limit: z.number().int().positive().max(5_000).default(200) }),
    output: z.array(AuditEntry),
  },

  ...settingsApiMethods,
  ...snmpApiMethods,
  ...trapApiMethods,
  ...topologyApiMethods,
  ...notifyApiMethods,
  ...opticalApiMethods,
  ...backupApiMethods,
  ...accountsApiMethods,
  ...outageApiMethods,
  ...syntheticApiMethods,
  ...observabilityApiMethods,
  ...storeBackupApiMethods,
  ...selfHealthApiMethods,
  ...reportsApiMethods,
  ...inventoryImportApiMethods,
  ...clusterApiMethods,
  ...recentApiMethods,
} as const;

export type ApiMethods = typeof apiMethods;
export type ApiMethod = keyof ApiMethods;
export type ApiInput<M extends ApiMethod> = z.input<ApiMethods[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiMethods[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiMethods[M]['output']>;

export const apiMethodNames = Object.keys(apiMethods) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiMethods, name);
}

/** An error the user can act on: it crosses process boundaries as `{ code, message }`. */
export const ApiError = z.object({
  code: z.enum([
    'invalid_input',
    'not_found',
    'conflict',
    'unavailable',
    'unauthenticated',
    'forbidden',
    'rate_limited',
    'internal',
  ]),
  message: z.string(),
  /** rate_limited: seconds until the caller may try again. */
  retryAfterS: z.number().int().positive().optional(),
  /** Field paths with their problems, for forms. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
});
export type ApiError = z.infer<typeof ApiError>;
