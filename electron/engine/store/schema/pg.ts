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
import {
  bigint,
  customType,
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

/**
 * Partitioned by day on `at` (migration 0012 and store/pg-partitions.ts; drizzle cannot say so
 * here): the key of a partitioned table must hold the partition column, hence (id, at).
 */
export const pingSamples = pgTable(
  'ping_samples',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
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
  (table) => [
    primaryKey({ columns: [table.id, table.at] }),
    index('ping_samples_device_at_idx').on(table.deviceId, table.at),
  ],
);

/** Partitioned by day on `bucket`, as ping_samples is on `at`. */
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
    ref: text('ref'),
    type: text('type').notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<AlarmState>().notNull(),
    params: jsonb('params').$type<AlarmParams>().notNull().default({}),
    affected: integer('affected').notNull().default(0),
    raisedAt: ms('raised_at').notNull(),
    acknowledgedAt: ms('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    clearedAt: ms('cleared_at'),
    clearedBy: text('cleared_by'),
    note: text('note'),
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

// --- Optical (Padtec Smart API) -------------------------------------------------------------

/** Which Vigia tower a Smart API site stands in: its optical alarms join that tower's picture. */
export const opticalSites = pgTable(
  'optical_sites',
  {
    endpointId: integer('endpoint_id').notNull(),
    site: text('site').notNull(),
    towerId: integer('tower_id').references(() => towers.id, { onDelete: 'set null' }),
  },
  (table) => [primaryKey({ columns: [table.endpointId, table.site] })],
);

export const opticalCards = pgTable(
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
    isActive: boolean('is_active'),
    firstSeenAt: ms('first_seen_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    removedAt: ms('removed_at'),
  },
  (table) => [primaryKey({ columns: [table.endpointId, table.cardUid] })],
);

export const opticalCardEvents = pgTable(
  'optical_card_events',
  {
    id: serial('id').primaryKey(),
    endpointId: integer('endpoint_id').notNull(),
    cardUid: text('card_uid').notNull(),
    site: text('site').notNull(),
    at: ms('at').notNull(),
    change: text('change').$type<'new' | 'removed' | 'changed'>().notNull(),
    /** JSON: field → [before, after]. */
    fields: text('fields').notNull(),
  },
  (table) => [index('optical_card_events_at_idx').on(table.at)],
);

/** One row per measure ever seen, so samples carry a small integer instead of the measureUid. */
export const opticalMeasures = pgTable(
  'optical_measures',
  {
    id: serial('id').primaryKey(),
    endpointId: integer('endpoint_id').notNull(),
    uid: text('uid').notNull(),
    cardUid: text('card_uid').notNull(),
    key: integer('key').notNull(),
  },
  (table) => [uniqueIndex('optical_measures_uid_idx').on(table.endpointId, table.uid)],
);

/** Raw values, kept 30 days. */
export const opticalSamples = pgTable(
  'optical_samples',
  {
    measureId: integer('measure_id').notNull(),
    at: ms('at').notNull(),
    value: doublePrecision('value').notNull(),
  },
  // By measure for charts; by time for the hourly roll-up and the 30-day purge.
  (table) => [
    primaryKey({ columns: [table.measureId, table.at] }),
    index('optical_samples_at_idx').on(table.at),
  ],
);

/** Hourly (kept a year) and daily (kept three years) aggregates. */
export const opticalRollups = pgTable(
  'optical_rollups',
  {
    measureId: integer('measure_id').notNull(),
    resolution: text('resolution').$type<'hour' | 'day'>().notNull(),
    bucket: ms('bucket').notNull(),
    samples: integer('samples').notNull(),
    min: doublePrecision('min').notNull(),
    avg: doublePrecision('avg').notNull(),
    max: doublePrecision('max').notNull(),
  },
  (table) => [primaryKey({ columns: [table.measureId, table.resolution, table.bucket] })],
);

// ── Configuration backup ────────────────────────────────────────────────────────────────────────

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** How one device is backed up; its credentials sealed, and bound to the address they were given for. */
export const backupTargets = pgTable('backup_targets', {
  deviceId: integer('device_id')
    .primaryKey()
    .references(() => devices.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull(),
  profile: text('profile').notNull(),
  genericProfile: text('generic_profile'),
  port: integer('port').notNull(),
  username: text('username').notNull(),
  authKind: text('auth_kind').$type<'password' | 'key'>().notNull(),
  sealedSecrets: text('sealed_secrets').notNull(),
  boundHost: text('bound_host').notNull(),
  jump: text('jump'),
  legacyCrypto: boolean('legacy_crypto').notNull(),
  maskSecrets: boolean('mask_secrets').notNull(),
  schedule: text('schedule'),
  knownHostKey: text('known_host_key'),
  offeredHostKey: text('offered_host_key'),
  lastRunAt: ms('last_run_at'),
  lastOkAt: ms('last_ok_at'),
  lastFailureCode: text('last_failure_code'),
  lastFailureDetail: text('last_failure_detail'),
  lastDurationMs: integer('last_duration_ms'),
  weakCrypto: text('weak_crypto'),
  currentHash: text('current_hash'),
});

export const backupVersions = pgTable(
  'backup_versions',
  {
    id: serial('id').primaryKey(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    takenAt: ms('taken_at').notNull(),
    hash: text('hash').notNull(),
    bytes: integer('bytes').notNull(),
    linesAdded: integer('lines_added').notNull(),
    linesRemoved: integer('lines_removed').notNull(),
    content: bytea('content').notNull(),
  },
  (table) => [index('backup_versions_device_idx').on(table.deviceId, table.takenAt)],
);

// ── Accounts ──────────────────────────────────────────────────────────────────────────────────
/** Named users of a shared store or a server; the password only as its scrypt hash. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  createdAt: ms('created_at').notNull(),
  /** Sessions issued before it are void: a changed or reset password signs the user out everywhere. */
  passwordChangedAt: ms('password_changed_at').notNull(),
});
// ── end of accounts ───────────────────────────────────────────────────────────────────────────
// ── Sign-in: sessions and failed attempts (shared by every instance on the store) ─────────────
/** A signed-in session: only the SHA-256 of its token is kept, so the table opens no session. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Re-dated when its user changes the password from it (see users.passwordChangedAt). */
    issuedAt: ms('issued_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    lastUsedAt: ms('last_used_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Wrong passwords per user name (as typed, lower-cased), counted across instances. */
export const signInFailures = pgTable('sign_in_failures', {
  name: text('name').primaryKey(),
  failures: integer('failures').notNull(),
  /** The count's window ends here; once the limit is reached, the name is refused until then. */
  windowEndsAt: ms('window_ends_at').notNull(),
});
// ── end of sign-in ──
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
  /** One of the NOC's own uplink checks ("is it us?"). */
  uplink: boolean('uplink').notNull().default(false),
  /** The poller group whose leader runs it (several instances on one PostgreSQL). */
  groupId: integer('group_id')
    .notNull()
    .default(1)
    .references(() => pollerGroups.id, { onDelete: 'set default' }),
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

// ── Vigia watching itself: one sample of its own health every tick ────────────────────────────

export const selfHealthSamples = pgTable('self_health_samples', {
  at: ms('at').primaryKey(),
  cycleMs: doublePrecision('cycle_ms'),
  devicesPerS: doublePrecision('devices_per_s'),
  writerQueue: integer('writer_queue').notNull(),
  outboxBacklog: integer('outbox_backlog'),
  storeWriteMs: doublePrecision('store_write_ms'),
  workerRestarts: integer('worker_restarts').notNull(),
  rssMb: doublePrecision('rss_mb').notNull(),
});
// ── History and SLA reports ─────────────────────────────────────────────────────────────────────

/** Every change of a device's state (or of its root cause), kept as long as the daily history. */
export const deviceStateChanges = pgTable(
  'device_state_changes',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    state: text('state').$type<DeviceState>().notNull(),
    cause: text('cause'),
  },
  (table) => [
    primaryKey({ columns: [table.deviceId, table.at] }),
    index('device_state_changes_at_idx').on(table.at),
  ],
);

/** The five-minute rollups summed per UTC day, kept three years by default. */
export const pingDaily = pgTable(
  'ping_daily',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    day: ms('day').notNull(),
    samples: integer('samples').notNull(),
    minMs: doublePrecision('min_ms'),
    avgMs: doublePrecision('avg_ms'),
    maxMs: doublePrecision('max_ms'),
    lossPct: doublePrecision('loss_pct').notNull(),
    upPct: doublePrecision('up_pct').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deviceId, table.day] })],
);

