import { z } from 'zod';
import { Severity, epochMs } from './entities';
import { OpticalCardRecord, SmartApiErrorCode, VendorSeverity } from './optical-worker';
import { isKnownTimeZone } from './time-zone';

const id = z.number().int().positive();
const finite = z.number().finite();

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'http:// ou https:// / must start with http:// or https://');

const timeZone = z
  .string()
  .trim()
  .min(1)
  .refine(isKnownTimeZone, 'fuso horário desconhecido / unknown time zone');

/** One Smart API endpoint as the API shows it: the password never leaves the engine. */
export const OpticalEndpoint = z.object({
  id,
  name: z.string().trim().min(1).max(80),
  baseUrl: httpUrl,
  pathPrefix: z.string().trim().max(100).default('/nms-api'),
  username: z.string().trim().min(1).max(120),
  clientId: z.string().trim().min(1).max(80).default('vigia'),
  timeZone: timeZone.default('America/Sao_Paulo'),
  enabled: z.boolean().default(true),
  /** The poller group whose leader reads it, on a shared PostgreSQL (the default group: 1). */
  groupId: z.number().int().positive().default(1),
  passwordSet: z.boolean(),
});
export type OpticalEndpoint = z.infer<typeof OpticalEndpoint>;

/** An endpoint as edited: a null id adds one; a null password keeps the stored one (same address only). */
export const OpticalEndpointInput = OpticalEndpoint.omit({ id: true, passwordSet: true }).extend({
  id: id.nullable(),
  password: z.string().min(1).max(200).nullable(),
});
export type OpticalEndpointInput = z.input<typeof OpticalEndpointInput>;

/** How often each collection is read; never faster than the Smart API refreshes (30 s measures, 1 s alarms). */
export const OpticalCadences = z.object({
  inventoryMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  criticalMeasuresSeconds: z.number().int().min(30).max(3_600).default(60),
  otherMeasuresSeconds: z.number().int().min(30).max(3_600).default(300),
  vendorAlarmsSeconds: z.number().int().min(1).max(3_600).default(30),
});
export type OpticalCadences = z.infer<typeof OpticalCadences>;

export const thresholdConditions = ['ABOVE', 'BELOW', 'RANGE'] as const;
export const ThresholdCondition = z.enum(thresholdConditions);

/** A limit for one measure key on one card model: there is never one range for every card. */
export const ThresholdRule = z
  .object({
    id: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}$/,
        'letras minúsculas, dígitos e hífens / lower-case letters, digits, dashes',
      ),
    cardModel: z.string().trim().min(1).max(80),
    measureKey: z.number().int(),
    condition: ThresholdCondition,
    min: finite.nullable(),
    max: finite.nullable(),
    hysteresis: z.number().min(0).max(20).default(0.5),
    severity: Severity,
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const needsMin = rule.condition !== 'ABOVE';
    const needsMax = rule.condition !== 'BELOW';
    if (needsMin && rule.min === null)
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'informe o mínimo / the minimum is required' });
    if (needsMax && rule.max === null)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'informe o máximo / the maximum is required' });
    if (rule.condition === 'RANGE' && rule.min !== null && rule.max !== null && rule.min >= rule.max)
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'máximo ≤ mínimo / the maximum must exceed the minimum',
      });
  });
export type ThresholdRule = z.infer<typeof ThresholdRule>;

export const RateRule = z.object({
  enabled: z.boolean().default(true),
  /** A fall larger than this (dB) within the window raises an alarm. */
  dropDb: z.number().positive().max(60).default(3),
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  hysteresis: z.number().min(0).max(20).default(0.5),
  severity: Severity.default('major'),
});
export type RateRule = z.infer<typeof RateRule>;

/** The unit of a measure, by key first, else by group: the API sends none. */
export const MeasureUnit = z.object({
  measureKey: z.number().int().nullable(),
  group: z.string().trim().max(40).nullable(),
  unit: z.string().trim().max(16),
});
export type MeasureUnit = z.infer<typeof MeasureUnit>;

export const OpticalRules = z.object({
  thresholds: z.array(ThresholdRule).max(2_000),
  rate: RateRule,
  staleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  cardDownSeverity: Severity.default('critical'),
  /** Measure keys read at the critical cadence (pump power, line in/out power, OSNR). */
  criticalKeys: z.array(z.number().int()).max(200),
  units: z.array(MeasureUnit).max(500),
});
export type OpticalRules = z.infer<typeof OpticalRules>;

export const OpticalConfig = z.object({
  endpoints: z.array(OpticalEndpoint).max(50),
  cadences: OpticalCadences,
  rules: OpticalRules,
});
export type OpticalConfig = z.infer<typeof OpticalConfig>;

export const OpticalConfigInput = z.object({
  endpoints: z.array(OpticalEndpointInput).max(50),
  cadences: OpticalCadences,
  rules: OpticalRules,
});
export type OpticalConfigInput = z.input<typeof OpticalConfigInput>;

export const collections = ['inventory', 'measures', 'alarms'] as const;
export const Collection = z.enum(collections);
export type Collection = z.infer<typeof Collection>;

