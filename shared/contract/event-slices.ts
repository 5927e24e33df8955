import type { VigiaEvent } from './events';

/** Statuses per message when a burst of status changes crosses a process boundary. */
export const STATUSES_PER_SLICE = 1_000;

/**
 * A whole network changing at once is one `status.changed` of 10,000 statuses; sent as one
 * message, reading and checking it would keep the receiving process busy for tens of
 * milliseconds. Cut into slices of the same `at`, each is its own short task on arrival.
 */
export function sliceEvent(event: VigiaEvent, size = STATUSES_PER_SLICE): VigiaEvent[] {
  if (event.type !== 'status.changed' || event.statuses.length <= size) return [event];
  const slices: VigiaEvent[] = [];
  for (let start = 0; start < event.statuses.length; start += size)
    slices.push({
      type: 'status.changed',
      at: event.at,
      statuses: event.statuses.slice(start, start + size),
    });
  return slices;
}
