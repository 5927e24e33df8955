import { z } from 'zod';
import { Alarm, DeviceState, epochMs } from './entities';

/**
 * What just happened, newest first: device state changes and alarm events (raised, acknowledged,
 * cleared) read from the store, so a page opened after an outage still lists it.
 */
export const recentAlarmActions = ['raised', 'acknowledged', 'cleared'] as const;
export const RecentAlarmAction = z.enum(recentAlarmActions);
export type RecentAlarmAction = z.infer<typeof RecentAlarmAction>;

export const RecentStateChange = z.object({
  kind: z.literal('state'),
  at: epochMs,
  deviceId: z.number().int().positive(),
  /** Null for a device's first recorded state. */
  from: DeviceState.nullable(),
  to: DeviceState,
  /** For `unreachable`: the device or tower whose failure explains it. */
  cause: z.string().nullable(),
});
export type RecentStateChange = z.infer<typeof RecentStateChange>;

/** One moment of an alarm's life; who acknowledged or cleared it and the note are on the alarm. */
export const RecentAlarmEvent = z.object({
  kind: z.literal('alarm'),
  action: RecentAlarmAction,
  at: epochMs,
  alarm: Alarm,
});
export type RecentAlarmEvent = z.infer<typeof RecentAlarmEvent>;

export const RecentChange = z.discriminatedUnion('kind', [RecentStateChange, RecentAlarmEvent]);
export type RecentChange = z.infer<typeof RecentChange>;

/**
 * Where a page ends, as the feed's sort key (time, then kind, then id, all descending): many
 * devices change at the same millisecond in an outage, so the time alone would skip or repeat them.
 */
export const RecentCursor = z.object({
  at: epochMs,
  rank: z.number().int().min(0).max(recentAlarmActions.length),
  id: z.number().int().nonnegative(),
});
export type RecentCursor = z.infer<typeof RecentCursor>;

export const RECENT_PAGE_MAX = 200;

export const RecentPage = z.object({
  items: z.array(RecentChange),
  /** The cursor of the next (older) page; null when this one reached the end. */
  next: RecentCursor.nullable(),
});
export type RecentPage = z.infer<typeof RecentPage>;

export const RecentRequest = z.object({
  limit: z.number().int().positive().max(RECENT_PAGE_MAX).default(50),
  before: RecentCursor.optional(),
});
export type RecentRequest = z.input<typeof RecentRequest>;

export const recentApiMethods = {
  'recent.list': { input: RecentRequest, output: RecentPage },
};
