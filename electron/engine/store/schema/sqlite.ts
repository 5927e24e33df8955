import type {
  AlarmParams,
  AlarmSource,
  AlarmState,
  DeviceKind,
  DeviceState,
  OutboxMessage,
  Severity,
} from '../../../../shared/contract/entities';
import type { Role } from '../../../../shared/contract/accounts';
import type { ProbeErrorCode } from '../../../../shared/contract/synthetic-worker';
import type { NeighbourProtocol, ProposalState } from '../../../../shared/contract/topology';
import { sql } from 'drizzle-orm';
import {
  blob,
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
    ref: text('ref'),
    type: text('type').notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<AlarmState>().notNull(),
    params: text('params', { mode: 'json' })
      .$type<AlarmParams>()
      .notNull()
      .default(sql`'{}'`),
    affected: integer('affected').notNull().default(0),
    raisedAt: integer('raised_at').notNull(),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    clearedAt: integer('cleared_at'),
    clearedBy: text('cleared_by'),
    note: text('note'),
    /** `source:device:tower:type:ref` while the alarm is open, null once cleared: unique, so one open per subject. */
    openKey: text('open_key'),
  },
  (table) => [
    uniqueIndex('alarms_open_key_idx').on(table.openKey),
    index('alarms_state_idx').on(table.state, table.raisedAt),
    index('alarms_device_idx').on(table.deviceId, table.raisedAt),
    // The dashboard's recent changes: the newest moments of each kind, however long the history.
    index('alarms_raised_at_idx').on(table.raisedAt),
    index('alarms_acknowledged_at_idx').on(table.acknowledgedAt),
    index('alarms_cleared_at_idx').on(table.clearedAt),
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

// --- Optical (Padtec Smart API) -------------------------------------------------------------

/** Which Vigia tower a Smart API site stands in: its optical alarms join that tower's picture. */
export const opticalSites = sqliteTable(
  'optical_sites',
  {
    endpointId: integer('endpoint_id').notNull(),
    site: text('site').notNull(),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
  },
  (table) => [primaryKey({ columns: [table.endpointId, table.site] })],
);

export const opticalCards = sqliteTable(
  'optical_cards',
  {
    endpointId: integer('endpoint_id').notNull(),
    cardUid: text('card_uid').notNull(),
    site: text('site').notNull(),
    name: text('name').notNull(),
    model: text('model').notNull(),
    family: text('family').notNull(),
    part: text('part').notNull(),
    serial: text('serial').notNull(),
    firmware: text('firmware').notNull(),
    isActive: integer('is_active', { mode: 'boolean' }),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    removedAt: integer('removed_at'),
  },
  (table) => [primaryKey({ columns: [table.endpointId, table.cardUid] })],
);

export const opticalCardEvents = sqliteTable(
  'optical_card_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id').notNull(),
    cardUid: text('card_uid').notNull(),
    site: text('site').notNull(),
    at: integer('at').notNull(),
    change: text('change').$type<'new' | 'removed' | 'changed'>().notNull(),
    /** JSON: field → [before, after]. */
    fields: text('fields').notNull(),
  },
  (table) => [index('optical_card_events_at_idx').on(table.at)],
);

/** One row per measure ever seen, so samples carry a small integer instead of the measureUid. */
export const opticalMeasures = sqliteTable(
  'optical_measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id').notNull(),
    uid: text('uid').notNull(),
    cardUid: text('card_uid').notNull(),
    key: integer('key').notNull(),
  },
  (table) => [uniqueIndex('optical_measures_uid_idx').on(table.endpointId, table.uid)],
);

/** Raw values, kept 30 days. */
export const opticalSamples = sqliteTable(
  'optical_samples',
  {
    measureId: integer('measure_id').notNull(),
    at: integer('at').notNull(),
    value: real('value').notNull(),
  },
  // By measure for charts; by time for the hourly roll-up and the 30-day purge.
  (table) => [
    primaryKey({ columns: [table.measureId, table.at] }),
    index('optical_samples_at_idx').on(table.at),
  ],
);