/** How one endpoint answers: shown beside it in the UI. */
export const EndpointHealth = z.object({
  endpointId: id,
  state: z.enum(['ok', 'failing', 'open', 'idle', 'disabled']),
  lastSuccessAt: epochMs.nullable(),
  lastErrorAt: epochMs.nullable(),
  lastError: z.object({ code: SmartApiErrorCode, detail: z.string(), collection: Collection }).nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** When the circuit is open: the next attempt. */
  retryAt: epochMs.nullable(),
  rejected: z.number().int().nonnegative(),
  rejectSample: z.string().nullable(),
  cards: z.number().int().nonnegative(),
  measures: z.number().int().nonnegative(),
  progress: z
    .object({ collection: Collection, read: z.number().int(), total: z.number().int().nullable() })
    .nullable(),
});
export type EndpointHealth = z.infer<typeof EndpointHealth>;

export const OpticalSite = z.object({
  endpointId: id,
  site: z.string(),
  towerId: id.nullable(),
  cards: z.number().int().nonnegative(),
  cardsDown: z.number().int().nonnegative(),
  openAlarms: z.number().int().nonnegative(),
});
export type OpticalSite = z.infer<typeof OpticalSite>;

export const LatestMeasure = z.object({
  uid: z.string(),
  key: z.number().int(),
  name: z.string(),
  group: z.string().nullable(),
  unit: z.string(),
  value: z.number(),
  at: epochMs.nullable(),
  collectedAt: epochMs,
  /** Open alarm types on it right now (threshold_high, rate…). */
  alarms: z.array(z.string()),
});
export type LatestMeasure = z.infer<typeof LatestMeasure>;

/** A card as the inventory last read it, with its state and latest measures. */
export const OpticalCard = OpticalCardRecord.omit({ updatedAt: true }).extend({
  endpointId: id,
  isUp: z.boolean().nullable(),
  firstSeenAt: epochMs,
  removedAt: epochMs.nullable(),
  measures: z.array(LatestMeasure),
});
export type OpticalCard = z.infer<typeof OpticalCard>;

export const cardChanges = ['new', 'removed', 'changed'] as const;
export const CardEvent = z.object({
  endpointId: id,
  cardUid: z.string(),
  site: z.string(),
  at: epochMs,
  change: z.enum(cardChanges),
  /** For "changed": field → [before, after]. */
  fields: z.record(z.string(), z.tuple([z.string(), z.string()])),
});
export type CardEvent = z.infer<typeof CardEvent>;

export const VendorAlarm = z.object({
  endpointId: id,
  site: z.string(),
  cardUid: z.string(),
  cardModel: z.string(),
  oid: z.string(),
  name: z.string(),
  group: z.string(),
  resource: z.string(),
  severity: VendorSeverity,
  startAt: epochMs.nullable(),
});
export type VendorAlarm = z.infer<typeof VendorAlarm>;

/** Raw samples cover 30 days, hourly aggregates a year, daily ones three years. */
export const opticalRanges = ['1h', '24h', '7d', '30d', '1y', '3y'] as const;
export const OpticalRange = z.enum(opticalRanges);
export type OpticalRange = z.infer<typeof OpticalRange>;
export const opticalRangeMs: Record<OpticalRange, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '1y': 365 * 86_400_000,
  '3y': 3 * 365 * 86_400_000,
};

export const MeasurePoint = z.object({ at: epochMs, min: z.number(), avg: z.number(), max: z.number() });
export const Resolution = z.enum(['raw', 'hour', 'day']);
export type Resolution = z.infer<typeof Resolution>;

export const MeasureHistory = z.object({
  unit: z.string(),
  points: z.array(MeasurePoint),
  /** The rules that apply to this measure, to draw their bands. */
  rules: z.array(ThresholdRule),
});
export type MeasureHistory = z.infer<typeof MeasureHistory>;

export const PreviewHit = z.object({
  endpointId: id,
  site: z.string(),
  cardUid: z.string(),
  measureUid: z.string(),
  value: z.number(),
  unit: z.string(),
});
export type PreviewHit = z.infer<typeof PreviewHit>;

const endpointId = id;

/** The optical part of the channel registry (merged into apiMethods). */
export const opticalApiMethods = {
  'optical.config.get': { input: z.void(), output: OpticalConfig },
  'optical.config.set': { input: z.object({ config: OpticalConfigInput }), output: OpticalConfig },
  'optical.health': { input: z.void(), output: z.array(EndpointHealth) },
  'optical.collectNow': { input: z.object({ endpointId, collection: Collection }), output: z.void() },
  'optical.sites': { input: z.void(), output: z.array(OpticalSite) },
  'optical.site.map': {
    input: z.object({ endpointId, site: z.string().min(1).max(200), towerId: id.nullable() }),
    output: z.void(),
  },
  'optical.cards': {
    input: z.object({ endpointId, site: z.string().min(1).max(200) }),
    output: z.array(OpticalCard),
  },
  'optical.cardEvents': {
    input: z.object({ limit: z.number().int().min(1).max(1_000).default(100) }),
    output: z.array(CardEvent),
  },
  'optical.vendorAlarms': { input: z.void(), output: z.array(VendorAlarm) },
  'optical.history': {
    input: z.object({
      endpointId,
      measureUid: z.string().min(1).max(300),
      resolution: Resolution,
      range: OpticalRange,
    }),
    output: MeasureHistory,
  },
  /** Which measures a rule would put in alarm now, before it is saved. */
  'optical.rules.preview': { input: z.object({ rule: ThresholdRule }), output: z.array(PreviewHit) },
} as const;
