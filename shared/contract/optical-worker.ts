import { z } from 'zod';
import { epochMs } from './entities';
import type { WorkerApi } from './worker';

/** One Smart API endpoint as the collector needs it: the password in clear lives only in transit. */
export const SmartApiTarget = z.object({
  /** The endpoint's id: the collector keeps one token per key. */
  key: z.string().min(1),
  baseUrl: z.string().url(),
  pathPrefix: z.string().max(100),
  username: z.string().min(1),
  password: z.string(),
  clientId: z.string().min(1),
  /** IANA zone of the NMS: its timestamps carry no zone. */
  timeZone: z.string().min(1),
});
export type SmartApiTarget = z.infer<typeof SmartApiTarget>;

export const SmartApiOptions = z.object({
  pageSize: z.number().int().min(1).max(10_000).default(1_000),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  retries: z.number().int().min(0).max(5).default(2),
  /** A page larger than this is refused rather than parsed. */
  maxPageBytes: z
    .number()
    .int()
    .min(1_024)
    .default(8 * 1024 * 1024),
});
export type SmartApiOptions = z.infer<typeof SmartApiOptions>;

export const opticalFamilies = ['transponder', 'amplifier', 'roadm_wss', 'roadm_plc', 'others'] as const;
export const OpticalFamily = z.enum(opticalFamilies);
export type OpticalFamily = z.infer<typeof OpticalFamily>;

export const vendorSeverities = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'UNKNOWN', 'CLEARED'] as const;
export const VendorSeverity = z.enum(vendorSeverities);
export type VendorSeverity = z.infer<typeof VendorSeverity>;

export const OpticalCardRecord = z.object({
  cardUid: z.string(),
  site: z.string(),
  name: z.string(),
  model: z.string(),
  family: OpticalFamily,
  part: z.string(),
  serial: z.string(),
  firmware: z.string(),
  isActive: z.boolean().nullable(),
  updatedAt: epochMs.nullable(),
});
export type OpticalCardRecord = z.infer<typeof OpticalCardRecord>;

export const OpticalMeasureRecord = z.object({
  uid: z.string(),
  cardUid: z.string(),
  site: z.string(),
  cardModel: z.string(),
  cardIsUp: z.boolean().nullable(),
  key: z.number().int(),
  name: z.string(),
  group: z.string().nullable(),
  resource: z.string(),
  port: z.string().nullable(),
  value: z.number(),
  /** When the NMS last refreshed it; null when the record carries no readable date. */
  at: epochMs.nullable(),
});
export type OpticalMeasureRecord = z.infer<typeof OpticalMeasureRecord>;

export const VendorAlarmRecord = z.object({
  cardUid: z.string(),
  site: z.string(),
  cardModel: z.string(),
  oid: z.string(),
  name: z.string(),
  group: z.string(),
  resource: z.string(),
  port: z.string().nullable(),
  severity: VendorSeverity,
  isActive: z.boolean(),
  startAt: epochMs.nullable(),
  endAt: epochMs.nullable(),
});
export type VendorAlarmRecord = z.infer<typeof VendorAlarmRecord>;

export const smartApiErrorCodes = [
  'auth_failed',
  'unreachable',
  'timeout',
  'http_status',
  'not_json',
  'malformed',
  'page_too_large',
] as const;
export const SmartApiErrorCode = z.enum(smartApiErrorCodes);
export type SmartApiErrorCode = z.infer<typeof SmartApiErrorCode>;

/** Why a fetch failed, in facts: the UI words it in the reader's language. */
export const SmartApiFailure = z.object({
  code: SmartApiErrorCode,
  /** Technical detail (status, path, page), never a secret. */
  detail: z.string(),
});
export type SmartApiFailure = z.infer<typeof SmartApiFailure>;

export const FetchStats = z.object({
  pages: z.number().int().nonnegative(),
  /** What `/count` said, when it answered. */
  total: z.number().int().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  relogins: z.number().int().nonnegative(),
  /** Records dropped because a field had the wrong type or a value was not a number. */
  rejected: z.number().int().nonnegative(),
  rejectSample: z.string().nullable(),
  /** The collector process's own figures after the fetch. */
  rssMb: z.number().nonnegative(),
  cpuMs: z.number().nonnegative(),
});
export type FetchStats = z.infer<typeof FetchStats>;

const outcome = <T extends z.ZodType>(item: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), items: z.array(item), stats: FetchStats }),
    z.object({ ok: z.literal(false), failure: SmartApiFailure, latencyMs: z.number().nonnegative() }),
  ]);

const params = z.object({ target: SmartApiTarget, options: SmartApiOptions });

export const InventoryOutcome = outcome(OpticalCardRecord);
export const MeasuresOutcome = outcome(OpticalMeasureRecord);
export const AlarmsOutcome = outcome(VendorAlarmRecord);
export type FetchOutcome<T> =
  { ok: true; items: T[]; stats: FetchStats } | { ok: false; failure: SmartApiFailure; latencyMs: number };

/** The optical collector's protocol: one method per Smart API collection, all pages read. */
export const opticalWorkerApi = {
  'optical.inventory': { params, result: InventoryOutcome },
  'optical.measures': { params, result: MeasuresOutcome },
  'optical.alarms': { params, result: AlarmsOutcome },
} satisfies WorkerApi;
export type OpticalWorkerApi = typeof opticalWorkerApi;

/** Event the collector emits after each page: `{ key, collection, read, total }`. */
export const OPTICAL_PROGRESS_EVENT = 'optical.progress';
export const CollectProgress = z.object({
  key: z.string(),
  collection: z.enum(['inventory', 'measures', 'alarm']),
  read: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
});
export type CollectProgress = z.infer<typeof CollectProgress>;
