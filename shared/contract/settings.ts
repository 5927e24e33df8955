import { z } from 'zod';
import { languages } from '../i18n/language';

/**
 * The operator's settings, one typed group per area. Each group is stored under one key, checked
 * field by field and across fields here (the engine on save, the Settings page before sending), and
 * published as `settings.changed` so every part of the app follows it without a restart.
 */

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** A cross-field rule broken: the message key of shared/i18n/messages/settings.ts and its values. */
export interface RuleParams {
  rule: SettingsRule;
  [name: string]: string | number;
}

export const settingsRules = [
  'criticalAboveUnstable',
  'unstableAboveStable',
  'timeoutNotBelowInterval',
  'massOutageEndNotBelowStart',
  'snmpTimeoutNotBelowInterval',
  'samplesOutliveRollups',
  'centerHalf',
  'tileTemplate',
] as const;
export type SettingsRule = (typeof settingsRules)[number];

const broken = (ctx: z.RefinementCtx, path: string, params: RuleParams): void => {
  ctx.addIssue({ code: 'custom', path: [path], message: params.rule, params });
};

/** ICMP monitoring: the adaptive interval, the probes and what makes a device down or degraded. */
export const MonitorSettings = z
  .object({
    /** Seconds between cycles while many devices are offline. */
    criticalS: whole(5, 3_600).default(15),
    /** …while states are changing. */
    unstableS: whole(5, 3_600).default(30),
    /** …once nothing changed for `stableCycles` cycles. */
    stableS: whole(5, 3_600).default(60),
    offlineCritical: whole(1, 100_000).default(5),
    stableCycles: whole(1, 100).default(3),
    /** Echo requests per device per check. */
    probes: whole(1, 20).default(3),
    timeoutMs: whole(50, 30_000).default(1_000),
    retries: whole(0, 5).default(0),
    ppsGlobal: whole(1, 1_000_000).default(20_000),
    ppsPerTower: whole(1, 100_000).default(200),
    downAfter: whole(1, 10).default(2),
    upAfter: whole(1, 10).default(2),
    degradedLossPct: whole(1, 100).default(20),
    degradedRttMs: whole(1, 60_000).default(250),
    recheck: z.boolean().default(true),
    /** Round trips kept per device for the latency baseline (anomaly detection). */
    anomalyWindow: whole(30, 1_000).default(60),
    /** A mass outage ("is it us?"): this share (%) of the monitored devices failing in one cycle… */
    massOutagePct: whole(1, 100).default(50),
    /** …and at least this many devices; it ends when its devices still down fall to `massOutageEndPct` %. */
    massOutageMinDevices: whole(2, 100_000).default(20),
    massOutageEndPct: whole(0, 99).default(25),
  })
  .superRefine((value, ctx) => {
    if (value.criticalS > value.unstableS)
      broken(ctx, 'criticalS', { rule: 'criticalAboveUnstable', unstable: value.unstableS });
    if (value.unstableS > value.stableS)
      broken(ctx, 'unstableS', { rule: 'unstableAboveStable', stable: value.stableS });
    // Every probe of a check and its retries must be answered or given up before the next cycle.
    const checkMs = value.timeoutMs * (value.retries + 1);
    if (checkMs >= value.criticalS * 1_000)
      broken(ctx, 'timeoutMs', { rule: 'timeoutNotBelowInterval', interval: value.criticalS });
    // Ending at or above the start share would end a mass outage in the cycle it began.
    if (value.massOutageEndPct >= value.massOutagePct)
      broken(ctx, 'massOutageEndPct', { rule: 'massOutageEndNotBelowStart', start: value.massOutagePct });
  });
export type MonitorSettings = z.infer<typeof MonitorSettings>;

/** SNMP defaults: what a new device's SNMP form starts with, and how every round polls. */
export const SnmpSettings = z
  .object({
    intervalS: whole(10, 3_600).default(60),
    port: whole(1, 65_535).default(161),
    version: z.enum(['1', '2c', '3']).default('2c'),
    timeoutMs: whole(100, 60_000).default(2_000),
    retries: whole(0, 5).default(1),
    maxRepetitions: whole(1, 100).default(20),
    concurrency: whole(1, 1_000).default(100),
    /** UDP port traps and informs are received on: 162, or another where 162 is taken. */
    trapPort: whole(1, 65_535).default(162),
    /** Traps per second one device may send before the rest of its flood is dropped (and counted). */
    trapRatePerSecond: whole(1, 1_000).default(20),
  })
  .superRefine((value, ctx) => {
    if (value.timeoutMs * (value.retries + 1) >= value.intervalS * 1_000)
      broken(ctx, 'timeoutMs', { rule: 'snmpTimeoutNotBelowInterval', interval: value.intervalS });
  });
export type SnmpSettings = z.infer<typeof SnmpSettings>;

/** How long history is kept, in days; the retention pass deletes what is older. */
export const RetentionSettings = z
  .object({
    samplesDays: whole(1, 365).default(30),
    rollupsDays: whole(7, 3_650).default(365),
    snmpRollupsDays: whole(7, 3_650).default(365),
    clearedAlarmsDays: whole(7, 3_650).default(365),
    /** Daily ping aggregates (3-year charts) and the state changes behind SLA reports. */
    historyDays: whole(30, 3_650).default(1_095),
  })
  .superRefine((value, ctx) => {
    // Raw samples kept past their own rollups would leave charts with gaps no rollup explains.
    if (value.samplesDays > value.rollupsDays)
      broken(ctx, 'samplesDays', { rule: 'samplesOutliveRollups', rollups: value.rollupsDays });
  });
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const UiSettings = z.object({
  language: z.enum(languages).default('pt-BR'),
  /** Recorded in the audit log; empty: the workstation's default (the signed-in user). */
  operator: z.string().trim().max(80).default(''),
  theme: z.enum(['dark', 'light']).default('dark'),
});
export type UiSettings = z.infer<typeof UiSettings>;

