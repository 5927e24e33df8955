import type { Alarm } from '../../contract/entities';

/** What makes an alarm one: its source, type and subject (device, tower, or another reference). */
export type AlarmKeyFields = Pick<Alarm, 'source' | 'type' | 'deviceId' | 'towerId' | 'ref'>;

/** At most one alarm per key is open; the store's uniqueness and the engine's memory share it. */
export const alarmKey = (alarm: AlarmKeyFields): string =>
  `${alarm.source}:${alarm.deviceId ?? 0}:${alarm.towerId ?? 0}:${alarm.type}:${alarm.ref ?? ''}`;
