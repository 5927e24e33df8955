import type {
  Alarm,
  AlarmParams,
  AlarmSource,
  AlarmState,
  AuditEntry,
  Device,
  DeviceInput,
  DeviceStatus,
  OutboxMessage,
  PingRollup,
  PingSample,
  Severity,
  Tower,
  TowerInput,
} from '../../../shared/contract/entities';
import type { ImportDeviceRow } from '../../../shared/contract/inventory-import';
import type { InterfaceRollup, WirelessRollup } from '../../../shared/contract/snmp';
import type { SyntheticCheckInput, SyntheticResult } from '../../../shared/contract/synthetic';
import type { ParentLinkProposal } from '../../../shared/contract/topology';
import type { HistoryRepository } from './repo/history';
import type { RecentRepository } from './repo/recent';
import type { OpticalRepository } from './repo/optical';
import type { ClusterRepository } from './repo/cluster';
import type { BackupStore } from './repo/backup';
import type { UsersRepository } from './repo/users';
import type { SignInRepository } from './repo/sign-in';
import type { SelfHealthStore } from './repo/self-health';
import type { WriteBacklog } from './writer';

export type Dialect = 'sqlite' | 'postgres';

export interface MaintenanceFields {
  maintenanceUntil: number | null;
  maintenanceBy: string | null;
  maintenanceReason: string | null;
}

export interface NewAlarm {
  /** Reserved beforehand (`alarms.reserveIds`); the store assigns one when absent. */
  id?: number;
  source: AlarmSource;
  deviceId: number | null;
  towerId: number | null;
  ref: string | null;
  type: string;
  severity: Severity;
  params: AlarmParams;
  affected: number;
  raisedAt: number;
}

export interface AlarmPatch {
  id: number;
  severity: Severity;
  affected: number;
  params: AlarmParams;
}

export interface NewOutboxMessage {
  channel: string;
  destination: string;
  idempotencyKey: string;
  payload: string;
  nextAttemptAt: number;
  createdAt: number;
}

/** A device's SNMP settings as stored: the credentials sealed by the SecretCipher. */
export interface StoredSnmpConfig {
  deviceId: number;
  enabled: boolean;
  port: number;
  version: '1' | '2c' | '3';
  user: string | null;
  sealedCredentials: string;
  intervalS: number;
  lastPollAt: number | null;
  lastError: string | null;
}

/** A synthetic check as stored, without its results. */
export type StoredSyntheticCheck = SyntheticCheckInput & { id: number; createdAt: number; updatedAt: number };

export interface NewAuditEntry {
  at: number;
  actor: string;
  action: string;
  target: string;
  details: string;
}

/**
 * The store as the rest of Vigia sees it. Both dialects implement it; nothing outside
 * `electron/engine/store` knows which one is behind it. Every method is async so that SQLite and
 * PostgreSQL share one shape; writes go through the single writer of each database.
 */
export interface Repository {
  readonly dialect: Dialect;

  towers: {
    list(): Promise<Tower[]>;
    get(id: number): Promise<Tower | null>;
    create(input: TowerInput): Promise<Tower>;
    update(id: number, patch: Partial<TowerInput>): Promise<Tower>;
    setMaintenance(id: number, fields: MaintenanceFields): Promise<Tower>;
    /** Devices on the tower keep existing with no tower. */
    delete(id: number): Promise<void>;
  };

  devices: {
    list(): Promise<Device[]>;
    get(id: number): Promise<Device | null>;
    create(input: DeviceInput): Promise<Device>;
    /** All or nothing: one transaction. */
    createMany(inputs: DeviceInput[]): Promise<Device[]>;
    update(id: number, patch: Partial<DeviceInput>): Promise<Device>;
    setMaintenance(id: number, fields: MaintenanceFields): Promise<Device>;
    /** Children keep existing with no parent. */
    delete(id: number): Promise<void>;
  };

  /** An operator's confirmed import: its new towers and devices in one transaction. */
  inventoryImport: {
    write(towers: TowerInput[], devices: ImportDeviceRow[]): Promise<{ towers: Tower[]; devices: Device[] }>;
  };

  status: {
    /** The current status of every device (one row per device), for the live view. */
    all(): Promise<DeviceStatus[]>;
    upsertMany(statuses: DeviceStatus[]): Promise<void>;
  };

  ping: {
    insertSamples(samples: PingSample[]): Promise<void>;
    /** Oldest first; with `limit`, only the newest `limit` of them. */
    samples(deviceId: number, from: number, to: number, limit?: number): Promise<PingSample[]>;
    upsertRollups(rollups: PingRollup[]): Promise<void>;
    rollups(deviceId: number, from: number, to: number): Promise<PingRollup[]>;
    /**
     * Returns how many rows went. On PostgreSQL whole days go first (their partitions dropped),
     * then the rows left before `at`.
     */
    deleteSamplesBefore(at: number): Promise<number>;
    deleteRollupsBefore(at: number): Promise<number>;
    /** PostgreSQL: the coming days' partitions, made ahead by the retention pass (nothing on SQLite). */
    preparePartitions(now: number): Promise<void>;
  };

