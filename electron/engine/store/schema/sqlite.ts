import type {
  AlarmSource,
  AlarmState,
  DeviceKind,
  DeviceState,
  OutboxMessage,
  Severity,
} from '../../../../shared/contract/entities';
import type { ProbeErrorCode } from '../../../../shared/contract/synthetic-worker';
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

/**
 * The SQLite schema. It mirrors schema/pg.ts column for column (same names, same JS types), so
 * one repository serves both; times are epoch milliseconds.
 */
const maintenance = {
  maintenanceUntil: integer('maintenance_until'),
  maintenanceBy: text('maintenance_by'),
  maintenanceReason: text('maintenance_reason'),
};
const stamps = {
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
};

export const towers = sqliteTable('towers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  latitude: real('latitude').notNull(),
  longitude: real('longitude').notNull(),
  address: text('address').notNull().default(''),
  notes: text('notes').notNull().default(''),
  ...maintenance,
  ...stamps,
});

export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    host: text('host').notNull().unique(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    vendor: text('vendor').notNull().default(''),
    model: text('model').notNull().default(''),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => devices.id, { onDelete: 'set null' }),
    tags: text('tags', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes').notNull().default(''),
    ...maintenance,
    ...stamps,
  },
  (table) => [index('devices_tower_idx').on(table.towerId), index('devices_parent_idx').on(table.parentId)],
);

export const deviceStatus = sqliteTable('device_status', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  state: text('state').$type<DeviceState>().notNull(),
  since: integer('since').notNull(),
  lastCheck: integer('last_check'),
  rttMs: real('rtt_ms'),
  lossPct: real('loss_pct'),
  cause: text('cause'),
});

export const pingSamples = sqliteTable(
  'ping_samples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    rttMs: real('rtt_ms'),
    minMs: real('min_ms'),
    maxMs: real('max_ms'),
    jitterMs: real('jitter_ms'),
    lossPct: real('loss_pct').notNull(),
    state: text('state').$type<DeviceState>().notNull(),
  },
  (table) => [index('ping_samples_device_at_idx').on(table.deviceId, table.at)],
);

export const pingRollups = sqliteTable(
  'ping_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    bucket: integer('bucket').notNull(),
    samples: integer('samples').notNull(),
    minMs: real('min_ms'),
    avgMs: real('avg_ms'),
    maxMs: real('max_ms'),
    lossPct: real('loss_pct').notNull(),
    upPct: real('up_pct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.bucket] })],
);

export const alarms = sqliteTable(
  'alarms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').$type<AlarmSource>().notNull(),
    deviceId: integer('device_id').references(() => devices.id, { onDelete: 'set null' }),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<AlarmState>().notNull(),
    message: text('message').notNull(),
    affected: integer('affected').notNull().default(0),
    raisedAt: integer('raised_at').notNull(),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    clearedAt: integer('cleared_at'),
    note: text('note'),
    /** `device:tower:type` while the alarm is open, null once cleared: unique, so one open per subject. */
    openKey: text('open_key'),
  },
  (table) => [
    uniqueIndex('alarms_open_key_idx').on(table.openKey),
    index('alarms_state_idx').on(table.state, table.raisedAt),
    index('alarms_device_idx').on(table.deviceId, table.raisedAt),
  ],
);

export const outbox = sqliteTable(
  'notification_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    destination: text('destination').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    payload: text('payload').notNull(),
    state: text('state').$type<OutboxMessage['state']>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** The workstation sending it now, and until when its claim holds. */
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
  },
  (table) => [
    index('outbox_due_idx').on(table.state, table.nextAttemptAt),
    index('outbox_created_idx').on(table.createdAt),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: text('details').notNull(),
  },
  (table) => [index('audit_at_idx').on(table.at)],
);

export const deviceSnmp = sqliteTable('device_snmp', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  port: integer('port').notNull(),
  version: text('version').$type<'1' | '2c' | '3'>().notNull(),
  user: text('user'),
  /** The credentials (community or v3 keys), sealed by the SecretCipher. */
  sealedCredentials: text('sealed_credentials').notNull(),
  intervalS: integer('interval_s').notNull(),
  lastPollAt: integer('last_poll_at'),
  lastError: text('last_error'),
});

export const interfaceRollups = sqliteTable(
  'interface_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    ifIndex: integer('if_index').notNull(),
    bucket: integer('bucket').notNull(),
    samples: integer('samples').notNull(),
    inBpsAvg: real('in_bps_avg'),
    inBpsMax: real('in_bps_max'),
    outBpsAvg: real('out_bps_avg'),
    outBpsMax: real('out_bps_max'),
    errorsPerSecAvg: real('errors_per_sec_avg'),
    discardsPerSecAvg: real('discards_per_sec_avg'),
    utilizationMaxPct: real('utilization_max_pct'),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.ifIndex, table.bucket] })],
);

export const wirelessRollups = sqliteTable(
  'wireless_rollups',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    bucket: integer('bucket').notNull(),
    samples: integer('samples').notNull(),
    signalAvgDbm: real('signal_avg_dbm'),
    signalMinDbm: real('signal_min_dbm'),
    noiseFloorDbm: real('noise_floor_dbm'),
    ccqAvgPct: real('ccq_avg_pct'),
    capacityAvgPct: real('capacity_avg_pct'),
    clientsMax: integer('clients_max').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.bucket] })],
);

// ── Synthetic checks (DNS, HTTP, TCP) ──────────────────────────────────────────────────────────

export const syntheticChecks = sqliteTable('synthetic_checks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind').$type<'dns' | 'http' | 'tcp'>().notNull(),
  /** The probe's definition (shared/contract/synthetic-worker.ts ProbeSpec) as JSON. */
  spec: text('spec').notNull(),
  intervalS: integer('interval_s').notNull(),
  timeoutMs: integer('timeout_ms').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  severity: text('severity').$type<Severity>().notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const syntheticResults = sqliteTable(
  'synthetic_results',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => syntheticChecks.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    totalMs: real('total_ms').notNull(),
    dnsMs: real('dns_ms'),
    connectMs: real('connect_ms'),
    tlsMs: real('tls_ms'),
    firstByteMs: real('first_byte_ms'),
    status: integer('status'),
    error: text('error').$type<ProbeErrorCode>(),
    detail: text('detail'),
  },
  (table) => [primaryKey({ columns: [table.checkId, table.at] })],
);
