import { asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { BatchQueue } from '../writer';
import type { RepoContext } from './context';

/** A device's backup settings and last outcome as stored: secrets sealed by the SecretCipher. */
export interface StoredBackupTarget {
  deviceId: number;
  enabled: boolean;
  profile: string;
  genericProfile: string | null;
  port: number;
  username: string;
  authKind: 'password' | 'key';
  sealedSecrets: string;
  boundHost: string;
  jump: string | null;
  legacyCrypto: boolean;
  maskSecrets: boolean;
  schedule: string | null;
  knownHostKey: string | null;
  offeredHostKey: string | null;
  lastRunAt: number | null;
  lastOkAt: number | null;
  lastFailureCode: string | null;
  lastFailureDetail: string | null;
  lastDurationMs: number | null;
  weakCrypto: string | null;
  currentHash: string | null;
}

export type BackupTargetSettings = Omit<
  StoredBackupTarget,
  | 'lastRunAt'
  | 'lastOkAt'
  | 'lastFailureCode'
  | 'lastFailureDetail'
  | 'lastDurationMs'
  | 'weakCrypto'
  | 'currentHash'
  | 'knownHostKey'
  | 'offeredHostKey'
>;

/** What one run leaves on its device's row. */
export interface BackupRunRecord {
  deviceId: number;
  at: number;
  ok: boolean;
  failureCode: string | null;
  failureDetail: string | null;
  durationMs: number;
  weakCrypto: string | null;
  /** Unchanged when undefined. */
  knownHostKey?: string | null;
  offeredHostKey?: string | null;
  /** The jump host's settings with its host keys (JSON, as `StoredBackupTarget.jump`). */
  jump?: string;
  currentHash?: string;
}

export interface NewBackupVersion {
  deviceId: number;
  takenAt: number;
  hash: string;
  bytes: number;
  linesAdded: number;
  linesRemoved: number;
  /** gzip of the configuration text. */
  content: Buffer;
}

export interface StoredBackupVersion extends Omit<NewBackupVersion, 'content'> {
  id: number;
}

export interface BackupStore {
  targets(): Promise<StoredBackupTarget[]>;
  target(deviceId: number): Promise<StoredBackupTarget | null>;
  /** Creates or replaces the settings; the last outcome and host keys stay. */
  saveTarget(target: BackupTargetSettings): Promise<void>;
  setHostKeys(deviceId: number, known: string | null, offered: string | null): Promise<void>;
  setJump(deviceId: number, jump: string | null): Promise<void>;
  deleteTarget(deviceId: number): Promise<void>;
  /** Batched: the runs of many devices in one transaction. */
  recordRuns(records: BackupRunRecord[]): Promise<void>;
  addVersion(version: NewBackupVersion): Promise<number>;
  versions(deviceId: number): Promise<StoredBackupVersion[]>;
  version(id: number): Promise<(StoredBackupVersion & { content: Buffer }) | null>;
  latestVersion(deviceId: number): Promise<(StoredBackupVersion & { content: Buffer }) | null>;
  /** Versions per device and the time of the latest. */
  versionStats(): Promise<{ deviceId: number; versions: number; lastAt: number }[]>;
  /**
   * Deletes versions older than `before` or beyond the newest `keep` of their device; a device's
   * newest version always stays. Returns how many went.
   */
  prune(keep: number, before: number): Promise<number>;
  /** Bytes of stored (compressed) configuration, for the benchmark. */
  storedBytes(): Promise<number>;
}

export function backupRepository({ dialect, writer }: RepoContext): BackupStore {
  const { db, tables } = dialect;
  const t = tables.backupTargets;
  const v = tables.backupVersions;
  const info = {
    id: v.id,
    deviceId: v.deviceId,
    takenAt: v.takenAt,
    hash: v.hash,
    bytes: v.bytes,
    linesAdded: v.linesAdded,
    linesRemoved: v.linesRemoved,
  };
  const runs = new BatchQueue<BackupRunRecord>(writer, (records) =>
    dialect.transaction(async (tx) => {
      for (const record of records) {
        await tx
          .update(t)
          .set({
            lastRunAt: record.at,
            ...(record.ok ? { lastOkAt: record.at } : {}),
            lastFailureCode: record.failureCode,
            lastFailureDetail: record.failureDetail,
            lastDurationMs: record.durationMs,
            weakCrypto: record.weakCrypto,
            ...(record.knownHostKey !== undefined ? { knownHostKey: record.knownHostKey } : {}),
            ...(record.offeredHostKey !== undefined ? { offeredHostKey: record.offeredHostKey } : {}),
            ...(record.currentHash !== undefined ? { currentHash: record.currentHash } : {}),
            ...(record.jump !== undefined ? { jump: record.jump } : {}),
          })
          .where(eq(t.deviceId, record.deviceId));
      }
    }),
  );
  const withContent = { ...info, content: v.content };
  return {
    targets: async () => db.select().from(t),
    target: async (deviceId) => (await db.select().from(t).where(eq(t.deviceId, deviceId)))[0] ?? null,
    saveTarget: (target) =>
      writer.run(async () => {
        const { deviceId: _deviceId, ...fields } = target;
        await db.insert(t).values(target).onConflictDoUpdate({ target: t.deviceId, set: fields });
      }),
    setHostKeys: (deviceId, known, offered) =>
      writer.run(async () => {
        await db
          .update(t)
          .set({ knownHostKey: known, offeredHostKey: offered })
          .where(eq(t.deviceId, deviceId));
      }),
    setJump: (deviceId, jump) =>
      writer.run(async () => {
        await db.update(t).set({ jump }).where(eq(t.deviceId, deviceId));
      }),
    deleteTarget: (deviceId) =>
      writer.run(async () => {
        await db.delete(v).where(eq(v.deviceId, deviceId));
        await db.delete(t).where(eq(t.deviceId, deviceId));
      }),
    recordRuns: (records) => runs.push(records),
    addVersion: (version) =>
      writer.run(async () => {
        const [row] = await db.insert(v).values(version).returning({ id: v.id });
        return row!.id;
      }),
    versions: async (deviceId) =>
      db.select(info).from(v).where(eq(v.deviceId, deviceId)).orderBy(desc(v.takenAt), desc(v.id)),
    version: async (id) => (await db.select(withContent).from(v).where(eq(v.id, id)))[0] ?? null,
    latestVersion: async (deviceId) =>
      (
        await db
          .select(withContent)
          .from(v)
          .where(eq(v.deviceId, deviceId))
          .orderBy(desc(v.takenAt), desc(v.id))
          .limit(1)
      )[0] ?? null,
    versionStats: async () =>
      (
        await db
          .select({ deviceId: v.deviceId, versions: count(), lastAt: max(v.takenAt) })
          .from(v)
          .groupBy(v.deviceId)
      ).map((row) => ({
        deviceId: row.deviceId,
        versions: Number(row.versions),
        lastAt: Number(row.lastAt),
      })),
    prune: (keep, before) =>
      writer.run(async () => {
        const rows = await db
          .select({ id: v.id, deviceId: v.deviceId, takenAt: v.takenAt })
          .from(v)
          .orderBy(asc(v.deviceId), desc(v.takenAt), desc(v.id));
        const doomed: number[] = [];
        let device = -1;
        let rank = 0;
        for (const row of rows) {
          rank = row.deviceId === device ? rank + 1 : 0;
          device = row.deviceId;
          if (rank > 0 && (rank >= keep || row.takenAt < before)) doomed.push(row.id);
        }
        for (let at = 0; at < doomed.length; at += 500) {
          await db.delete(v).where(inArray(v.id, doomed.slice(at, at + 500)));
        }
        return doomed.length;
      }),
    storedBytes: async () => {
      const [row] = await db.select({ total: sql<number>`coalesce(sum(length(${v.content})), 0)` }).from(v);
      return Number(row?.total ?? 0);
    },
  };
}
