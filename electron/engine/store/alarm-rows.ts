import type { Alarm } from '../../../shared/contract/entities';
import { alarmKey } from '../../../shared/domain/alarms/identity';
import type { NewAlarm } from './repository';

// Opening alarms is a hot path (a tower falling opens thousands at once), so both drivers insert
// them with hand-written multi-row statements: building them with the query builder costs about
// a millisecond per alarm, far more than the database's own work.

export const ALARM_INSERT =
  'INSERT INTO alarms (id, source, device_id, tower_id, ref, type, severity, state, params, affected, raised_at, open_key)';
/** Skips an alarm whose subject already has an open one, and returns the rows it opened. */
export const ALARM_INSERT_SUFFIX =
  'ON CONFLICT DO NOTHING RETURNING id, source, device_id, tower_id, ref, type, severity, state, params, ' +
  'affected, raised_at, acknowledged_at, acknowledged_by, cleared_at, cleared_by, note';
export const ALARM_INSERT_WIDTH = 12;

/** A new alarm's values in ALARM_INSERT's column order. */
export const alarmValues = (alarm: NewAlarm): unknown[] => [
  alarm.id ?? null,
  alarm.source,
  alarm.deviceId,
  alarm.towerId,
  alarm.ref,
  alarm.type,
  alarm.severity,
  'active',
  JSON.stringify(alarm.params),
  alarm.affected,
  alarm.raisedAt,
  alarmKey(alarm),
];

type Time = number | string | null;
export type AlarmRow = [
  number,
  Alarm['source'],
  number | null,
  number | null,
  string | null,
  string,
  Alarm['severity'],
  Alarm['state'],
  string | Alarm['params'],
  number,
  Time,
  Time,
  string | null,
  Time,
  string | null,
  string | null,
];

const time = (value: Time): number | null => (value === null ? null : Number(value));

/** A returned row read in array mode: SQLite keeps params as JSON text, PostgreSQL hands jsonb parsed and bigints as strings. */
export function alarmFromRow([
  id,
  source,
  deviceId,
  towerId,
  ref,
  type,
  severity,
  state,
  params,
  affected,
  raisedAt,
  acknowledgedAt,
  acknowledgedBy,
  clearedAt,
  clearedBy,
  note,
]: AlarmRow): Alarm {
  return {
    id,
    source,
    deviceId,
    towerId,
    ref,
    type,
    severity,
    state,
    params: typeof params === 'string' ? (JSON.parse(params) as Alarm['params']) : params,
    affected,
    raisedAt: Number(raisedAt),
    acknowledgedAt: time(acknowledgedAt),
    acknowledgedBy,
    clearedAt: time(clearedAt),
    clearedBy,
    note,
  };
}

/**
 * "($1,$2,…),(…)" for PostgreSQL, "(?,?,…),(…)" for SQLite. An id left null is the store's to
 * assign: SQLite does so for a null rowid, PostgreSQL needs its sequence named.
 */
export function valuesList(rows: number, numbered: boolean): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks = Array.from({ length: ALARM_INSERT_WIDTH }, (_, c) => {
      if (!numbered) return '?';
      const mark = `$${r * ALARM_INSERT_WIDTH + c + 1}`;
      return c === 0 ? `COALESCE(${mark}::integer, nextval('alarms_id_seq'))` : mark;
    });
    tuples.push(`(${marks.join(',')})`);
  }
  return tuples.join(',');
}
