import { z } from 'zod';
import { Severity } from '../../contract/entities';

/**
 * One alarm event as a notification carries it: what the outbox stores (as JSON) and what a
 * template renders. Names are resolved when the event happens, so a message still reads right
 * after the device was renamed or deleted.
 */
export const NotifyEvent = z.object({
  kind: z.enum(['raised', 'cleared']),
  alarmId: z.number().int().positive(),
  severity: Severity,
  type: z.string(),
  message: z.string(),
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

/** One event, one channel, one destination: never enqueued twice. */
export function idempotencyKey(
  event: Pick<NotifyEvent, 'alarmId' | 'kind'>,
  channel: string,
  destination: string,
): string {
  return `${event.alarmId}:${event.kind}:${channel}:${destination}`;
}
