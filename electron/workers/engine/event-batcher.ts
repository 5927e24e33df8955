import { isBulkEvent, sliceEvent } from '../../../shared/contract/event-slices';
import type { VigiaEvent } from '../../../shared/contract/events';

/**
 * Events per message: 10,000 alarms are 100 messages. The host reads (deserialises) a message in
 * one go, before it can slice its work: at 100 alarms that is about a millisecond.
 */
export const EVENTS_PER_MESSAGE = 100;

/**
 * Carries the engine's events to its host in batches. A cycle that raises 10,000 alarms publishes
 * 10,000 events in a row; one message each would cost both processes a send and a receive apiece.
 * Events published in one turn go out together after it, one batch per turn so calls still get
 * answered between them; a burst of statuses (or of devices) travels in slices of its own. `flush` sends what is
 * waiting at once: before a call's answer, so a caller sees the events its call caused first.
 */
export class EventBatcher {
  private waiting: VigiaEvent[] = [];
  private scheduled = false;

  constructor(private readonly send: (events: VigiaEvent[]) => void) {}

  push(event: VigiaEvent): void {
    for (const slice of sliceEvent(event)) this.waiting.push(slice);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.sendOne());
  }

  flush(): void {
    while (this.waiting.length > 0) this.send(this.take());
  }

  private sendOne(): void {
    this.scheduled = false;
    if (this.waiting.length === 0) return;
    this.send(this.take());
    if (this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.sendOne());
  }

  /** The next batch: one slice of statuses or devices alone, or up to EVENTS_PER_MESSAGE other events. */
  private take(): VigiaEvent[] {
    const first = this.waiting[0]!;
    let count = 1;
    if (!isBulkEvent(first))
      while (count < EVENTS_PER_MESSAGE && count < this.waiting.length && !isBulkEvent(this.waiting[count]!))
        count++;
    return this.waiting.splice(0, count);
  }
}
