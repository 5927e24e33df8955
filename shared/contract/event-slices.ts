import type { VigiaEvent } from './events';

/** Statuses per message when a burst crosses a process boundary. */
export const STATUSES_PER_SLICE = 1_000;
/** Devices per message: a device takes about four times a status to read, check and write out. */
export const DEVICES_PER_SLICE = 250;

/** The events that carry a list of any length: a burst of statuses, or a bulk write of devices. */
export type BulkEvent = Extract<VigiaEvent, { type: 'status.changed' | 'devices.upserted' }>;

export const isBulkEvent = (event: VigiaEvent): event is BulkEvent =>
  event.type === 'status.changed' || event.type === 'devices.upserted';

/**
 * A whole network changing at once is one `status.changed` of 10,000 statuses (an import, one
 * `devices.upserted` of 10,000 devices); sent as one message, reading and checking it would keep
 * the receiving process busy for tens of milliseconds. Cut into slices (statuses of the same
 * `at`), each is its own short task of a few milliseconds on arrival.
 */
export function sliceEvent(event: VigiaEvent): VigiaEvent[] {
  if (!isBulkEvent(event)) return [event];
  const [items, size] =
    event.type === 'status.changed'
      ? [event.statuses, STATUSES_PER_SLICE]
      : [event.devices, DEVICES_PER_SLICE];
  if (items.length <= size) return [event];
  const slices: VigiaEvent[] = [];
  for (let start = 0; start < items.length; start += size)
    slices.push(
      event.type === 'status.changed'
        ? { type: 'status.changed', at: event.at, statuses: event.statuses.slice(start, start + size) }
        : { type: 'devices.upserted', devices: event.devices.slice(start, start + size) },
    );
  return slices;
}
