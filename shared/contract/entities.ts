import { z } from 'zod';
import { alarmSources, alarmStates, deviceKinds, deviceStates, severities } from './vocabulary';

export { alarmSources, alarmStates, deviceKinds, deviceStates, severities };

/** Epoch milliseconds; every time that crosses a process boundary uses this. */
export const epochMs = z.number().int().nonnegative();

export const DeviceKind = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const DeviceState = z.enum(deviceStates);
export type DeviceState = z.infer<typeof DeviceState>;

export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

export const AlarmState = z.enum(alarmStates);
export type AlarmState = z.infer<typeof AlarmState>;

export const AlarmSource = z.enum(alarmSources);
export type AlarmSource = z.infer<typeof AlarmSource>;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/**
 * A hostname or an IPv4/IPv6 literal; checked in depth by the pinger, which reports on the device.
 * No message of its own: each UI's zod error map says "invalid address" in the reader's language.
 */
export const HostAddress = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[0-9A-Za-z:.\-_%]+$/);

export const TowerInput = z.object({
  name: trimmed(120),
  code: trimmed(32),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().trim().max(300).default(''),
  notes: z.string().max(2000).default(''),
});
export type TowerInput = z.input<typeof TowerInput>;

export const Tower = TowerInput.extend({
  id: z.number().int().positive(),
  maintenanceUntil: epochMs.nullable(),
  maintenanceBy: z.string().nullable(),
  maintenanceReason: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Tower = z.infer<typeof Tower>;

export const DeviceInput = z.object({
  name: trimmed(120),
  host: HostAddress,
  kind: DeviceKind.default('other'),
  vendor: z.string().trim().max(60).default(''),
  model: z.string().trim().max(60).default(''),
  towerId: z.number().int().positive().nullable().default(null),
  parentId: z.number().int().positive().nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(40)).max(32).default([]),
  enabled: z.boolean().default(true),
  notes: z.string().max(2000).default(''),
});
export type DeviceInput = z.input<typeof DeviceInput>;

export const Device = DeviceInput.extend({
  id: z.number().int().positive(),
  maintenanceUntil: epochMs.nullable(),
  maintenanceBy: z.string().nullable(),
  maintenanceReason: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Device = z.infer<typeof Device>;

/** The live view of one device: the engine's current verdict plus its latest measurement. */
export const DeviceStatus = z.object({
  deviceId: z.number().int().positive(),
  state: DeviceState,
  since: epochMs,
  lastCheck: epochMs.nullable(),
  rttMs: z.number().nonnegative().nullable(),
  lossPct: z.number().min(0).max(100).nullable(),
  /** For `unreachable`: the device or tower whose failure explains this one. */
  cause: z.string().nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const PingSample = z.object({
  deviceId: z.number().int().positive(),
  at: epochMs,
  /** Null when no reply came back. */
  rttMs: z.number().nonnegative().nullable(),
  minMs: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
  jitterMs: z.number().nonnegative().nullable(),
  lossPct: z.number().min(0).max(100),
  state: DeviceState,
});
export type PingSample = z.infer<typeof PingSample>;

export const PingRollup = z.object({
  deviceId: z.number().int().positive(),
  bucket: epochMs,
  samples: z.number().int().nonnegative(),
  minMs: z.number().nonnegative().nullable(),
  avgMs: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
  lossPct: z.number().min(0).max(100),
  upPct: z.number().min(0).max(100),
});
export type PingRollup = z.infer<typeof PingRollup>;

/**
 * An alarm's facts (names, measured value, limit…), never a sentence: the text is rendered from
 * `alarm.<source>.<type>` and these, in the language of whoever reads it.
 */
export const AlarmParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type AlarmParams = z.infer<typeof AlarmParams>;

export const Alarm = z.object({
  id: z.number().int().positive(),
  source: AlarmSource,
  deviceId: z.number().int().positive().nullable(),
  towerId: z.number().int().positive().nullable(),
  /** Any other subject, in its domain's words ("if:3" an interface, "radio"…); null for none. */
  ref: z.string().max(200).nullable(),
  type: z.string().min(1).max(60),
  severity: Severity,
  state: AlarmState,
  params: AlarmParams,
  /** How many devices this alarm stands for (a root cause stands for its dependants). */
  affected: z.number().int().nonnegative(),
  raisedAt: epochMs,
  acknowledgedAt: epochMs.nullable(),
  acknowledgedBy: z.string().nullable(),
  clearedAt: epochMs.nullable(),
  /** The operator who cleared it by hand; null while open or when its source cleared it. */
  clearedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type Alarm = z.infer<typeof Alarm>;

export const AuditEntry = z.object({
  id: z.number().int().positive(),
  at: epochMs,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `sending`: claimed by a workstation's sender; a claim that outlives its lease is taken back. */
export const outboxStates = ['pending', 'sending', 'sent', 'failed'] as const;
export const OutboxState = z.enum(outboxStates);

export const OutboxMessage = z.object({
  id: z.number().int().positive(),
  channel: z.string(),
  destination: z.string(),
  idempotencyKey: z.string(),
  payload: z.string(),
  state: OutboxState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: epochMs,
  lastError: z.string().nullable(),
  createdAt: epochMs,
  sentAt: epochMs.nullable(),
  claimedBy: z.string().nullable(),
  claimedUntil: epochMs.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
