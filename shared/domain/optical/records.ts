import type {
  OpticalCardRecord,
  OpticalFamily,
  OpticalMeasureRecord,
  VendorAlarmRecord,
  VendorSeverity,
} from '../../contract/optical-worker';
import { opticalFamilies, vendorSeverities } from '../../contract/optical-worker';

/** A record as read, or why it was dropped. */
export type Parsed<T> = { ok: true; record: T } | { ok: false; reason: string };

type Raw = Record<string, unknown>;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A measure's value: the API sends strings ("26.549"); anything that is not a number is null, never 0. */
export function parseMeasureValue(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * A `/count` answer: a bare integer (inventory, measures) or `{ TOTAL, …by severity }` (alarms).
 * Null when it is neither, or not a count a number holds exactly: it only shows progress.
 */
export function parseCount(body: unknown): number | null {
  const total = isRecord(body) ? body.TOTAL : body;
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : null;
}

/** Builds disagree on case and separators ("Transponder", "ROADM-WSS"): one spelling here. */
export function normaliseFamily(raw: unknown): OpticalFamily {
  const text =
    typeof raw === 'string'
      ? raw
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      : '';
  return (opticalFamilies as readonly string[]).includes(text) ? (text as OpticalFamily) : 'others';
}

const text = (raw: Raw, field: string): string | undefined => {
  const value = raw[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
};
const optionalText = (raw: Raw, field: string): string | null | undefined =>
  raw[field] === null || raw[field] === undefined ? null : text(raw, field);
const flag = (raw: Raw, field: string): boolean | null | undefined => {
  const value = raw[field];
  if (value === null || value === undefined) return null;
  return typeof value === 'boolean' ? value : undefined;
};

function isRecord(raw: unknown): raw is Raw {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function wrongType(field: string): Parsed<never> {
  return { ok: false, reason: `${field}: wrong type` };
}

/** The fields every state record carries; `undefined` marks the first one of the wrong type. */
function location(raw: Raw): { cardUid: string; site: string; cardModel: string } | string {
  const cardUid = text(raw, 'cardUid');
  if (!cardUid) return 'cardUid';
  const site = text(raw, 'locationSite');
  if (site === undefined) return 'locationSite';
  const cardModel = optionalText(raw, 'cardModel');
  if (cardModel === undefined) return 'cardModel';
  return { cardUid, site, cardModel: cardModel ?? '' };
}

/** `updatedAt` in current builds, `update` in older ones. */
const updated = (raw: Raw) => raw.updatedAt ?? raw.update;

export function parseCard(
  raw: unknown,
  readTime: (text: unknown) => number | null,
): Parsed<OpticalCardRecord> {
  if (!isRecord(raw)) return wrongType('card');
  const where = location(raw);
  if (typeof where === 'string') return wrongType(where);
  const fields = {
    name: optionalText(raw, 'cardName'),
    part: optionalText(raw, 'cardPart'),
    serial: optionalText(raw, 'cardSerial'),
    firmware: optionalText(raw, 'cardFirmwareVersion'),
  };
  for (const [field, value] of Object.entries(fields)) if (value === undefined) return wrongType(field);
  const isActive = flag(raw, 'cardIsActive');
  if (isActive === undefined) return wrongType('cardIsActive');
  return {
    ok: true,
    record: {
      cardUid: where.cardUid,
      site: where.site,
      model: where.cardModel,
      family: normaliseFamily(raw.cardFamily),
      name: fields.name ?? '',
      part: fields.part ?? '',
      serial: fields.serial ?? '',
      firmware: fields.firmware ?? '',
      isActive,
      updatedAt: readTime(updated(raw)),
    },
  };
}

export function parseMeasure(
  raw: unknown,
  readTime: (text: unknown) => number | null,
): Parsed<OpticalMeasureRecord> {
  if (!isRecord(raw)) return wrongType('measure');
  const where = location(raw);
  if (typeof where === 'string') return wrongType(where);
  const uid = text(raw, 'measureUid');
  if (!uid) return wrongType('measureUid');
  const key = typeof raw.measureKey === 'string' ? Number(raw.measureKey) : raw.measureKey;
  if (typeof key !== 'number' || !Number.isSafeInteger(key)) return wrongType('measureKey');
  const value = parseMeasureValue(raw.measureValue);
  if (value === null) return { ok: false, reason: `measureValue: not a number (${uid})` };
  const cardIsUp = flag(raw, 'cardIsUp');
  if (cardIsUp === undefined) return wrongType('cardIsUp');
  const name = optionalText(raw, 'measureName');
  const group = optionalText(raw, 'measureGroup');
  const resource = optionalText(raw, 'measureResource');
  const port = optionalText(raw, 'port');
  if (name === undefined || group === undefined || resource === undefined || port === undefined)
    return wrongType('measure fields');
  return {
    ok: true,
    record: {
      uid,
      cardUid: where.cardUid,
      site: where.site,
      cardModel: where.cardModel,
      cardIsUp,
      key,
      name: name ?? '',
      group: group ? group.toUpperCase() : null,
      resource: resource ?? '',
      port,
      value,
      at: readTime(updated(raw)),
    },
  };
}

function severityOf(raw: unknown): VendorSeverity {
  const text = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return (vendorSeverities as readonly string[]).includes(text) ? (text as VendorSeverity) : 'UNKNOWN';
}

export function parseVendorAlarm(
  raw: unknown,
  readTime: (text: unknown) => number | null,
): Parsed<VendorAlarmRecord> {
  if (!isRecord(raw)) return wrongType('alarm');
  const where = location(raw);
  if (typeof where === 'string') return wrongType(where);
  const name = text(raw, 'alarmName');
  if (!name) return wrongType('alarmName');
  const isActive = flag(raw, 'alarmIsActive');
  if (isActive === undefined) return wrongType('alarmIsActive');
  const oid = optionalText(raw, 'alarmOid');
  const group = optionalText(raw, 'alarmGroup');
  const resource = optionalText(raw, 'alarmResource');
  const port = optionalText(raw, 'port');
  if (oid === undefined || group === undefined || resource === undefined || port === undefined)
    return wrongType('alarm fields');
  const severity = severityOf(raw.alarmSeverity);
  return {
    ok: true,
    record: {
      cardUid: where.cardUid,
      site: where.site,
      cardModel: where.cardModel,
      oid: oid ?? '',
      name,
      group: group ?? '',
      resource: resource ?? '',
      port,
      severity,
      // A CLEARED severity is the vendor's own "over", whatever the flag says.
      isActive: isActive !== false && severity !== 'CLEARED',
      startAt: readTime(raw.alarmStartDate),
      endAt: readTime(raw.alarmEndDate),
    },
  };
}
