import type { Alarm } from '../../shared/contract/entities';

/** A line of a Telegram alert: its emoji (✅ for a recovery) and the alarm's number. */
const LINE = /^(✅|🔴|🟠|🟡|🔵) #(\d+)/u;

export interface Tally {
  lost_alarms: number;
  lost_notifications: number;
  duplicated_notifications: number;
}

/** One alarm change as a destination received it: `raised:12`, `cleared:12`. */
export type Delivered = string;

/** The alarm changes a Telegram chat received, in order, from its messages' texts. */
export function telegramDeliveries(texts: string[]): Delivered[] {
  return texts.flatMap((text) =>
    text.split('\n').flatMap((line) => {
      const match = LINE.exec(line);
      return match ? [`${match[1] === '✅' ? 'cleared' : 'raised'}:${match[2]}`] : [];
    }),
  );
}

/** The alarm changes a webhook received, in order, from its JSON bodies. */
export function webhookDeliveries(bodies: string[]): Delivered[] {
  return bodies.flatMap((body) =>
    (JSON.parse(body) as { events: { kind: string; alarmId: number }[] }).events.map(
      (event) => `${event.kind}:${event.alarmId}`,
    ),
  );
}

/**
 * What a scenario lost or repeated: every alarm change the engine published must be in the store
 * (an opened alarm with its id, a cleared one cleared), and must have reached each destination
 * exactly once (`destinations`: what each one received).
 */
export function tally(
  published: { kind: 'raised' | 'cleared'; alarm: Alarm }[],
  stored: Alarm[],
  destinations: Delivered[][],
): Tally {
  const byId = new Map(stored.map((alarm) => [alarm.id, alarm]));
  const lostAlarms = published.filter(({ kind, alarm }) => {
    const found = byId.get(alarm.id);
    return !found || (kind === 'cleared' && found.state !== 'cleared');
  }).length;
  const expected = new Set(published.map(({ kind, alarm }) => `${kind}:${alarm.id}`));
  let lost = 0;
  let duplicated = 0;
  for (const received of destinations) {
    const seen = new Map<Delivered, number>();
    for (const change of received) seen.set(change, (seen.get(change) ?? 0) + 1);
    lost += [...expected].filter((key) => !seen.has(key)).length;
    duplicated += [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  }
  return { lost_alarms: lostAlarms, lost_notifications: lost, duplicated_notifications: duplicated };
}

/**
 * Changes a destination received out of the order they were published in (one alarm's clear
 * before its raise, or two raises swapped): 0 when everything arrived in order.
 */
export function outOfOrder(published: { kind: string; alarm: Alarm }[], received: Delivered[]): number {
  const rank = new Map(published.map(({ kind, alarm }, i) => [`${kind}:${alarm.id}`, i]));
  let last = -1;
  let swapped = 0;
  for (const change of received) {
    const at = rank.get(change);
    if (at === undefined) continue;
    if (at < last) swapped += 1;
    else last = at;
  }
  return swapped;
}
