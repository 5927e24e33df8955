import { z } from 'zod';
import { AlarmParams, AlarmSource, Severity } from '../../contract/entities';
import { renderAlarm } from '../alarms/render';
import type { Language } from '../../i18n';

/**
 * One alarm event as a notification carries it: what the outbox stores (as JSON) and what a
 * template renders. Names are resolved when the event happens, so a message still reads right
 * after the device was renamed or deleted. The alarm's facts (source, type, parameters) travel,
 * not its text: each destination reads it in its own language.
 */
export const NotifyEvent = z.object({
  kind: z.enum(['raised', 'cleared']),
  alarmId: z.number().int().positive(),
  severity: Severity,
  source: AlarmSource.default('icmp'),
  type: z.string(),
  params: AlarmParams.default({}),
  /** The Portuguese sentence of an event queued by a version that stored alarms as text. */
  message: z.string().optional(),
  deviceId: z.number().int().positive().nullable(),
  device: z.string().nullable(),
  address: z.string().nullable(),
  towerId: z.number().int().positive().nullable(),
  tower: z.string().nullable(),
  /** When the alarm was raised. */
  since: z.number().int(),
  /** When this event happened (the raise or the clear). */
  at: z.number().int(),
  latencyMs: z.number().nonnegative().nullable(),
  affected: z.number().int().nonnegative(),
});
export type NotifyEvent = z.infer<typeof NotifyEvent>;

/** The alarm's text in `language`, for a template's {message} and a webhook's events. */
export const eventText = (event: NotifyEvent, language: Language): string =>
  event.message ?? renderAlarm(language, event);

/** One event, one channel, one destination: never enqueued twice. */
export function idempotencyKey(
  event: Pick<NotifyEvent, 'alarmId' | 'kind'>,
  channel: string,
  destination: string,
): string {
  return `${event.alarmId}:${event.kind}:${channel}:${destination}`;
}
