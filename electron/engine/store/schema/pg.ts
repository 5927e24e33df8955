import type {
  AlarmSource,
  AlarmState,
  DeviceKind,
  DeviceState,
  OutboxMessage,
  Severity,
} from '../../../../shared/contract/entities';
import type { ProbeErrorCode } from '../../../../shared/contract/synthetic-worker';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema: schema/sqlite.ts column for column, with PostgreSQL's types. Times are
 * epoch milliseconds in bigint, read back as JS numbers.
 */
const ms = (name: string) => bigint(name, { mode: 'number' });
const maintenance = {
  maintenanceUntil: ms('maintenance_until'),
  maintenanceBy: text('maintenance_by'),
  maintenanceReason: text('maintenance_reason'),
};
const stamps = {
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
};

export const towers = pgTable('towers', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  address: text('address').notNull().default(''),
  notes: text('notes').notNull().default(''),
  ...maintenance,
  ...stamps,
});

export const devices = pgTable(
  'devices',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    host: text('host').notNull().unique(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    vendor: text('vendor').notNull().default(''),
    model: text('model').notNull().default(''),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
    parentId: integer('parent_id').references((): AnyPgColumn => devices.id, { onDelete: 'set null' }),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    notes: text('notes').notNull().default(''),
    ...maintenance,
    ...stamps,
  },
  (table) => [index('devices_tower_idx').on(table.towerId), index('devices_parent_idx').on(table.parentId)],
);

export const deviceStatus = pgTable('device_status', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  state: text('state').$type<DeviceState>().notNull(),
  since: ms('since').notNull(),
  lastCheck: ms('last_check'),
  rttMs: doublePrecision('rtt_ms'),
  lossPct: doublePrecision('loss_pct'),
  cause: text('cause'),
});

export const pingSamples = pgTable(
  'ping_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    rttMs: doublePrecision('rtt_ms'),
    minMs: doublePrecision('min_ms'),
    maxMs: doublePrecision('max_ms'),
    jitterMs: doublePrecision('jitter_ms'),
    lossPct: doublePrecision('loss_pct').notNull(),
    state: text('state').$type<DeviceState>().notNull(),
  },
  (table) => [index('ping_samples_device_at_idx').on(table.deviceId, table.at)],
);

export const pingRollups = pgTable(
  'ping_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    bucket: ms('bucket').notNull(),
    samples: integer('samples').notNull(),
    minMs: doublePrecision('min_ms'),
    avgMs: doublePrecision('avg_ms'),
    maxMs: doublePrecision('max_ms'),
    lossPct: doublePrecision('loss_pct').notNull(),
    upPct: doublePrecision('up_pct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.bucket] })],
);

export const alarms = pgTable(
  'alarms',
  {
    id: serial('id').primaryKey(),
    source: text('source').$type<AlarmSource>().notNull(),
    deviceId: integer('device_id').references(() => devices.id, { onDelete: 'set null' }),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<AlarmState>().notNull(),
    message: text('message').notNull(),
    affected: integer('affected').notNull().default(0),
    raisedAt: ms('raised_at').notNull(),
    acknowledgedAt: ms('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    clearedAt: ms('cleared_at'),
    note: text('note'),
    openKey: text('open_key'),
  },
  (table) => [
    uniqueIndex('alarms_open_key_idx').on(table.openKey),
    index('alarms_state_idx').on(table.state, table.raisedAt),
    index('alarms_device_idx').on(table.deviceId, table.raisedAt),
  ],
);

export const outbox = pgTable(
  'notification_outbox',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    destination: text('destination').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    payload: text('payload').notNull(),
    state: text('state').$type<OutboxMessage['state']>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ms('created_at').notNull(),
    sentAt: ms('sent_at'),
    /** The workstation sending it now, and until when its claim holds. */
    claimedBy: text('claimed_by'),
    claimedUntil: ms('claimed_until'),
  },
  (table) => [
    index('outbox_due_idx').on(table.state, table.nextAttemptAt),
    index('outbox_created_idx').on(table.createdAt),
  ],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: ms('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: text('details').notNull(),
  },
  (table) => [index('audit_at_idx').on(table.at)],
);

export const deviceSnmp = pgTable('device_snmp', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull(),
  port: integer('port').notNull(),
  version: text('version').$type<'1' | '2c' | '3'>().notNull(),
  user: text('user'),
  /** The credentials (community or v3 keys), sealed by the SecretCipher. */
  sealedCredentials: text('sealed_credentials').notNull(),
  intervalS: integer('interval_s').notNull(),
  lastPollAt: ms('last_poll_at'),
  lastError: text('last_error'),
});

export const interfaceRollups = pgTable(
  'interface_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    ifIndex: integer('if_index').notNull(),
    bucket: ms('bucket').notNull(),
    samples: integer('samples').notNull(),
    inBpsAvg: doublePrecision('in_bps_avg'),
    inBpsMax: doublePrecision('in_bps_max'),
    outBpsAvg: doublePrecision('out_bps_avg'),
    outBpsMax: doublePrecision('out_bps_max'),
    errorsPerSecAvg: doublePrecision('errors_per_sec_avg'),
    discardsPerSecAvg: doublePrecision('discards_per_sec_avg'),
    utilizationMaxPct: doublePrecision('utilization_max_pct'),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.ifIndex, table.bucket] })],
);

export const wirelessRollups = pgTable(
  'wireless_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    bucket: ms('bucket').notNull(),
    samples: integer('samples').notNull(),
    signalAvgDbm: doublePrecision('signal_avg_dbm'),
    signalMinDbm: doublePrecision('signal_min_dbm'),
    noiseFloorDbm: doublePrecision('noise_floor_dbm'),
    ccqAvgPct: doublePrecision('ccq_avg_pct'),
    capacityAvgPct: doublePrecision('capacity_avg_pct'),
    clientsMax: integer('clients_max').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.bucket] })],
);

// ── Synthetic checks (DNS, HTTP, TCP) ──────────────────────────────────────────────────────────

export const syntheticChecks = pgTable('synthetic_checks', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'dns' | 'http' | 'tcp'>().notNull(),
  /** The probe's definition (shared/contract/synthetic-worker.ts ProbeSpec) as JSON. */
  spec: text('spec').notNull(),
  intervalS: integer('interval_s').notNull(),
  timeoutMs: integer('timeout_ms').notNull(),
  enabled: boolean('enabled').notNull(),
  severity: text('severity').$type<Severity>().notNull(),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const syntheticResults = pgTable(
  'synthetic_results',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => syntheticChecks.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    ok: boolean('ok').notNull(),
    totalMs: doublePrecision('total_ms').notNull(),
    dnsMs: doublePrecision('dns_ms'),
    connectMs: doublePrecision('connect_ms'),
    tlsMs: doublePrecision('tls_ms'),
    firstByteMs: doublePrecision('first_byte_ms'),
    status: integer('status'),
    error: text('error').$type<ProbeErrorCode>(),
    detail: text('detail'),
  },
  (table) => [primaryKey({ columns: [table.checkId, table.at] })],
);