// ── Topology: parent links proposed from neighbour tables ────────────────────────────────────────

/**
 * One proposal per (child, parent); a rejected one stays rejected while the evidence (observer,
 * protocol, port) is the same, and is proposed again when it changes.
 */
export const topologyProposals = pgTable(
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
    seenAt: ms('seen_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: ms('decided_at'),
  },
  (table) => [primaryKey({ columns: [table.childId, table.parentId] })],
);
// ── end of topology ──
// ── Cluster: poller groups and their leaders (several workstations on one PostgreSQL) ─────────────

/** Devices polled together by one leader (a site, a region); id 1 is the default group. */
export const pollerGroups = pgTable('poller_groups', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** Instance ids that may lead this group (they can reach its devices); empty: any instance. */
  pinned: jsonb('pinned').$type<string[]>().notNull().default([]),
  createdAt: ms('created_at').notNull(),
});

/** A device's group when not the default one (no row: the default group). */
export const pollerGroupDevices = pgTable(
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

/** Who leads each group: a lease renewed by its holder, with the term's fencing epoch. */
export const pollerLeases = pgTable('poller_leases', {
  groupId: integer('group_id')
    .primaryKey()
    .references(() => pollerGroups.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  holderLabel: text('holder_label').notNull(),
  epoch: ms('epoch').notNull(),
  since: ms('since').notNull(),
  expiresAt: ms('expires_at').notNull(),
});
// ── end cluster ──
// ── Duty requests: an operator's action carried to the leader of its subject's group ─────────────

/**
 * "Run now", "collect now" and backup runs asked on one instance for a subject whose poller group
 * another instance leads: that leader claims the row, reports progress, and answers in it.
 */
export const dutyRequests = pgTable(
  'duty_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    groupId: integer('group_id').notNull(),
    input: jsonb('input').notNull(),
    /** The asking process's holder token. */
    requester: text('requester').notNull(),
    requestedAt: ms('requested_at').notNull(),
    /** pending → running (claimed) → done | failed; pending → expired when nobody claimed in time. */
    state: text('state').$type<'pending' | 'running' | 'done' | 'failed' | 'expired'>().notNull(),
    claimedBy: text('claimed_by'),
    progress: jsonb('progress'),
    result: jsonb('result'),
    error: jsonb('error'),
    /** The asker cancelled: the leader stops what it can. */
    cancel: boolean('cancel').notNull().default(false),
    updatedAt: ms('updated_at').notNull(),
  },
  (table) => [index('duty_requests_state_idx').on(table.state, table.groupId)],
);
// ── end duty requests ──