export const MapSettings = z
  .object({
    /** A raster tile template with {z}, {x} and {y}; empty: no background (works offline). */
    tileUrl: z.string().trim().max(500).default(''),
    /** Null: fit the towers. */
    centerLat: z.number().min(-90).max(90).nullable().default(null),
    centerLng: z.number().min(-180).max(180).nullable().default(null),
    zoom: whole(1, 19).default(12),
  })
  .superRefine((value, ctx) => {
    if (value.tileUrl !== '' && !/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/i.test(value.tileUrl))
      broken(ctx, 'tileUrl', { rule: 'tileTemplate', z: '{z}', x: '{x}', y: '{y}' });
    if ((value.centerLat === null) !== (value.centerLng === null))
      broken(ctx, value.centerLat === null ? 'centerLat' : 'centerLng', { rule: 'centerHalf' });
  });
export type MapSettings = z.infer<typeof MapSettings>;

/** The workstation's own switch; channels and routing are notify.config's. */
export const NotificationSettings = z.object({
  /** "Do not disturb": no desktop notifications (remote channels still deliver). */
  paused: z.boolean().default(false),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const settingsSchemas = {
  monitor: MonitorSettings,
  snmp: SnmpSettings,
  retention: RetentionSettings,
  ui: UiSettings,
  map: MapSettings,
  notifications: NotificationSettings,
} as const;
export type SettingsSchemas = typeof settingsSchemas;
export type SettingsGroup = keyof SettingsSchemas;
export const settingsGroups = Object.keys(settingsSchemas) as SettingsGroup[];
export type SettingsValue<G extends SettingsGroup> = z.output<SettingsSchemas[G]>;

export const AllSettings = z.object({
  monitor: MonitorSettings,
  snmp: SnmpSettings,
  retention: RetentionSettings,
  ui: UiSettings,
  map: MapSettings,
  notifications: NotificationSettings,
});
export type AllSettings = z.infer<typeof AllSettings>;

export const defaultSettings = (): AllSettings =>
  AllSettings.parse({
    monitor: {},
    snmp: {},
    retention: {},
    ui: {},
    map: {},
    notifications: {},
  });

/**
 * Fields that take effect only after the app restarts; every other field applies at the next
 * cycle, round or retention pass. The latency baseline keeps its window per device from the start.
 */
export const requiresRestart: { [G in SettingsGroup]: readonly (keyof SettingsValue<G>)[] } = {
  monitor: ['anomalyWindow'],
  snmp: [],
  retention: [],
  ui: [],
  map: [],
  notifications: [],
};

/** The store key of a group. */
export const settingsKey = (group: SettingsGroup): string => `settings.${group}`;

/**
 * A patch of one group: the fields sent are checked with the stored ones, as a whole, by the
 * engine's settings service, which tells every problem in the operator's language.
 */
const patchOf = <G extends SettingsGroup>() => z.custom<Partial<z.input<SettingsSchemas[G]>>>(() => true);

const setMethod = <G extends SettingsGroup>(group: G) => ({
  input: z.object({ value: patchOf<G>() }),
  output: settingsSchemas[group] as SettingsSchemas[G],
});

/** The utilisation and signal alarm levels of one tower or device (SNMP). */
export const SnmpLimits = z.object({
  utilizationPct: whole(1, 100),
  signalDbm: z.number().min(-100).max(-30),
});
export type SnmpLimits = z.infer<typeof SnmpLimits>;
const limitsOf = z.object({ scope: z.enum(['towers', 'devices']), id: z.number().int().positive() });

export const settingsApiMethods = {
  'settings.get': { input: z.void(), output: AllSettings },
  'settings.monitor.set': setMethod('monitor'),
  'settings.snmp.set': setMethod('snmp'),
  'settings.retention.set': setMethod('retention'),
  'settings.ui.set': setMethod('ui'),
  'settings.map.set': setMethod('map'),
  'settings.notifications.set': setMethod('notifications'),
  /** A tower's or device's own SNMP alarm levels, or the defaults when it has none. */
  'snmp.limits.get': { input: limitsOf, output: SnmpLimits },
  'snmp.limits.set': { input: limitsOf.extend({ limits: SnmpLimits }), output: z.void() },
} as const;

/** Published after a group was saved, with its new value. */
export const SettingsChanged = z.discriminatedUnion('group', [
  z.object({ type: z.literal('settings.changed'), group: z.literal('monitor'), value: MonitorSettings }),
  z.object({ type: z.literal('settings.changed'), group: z.literal('snmp'), value: SnmpSettings }),
  z.object({ type: z.literal('settings.changed'), group: z.literal('retention'), value: RetentionSettings }),
  z.object({ type: z.literal('settings.changed'), group: z.literal('ui'), value: UiSettings }),
  z.object({ type: z.literal('settings.changed'), group: z.literal('map'), value: MapSettings }),
  z.object({
    type: z.literal('settings.changed'),
    group: z.literal('notifications'),
    value: NotificationSettings,
  }),
]);
export type SettingsChanged = z.infer<typeof SettingsChanged>;
