import type { Severity } from '../../contract/entities';
import type { OpticalRules, ThresholdRule } from '../../contract/optical';
import type { VendorAlarmRecord, VendorSeverity } from '../../contract/optical-worker';
import { isLogUnit } from './units';

export const opticalAlarmTypes = [
  'threshold_high',
  'threshold_low',
  'rate',
  'stale',
  'card_down',
  'vendor',
  'endpoint',
] as const;
export type OpticalAlarmType = (typeof opticalAlarmTypes)[number];

/** An optical alarm as the rules want it now; it has the shape of the alarm port's DesiredAlarm. */
export interface OpticalAlarm {
  source: 'optical';
  type: OpticalAlarmType;
  subject: { deviceId: null; towerId: number | null; ref: string };
  severity: Severity;
  params: Readonly<Record<string, string | number | boolean | null>>;
}

/** The latest reading of one measure, as the engine keeps it. */
export interface MeasureNow {
  uid: string;
  cardUid: string;
  site: string;
  cardModel: string;
  key: number;
  name: string;
  group: string | null;
  unit: string;
  value: number;
  /** The NMS's own update time; null when it sent none. */
  at: number | null;
  collectedAt: number;
  cardIsUp: boolean | null;
}

export interface MeasureContext {
  endpointId: number;
  rules: OpticalRules;
  now: number;
  /** Whether the alarm with this ref was wanted on the previous round (for hysteresis). */
  wasOpen(ref: string): boolean;
  /** The highest value of a measure within the rate window, or null without history. */
  windowMax(uid: string): number | null;
  towerOf(site: string): number | null;
}

export const measureRef = (endpointId: number, uid: string, rule: string) =>
  `optical:${endpointId}:measure:${uid}:${rule}`;
export const cardRef = (endpointId: number, cardUid: string, what: 'down' | 'stale') =>
  `optical:${endpointId}:card:${cardUid}:${what}`;
