import type { Alarm } from '../../shared/contract/entities';

/** A line of a Telegram alert: its emoji (✅ for a recovery) and the alarm's number. */
const LINE = /^(✅|🔴|🟠|🟡|🔵) #(\d+)/u;

export interface Tally {
  lost_alarms: number;
  lost_notifications: number;
  duplicated_notifications: number;
}

/**
 * What a scenario lost or repeated: every alarm change the engine published must be in the store
 * (an opened alarm with its id, a cleared one cleared), and must have reached Telegram exactly once.
 */
export function tally(
  published: { kind: 'raised' | 'cleared'; alarm: Alarm }[],
  stored: Alarm[],
  telegram: string[],
): Tally {
  const byId = new Map(stored.map((alarm) => [alarm.id, alarm]));
  const lostAlarms = published.filter(({ kind, alarm }) => {
    const found = byId.get(alarm.id);
    return !found || (kind === 'cleared' && found.state !== 'cleared');
  }).length;
  const seen = new Map<string, number>();
  for (const text of telegram)
    for (const line of text.split('\n')) {
      const match = LINE.exec(line);
      if (!match) continue;
      const key = `${match[1] === '✅' ? 'cleared' : 'raised'}:${match[2]}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  const expected = new Set(published.map(({ kind, alarm }) => `${kind}:${alarm.id}`));
  return {
    lost_alarms: lostAlarms,
    lost_notifications: [...expected].filter((key) => !seen.has(key)).length,
    duplicated_notifications: [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
  };
}
