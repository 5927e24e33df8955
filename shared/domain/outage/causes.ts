import type { Alarm } from '../../contract/entities';

/**
 * Alarms that stand for many others: while one is open, the outage alarms that are its symptoms
 * are stored and shown but their notifications are held, and one summary goes out when it ends.
 */
export const outageAlarmTypes = { massOutage: 'mass-outage', uplinkDown: 'uplink-down' } as const;

export const OUTAGE_SOURCE = 'monitor' as const;

/** The alarm parameter naming the hold a symptom belongs to (`holdKey` of its cause). */
export const CAUSE_PARAM = 'cause';

export const holdKey = (alarm: Pick<Alarm, 'source' | 'type'>): string => `${alarm.source}:${alarm.type}`;

export const massOutageKey = holdKey({ source: OUTAGE_SOURCE, type: outageAlarmTypes.massOutage });
export const uplinkKey = holdKey({ source: OUTAGE_SOURCE, type: outageAlarmTypes.uplinkDown });

export const isHoldCause = (alarm: Pick<Alarm, 'source' | 'type'>): boolean =>
  alarm.source === OUTAGE_SOURCE &&
  (alarm.type === outageAlarmTypes.massOutage || alarm.type === outageAlarmTypes.uplinkDown);

const OUTAGE_TYPES = new Set(['device_down', 'tower_down', 'sector_problem', 'flapping']);

/** An outage alarm a NOC uplink failure would raise by itself (its symptom), as opposed to an SNMP threshold or a backup. */
export const isOutageSymptom = (alarm: Pick<Alarm, 'source' | 'type'>): boolean =>
  (alarm.source === 'icmp' && OUTAGE_TYPES.has(alarm.type)) ||
  (alarm.source === OUTAGE_SOURCE && alarm.type === outageAlarmTypes.massOutage);

/** The hold an alarm was marked for by its source, if any. */
export const markedCause = (alarm: Pick<Alarm, 'params'>): string | null => {
  const cause = alarm.params[CAUSE_PARAM];
  return typeof cause === 'string' ? cause : null;
};