/** Hourly (kept a year) and daily (kept three years) aggregates. */
export const opticalRollups = sqliteTable(
  'optical_rollups',
  {
    measureId: integer('measure_id').notNull(),
    resolution: text('resolution').$type<'hour' | 'day'>().notNull(),
    bucket: integer('bucket').notNull(),
    samples: integer('samples').notNull(),
    min: real('min').notNull(),
    avg: real('avg').notNull(),
    max: real('max').notNull(),
  },
  (table) => [primaryKey({ columns: [table.measureId, table.resolution, table.bucket] })],
);

// ── Configuration backup ────────────────────────────────────────────────────────────────────────

/** How one device is backed up; its credentials sealed, and bound to the address they were given for. */
export const backupTargets = sqliteTable('backup_targets', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  profile: text('profile').notNull(),
  /** The operator's own profile (JSON), when `profile` is "generic". */
  genericProfile: text('generic_profile'),
  port: integer('port').notNull(),
  username: text('username').notNull(),
  authKind: text('auth_kind').$type<'password' | 'key'>().notNull(),
  /** Password or key, enable secret and the jump host's secret, sealed by the SecretCipher. */
  sealedSecrets: text('sealed_secrets').notNull(),
  /** The device address the secrets were entered for: another address needs the operator's word. */
  boundHost: text('bound_host').notNull(),
  /** Jump host without its secret (JSON: host, port, username, authKind). */
  jump: text('jump'),
  legacyCrypto: integer('legacy_crypto', { mode: 'boolean' }).notNull(),
  maskSecrets: integer('mask_secrets', { mode: 'boolean' }).notNull(),
  /** Cron expression; null: the default schedule of the backup settings. */
  schedule: text('schedule'),
  knownHostKey: text('known_host_key'),
  /** A different key the device showed, kept until the operator trusts or rejects it. */
  offeredHostKey: text('offered_host_key'),
  lastRunAt: integer('last_run_at'),
  lastOkAt: integer('last_ok_at'),
  lastFailureCode: text('last_failure_code'),
  lastFailureDetail: text('last_failure_detail'),
  lastDurationMs: integer('last_duration_ms'),
  /** Weak algorithms the last session needed (comma-separated), or null. */
  weakCrypto: text('weak_crypto'),
  currentHash: text('current_hash'),
});

/** One version of a device's configuration: stored only when its content changed, gzip-compressed. */
export const backupVersions = sqliteTable(
  'backup_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    takenAt: integer('taken_at').notNull(),
    hash: text('hash').notNull(),
    bytes: integer('bytes').notNull(),
    linesAdded: integer('lines_added').notNull(),
    linesRemoved: integer('lines_removed').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (table) => [index('backup_versions_device_idx').on(table.deviceId, table.takenAt)],
);

// ── Accounts ──────────────────────────────────────────────────────────────────────────────────
/** Named users of a shared store or a server; the password only as its scrypt hash. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  /** Sessions issued before it are void: a changed or reset password signs the user out everywhere. */
  passwordChangedAt: integer('password_changed_at').notNull(),
});
// ── end of accounts ───────────────────────────────────────────────────────────────────────────
// ── Sign-in: sessions and failed attempts (shared by every instance on the store) ─────────────
/** A signed-in session: only the SHA-256 of its token is kept, so the table opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Re-dated when its user changes the password from it (see users.passwordChangedAt). */
    issuedAt: integer('issued_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Wrong passwords per user name (as typed, lower-cased), counted across instances. */
export const signInFailures = sqliteTable('sign_in_failures', {
  name: text('name').primaryKey(),
  failures: integer('failures').notNull(),
  /** The count's window ends here; once the limit is reached, the name is refused until then. */
  windowEndsAt: integer('window_ends_at').notNull(),
});
// ── end of sign-in ──
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
  /** One of the NOC's own uplink checks ("is it us?"). */
  uplink: integer('uplink', { mode: 'boolean' }).notNull().default(false),
  /** The poller group whose leader runs it (matters on a shared PostgreSQL only). */
  groupId: integer('group_id').notNull().default(1),
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

// ── Vigia watching itself: one sample of its own health every tick ────────────────────────────

export const selfHealthSamples = sqliteTable('self_health_samples', {
  at: integer('at').primaryKey(),
  cycleMs: real('cycle_ms'),
  devicesPerS: real('devices_per_s'),
  writerQueue: integer('writer_queue').notNull(),
  outboxBacklog: integer('outbox_backlog'),
  storeWriteMs: real('store_write_ms'),
  workerRestarts: integer('worker_restarts').notNull(),
  rssMb: real('rss_mb').notNull(),
});
// ── History and SLA reports ─────────────────────────────────────────────────────────────────────

/** Every change of a device's state (or of its root cause), kept as long as the daily history. */
export const deviceStateChanges = sqliteTable(
  'device_state_changes',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    state: text('state').$type<DeviceState>().notNull(),
    cause: text('cause'),
  },
  // By device for the last state before a range; by time for the report's range and the purge.
  (table) => [
    primaryKey({ columns: [table.deviceId, table.at] }),
    index('device_state_changes_at_idx').on(table.at),
  ],
);