export const endpointRef = (endpointId: number) => `optical:${endpointId}:endpoint`;
/** The endpoint an optical alarm's ref names (every ref starts `optical:<endpoint>:`), or null. */
export function endpointOfRef(ref: string | null): number | null {
  const match = /^optical:(\d+):/.exec(ref ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * Which side of a threshold a value is on. An open alarm clears only once the value is back by
 * the hysteresis (ABOVE 24 with 0.5: raised above 24, cleared at or below 23.5), so a measure that
 * wobbles around the limit raises one alarm, not one per round.
 */
export function thresholdBreach(rule: ThresholdRule, value: number, wasOpen: boolean): 'high' | 'low' | null {
  const margin = wasOpen ? rule.hysteresis : 0;
  if (rule.condition !== 'ABOVE' && rule.min !== null && value < rule.min + margin) return 'low';
  if (rule.condition !== 'BELOW' && rule.max !== null && value > rule.max - margin) return 'high';
  return null;
}

const appliesTo = (rule: ThresholdRule, measure: MeasureNow) =>
  rule.enabled && rule.measureKey === measure.key && rule.cardModel === measure.cardModel;

/** The measures a rule would alarm now, ignoring history: the rule editor's preview. */
export function previewRule(rule: ThresholdRule, measures: Iterable<MeasureNow>): MeasureNow[] {
  const hits: MeasureNow[] = [];
  for (const measure of measures)
    if (appliesTo({ ...rule, enabled: true }, measure) && thresholdBreach(rule, measure.value, false))
      hits.push(measure);
  return hits;
}

interface CardNow {
  site: string;
  model: string;
  down: boolean;
  /** The newest update time among its measures. */
  newest: number;
}

function cardsOf(measures: readonly MeasureNow[]): Map<string, CardNow> {
  const cards = new Map<string, CardNow>();
  for (const measure of measures) {
    let card = cards.get(measure.cardUid);
    if (!card) {
      card = { site: measure.site, model: measure.cardModel, down: false, newest: 0 };
      cards.set(measure.cardUid, card);
    }
    card.down ||= measure.cardIsUp === false;
    card.newest = Math.max(card.newest, measure.at ?? measure.collectedAt);
  }
  return cards;
}

const opticalAlarm = (
  type: OpticalAlarmType,
  ref: string,
  towerId: number | null,
  severity: Severity,
  params: OpticalAlarm['params'],
): OpticalAlarm => ({ source: 'optical', type, subject: { deviceId: null, towerId, ref }, severity, params });

/**
 * Threshold, rate-of-change, card-down and stale-data alarms of one endpoint's latest measures.
 * A card that is down raises only "card down": its measures are not blamed on top of it.
 */
export function evaluateMeasures(measures: readonly MeasureNow[], ctx: MeasureContext): OpticalAlarm[] {
  const { endpointId, rules, now } = ctx;
  const rulesByKey = new Map<number, ThresholdRule[]>();
  for (const rule of rules.thresholds)
    if (rule.enabled) rulesByKey.set(rule.measureKey, [...(rulesByKey.get(rule.measureKey) ?? []), rule]);
  const cards = cardsOf(measures);
  const alarms: OpticalAlarm[] = [];

  for (const measure of measures) {
    if (cards.get(measure.cardUid)!.down) continue;
    const towerId = ctx.towerOf(measure.site);
    const facts = {
      site: measure.site,
      cardUid: measure.cardUid,
      model: measure.cardModel,
      measure: measure.name,
      unit: measure.unit,
    };
    for (const rule of rulesByKey.get(measure.key) ?? []) {
      if (!appliesTo(rule, measure)) continue;
      const ref = measureRef(endpointId, measure.uid, rule.id);
      const side = thresholdBreach(rule, measure.value, ctx.wasOpen(ref));
      if (side === 'high')
        alarms.push(
          opticalAlarm('threshold_high', ref, towerId, rule.severity, {
            ...facts,
            limit: rule.max,
            rule: rule.id,
          }),
        );
      if (side === 'low')
        alarms.push(
          opticalAlarm('threshold_low', ref, towerId, rule.severity, {
            ...facts,
            limit: rule.min,
            rule: rule.id,
          }),
        );
    }
    if (rules.rate.enabled && isLogUnit(measure.unit)) {
      const ref = measureRef(endpointId, measure.uid, 'rate');
      const peak = ctx.windowMax(measure.uid);
      const margin = ctx.wasOpen(ref) ? rules.rate.hysteresis : 0;
      if (peak !== null && peak - measure.value > rules.rate.dropDb - margin)
        alarms.push(
          opticalAlarm('rate', ref, towerId, rules.rate.severity, {
            ...facts,
            dropDb: rules.rate.dropDb,
            windowMinutes: rules.rate.windowMinutes,
          }),
        );
    }
  }

  const staleBefore = now - rules.staleMinutes * 60_000;
  for (const [cardUid, card] of cards) {
    const facts = { site: card.site, cardUid, model: card.model };
    const towerId = ctx.towerOf(card.site);
    if (card.down)
      alarms.push(
        opticalAlarm(
          'card_down',
          cardRef(endpointId, cardUid, 'down'),
          towerId,
          rules.cardDownSeverity,
          facts,
        ),
      );
    else if (card.newest < staleBefore)
      alarms.push(
        opticalAlarm('stale', cardRef(endpointId, cardUid, 'stale'), towerId, 'warning', {
          ...facts,
          minutes: rules.staleMinutes,
        }),
      );
  }
  return alarms;
}

const severityOfVendor: Record<Exclude<VendorSeverity, 'CLEARED'>, Severity> = {
  CRITICAL: 'critical',
  MAJOR: 'major',
  MINOR: 'minor',
  WARNING: 'warning',
  UNKNOWN: 'info',
};

/** The vendor's active alarms, mirrored with their severities; one the vendor cleared is simply absent. */
export function mirrorVendorAlarms(
  endpointId: number,
  records: readonly VendorAlarmRecord[],
  towerOf: (site: string) => number | null,
): OpticalAlarm[] {
  const alarms = new Map<string, OpticalAlarm>();
  for (const record of records) {
    if (!record.isActive || record.severity === 'CLEARED') continue;
    const identity = record.oid || `${record.cardUid}/${record.name}/${record.resource}`;
    const ref = `optical:${endpointId}:vendor:${identity}`;
    alarms.set(
      ref,
      opticalAlarm('vendor', ref, towerOf(record.site), severityOfVendor[record.severity], {
        site: record.site,
        cardUid: record.cardUid,
        model: record.cardModel,
        name: record.name,
        group: record.group,
        resource: record.resource,
        vendorSeverity: record.severity,
      }),
    );
  }
  return [...alarms.values()];
}

/** An endpoint that fails round after round is an alarm of its own: the backbone went dark to us. */
export function endpointAlarm(
  endpointId: number,
  name: string,
  code: string,
  failures: number,
): OpticalAlarm | null {
  if (failures < 3) return null;
  return opticalAlarm('endpoint', endpointRef(endpointId), null, 'major', { endpoint: name, code });
}