  alarms: {
    /**
     * Ids for alarms not yet stored, unique across workstations sharing one PostgreSQL: the alarm
     * service decides and publishes with them while the store may be slow to answer.
     */
    reserveIds(count: number): Promise<number[]>;
    /**
     * Opens these alarms in one transaction (multi-row statements); returns those opened. An
     * alarm whose source, subject and type already has an open one is skipped (one open per key).
     */
    raiseMany(alarms: NewAlarm[]): Promise<Alarm[]>;
    /** The open (active or acknowledged) alarms, all of them or those of these keys. */
    open(keys?: readonly string[]): Promise<Alarm[]>;
    /** One transaction; ids that no longer exist are skipped. */
    updateMany(patches: AlarmPatch[]): Promise<Alarm[]>;
    acknowledge(ids: number[], by: string, note: string, at: number): Promise<Alarm[]>;
    /** Clears those still open (by: the operator, or null when their source cleared them). */
    clearMany(ids: number[], at: number, by: string | null): Promise<Alarm[]>;
    /** Cleared alarms older than `at` go; returns how many. */
    deleteClearedBefore(at: number): Promise<number>;
    list(filter: { states: AlarmState[]; deviceId?: number; limit: number }): Promise<Alarm[]>;
    /** These alarms as stored now, in any state (an event another instance published). */
    byIds(ids: readonly number[]): Promise<Alarm[]>;
  };

  outbox: {
    /** Ignores a message whose idempotency key is already stored; returns whether it was added. */
    enqueue(message: NewOutboxMessage): Promise<boolean>;
    /** Pending messages whose next attempt is due, and claims that outlived their lease; oldest first. */
    due(now: number, limit: number): Promise<OutboxMessage[]>;
    /**
     * Claims these messages for `owner` until `until`; returns the ones it got. Atomic per row, so
     * workstations sharing one PostgreSQL never send the same message twice.
     */
    claim(ids: number[], owner: string, now: number, until: number): Promise<OutboxMessage[]>;
    markSent(ids: number[], at: number): Promise<void>;
    /** Back to pending for another attempt at `nextAttemptAt`. */
    markRetry(ids: number[], nextAttemptAt: number, error: string): Promise<void>;
    markFailed(ids: number[], error: string): Promise<void>;
    /** The same, by idempotency key: for messages sent while the store stalled, before it held their row. */
    markSentByKeys(keys: string[], at: number): Promise<void>;
    markFailedByKeys(keys: string[], error: string): Promise<void>;
    /** After a restart: this workstation's unfinished claims become pending again. */
    releaseClaims(owner: string): Promise<number>;
    stats(sentSince: number): Promise<{ pending: number; failed: number; sent: number }>;
    recentFailures(limit: number): Promise<OutboxMessage[]>;
    /** Delivered and given-up messages older than `at` go: the outbox is not an archive. */
    deleteFinishedBefore(at: number): Promise<number>;
  };

  snmp: {
    configs(): Promise<StoredSnmpConfig[]>;
    setConfig(config: Omit<StoredSnmpConfig, 'lastPollAt' | 'lastError'>): Promise<void>;
    deleteConfig(deviceId: number): Promise<void>;
    setPollOutcomes(outcomes: { deviceId: number; at: number; error: string | null }[]): Promise<void>;
    upsertInterfaceRollups(rollups: InterfaceRollup[]): Promise<void>;
    interfaceRollups(deviceId: number, from: number, to: number): Promise<InterfaceRollup[]>;
    upsertWirelessRollups(rollups: WirelessRollup[]): Promise<void>;
    wirelessRollups(deviceId: number, from: number, to: number): Promise<WirelessRollup[]>;
    deleteRollupsBefore(at: number): Promise<number>;
  };

  topology: {
    proposals(): Promise<ParentLinkProposal[]>;
    /** Rewrites them all in one transaction (one row per child and parent: a few thousand at most). */
    replaceProposals(proposals: readonly ParentLinkProposal[]): Promise<void>;
  };

  synthetic: {
    checks(): Promise<StoredSyntheticCheck[]>;
    createCheck(input: SyntheticCheckInput): Promise<StoredSyntheticCheck>;
    updateCheck(id: number, input: SyntheticCheckInput): Promise<StoredSyntheticCheck>;
    deleteCheck(id: number): Promise<void>;
    /** One transaction per call; a result whose check is gone is dropped. */
    insertResults(results: SyntheticResult[]): Promise<void>;
    results(checkId: number, from: number, to: number): Promise<SyntheticResult[]>;
    /** The newest `limit` results of a check, newest first. */
    recent(checkId: number, limit: number): Promise<SyntheticResult[]>;
    deleteResultsBefore(at: number): Promise<number>;
  };
  backup: BackupStore;

  settings: {
    all(): Promise<Record<string, unknown>>;
    get(key: string): Promise<unknown>;
    set(key: string, value: unknown): Promise<void>;
    delete(key: string): Promise<void>;
  };

  audit: {
    add(entry: NewAuditEntry): Promise<void>;
    list(limit: number): Promise<AuditEntry[]>;
  };

  /**
   * An online backup of a SQLite store into `destination` (PostgreSQL is backed up by the
   * server's own tools: there it throws a StoreError 'invalid').
   */
  backupTo(destination: string): Promise<void>;
  optical: OpticalRepository;
  /** Poller groups, device membership and their leaders (several instances on one PostgreSQL). */
  cluster: ClusterRepository;

  users: UsersRepository;
  /** Sign-in sessions (hashed) and failed attempts per user name, shared by every instance. */
  signIn: SignInRepository;
  selfHealth: SelfHealthStore;
  /** Writes waiting in (or running from) the one writer queue. */
  writerQueue(): number;
  history: HistoryRepository;
  /** The dashboard's recent changes: state changes and alarm moments, newest first. */
  recent: RecentRepository;
  /** Writes waiting for the database, and how long it has left the one in progress unanswered. */
  backlog(): WriteBacklog;

  /** Flushes batched writes and closes connections. */
  close(): Promise<void>;
}

/** A failure the user must read: the cause in words, never a stack. */
export class StoreError extends Error {
  constructor(
    readonly code:
      'corrupt' | 'locked' | 'unreachable' | 'auth' | 'migration' | 'not_found' | 'conflict' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