/** The five-minute rollups summed per UTC day, kept three years by default. */
export const pingDaily = sqliteTable(
  'ping_daily',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    samples: integer('samples').notNull(),
    minMs: real('min_ms'),
    avgMs: real('avg_ms'),
    maxMs: real('max_ms'),
    lossPct: real('loss_pct').notNull(),
    upPct: real('up_pct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.day] })],
);

// ── Topology: parent links proposed from neighbour tables ────────────────────────────────────────

/**
 * One proposal per (child, parent); a rejected one stays rejected while the evidence (observer,
 * protocol, port) is the same, and is proposed again when it changes.
 */
export const topologyProposals = sqliteTable(
  'topology_proposals',
  {
    childId: integer('child_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    observerId: integer('observer_id').notNull(),
    protocol: text('protocol').$type<NeighbourProtocol>().notNull(),
    port: text('port').notNull(),
    state: text('state').$type<ProposalState>().notNull(),
    seenAt: integer('seen_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
  },
  (table) => [primaryKey({ columns: [table.childId, table.parentId] })],
);
// ── end of topology ──
// ── Cluster: poller groups and their leaders (several workstations on one PostgreSQL) ─────────────

/** Devices polled together by one leader (a site, a region); id 1 is the default group. */
export const pollerGroups = sqliteTable('poller_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Instance ids that may lead this group (they can reach its devices); empty: any instance. */
  pinned: text('pinned', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  createdAt: integer('created_at').notNull(),
});

/** A device's group when not the default one (no row: the default group). */
export const pollerGroupDevices = sqliteTable(
  'poller_group_devices',
  {
    deviceId: integer('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => pollerGroups.id, { onDelete: 'cascade' }),
  },
  (table) => [index('poller_group_devices_group_idx').on(table.groupId)],
);

/** Who leads each group (used on PostgreSQL only; a SQLite store has one instance). */
export const pollerLeases = sqliteTable('poller_leases', {
  groupId: integer('group_id')
    .primaryKey()
    .references(() => pollerGroups.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  holderLabel: text('holder_label').notNull(),
  epoch: integer('epoch').notNull(),
  since: integer('since').notNull(),
  expiresAt: integer('expires_at').notNull(),
});
// ── end cluster ──
// ── Duty requests: an operator's action carried to the leader of its subject's group ─────────────

/** Used on PostgreSQL only (see schema/pg.ts): a SQLite store has one instance, which acts itself. */
export const dutyRequests = sqliteTable(
  'duty_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    groupId: integer('group_id').notNull(),
    input: text('input', { mode: 'json' }).notNull(),
    requester: text('requester').notNull(),
    requestedAt: integer('requested_at').notNull(),
    state: text('state').$type<'pending' | 'running' | 'done' | 'failed' | 'expired'>().notNull(),
    claimedBy: text('claimed_by'),
    progress: text('progress', { mode: 'json' }),
    result: text('result', { mode: 'json' }),
    error: text('error', { mode: 'json' }),
    cancel: integer('cancel', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('duty_requests_state_idx').on(table.state, table.groupId)],
);
// ── end duty requests ──
