import { isBulkEvent, sliceEvent } from '../../../shared/contract/event-slices';
import type { VigiaEvent } from '../../../shared/contract/events';

/**
 * Events per message: the host reads (deserialises) a message in one go, before it can slice its
 * work: at 100 alarms that is about a millisecond.
 */
export const EVENTS_PER_MESSAGE = 100;
/**
 * Events sent per turn, in messages of EVENTS_PER_MESSAGE: 10,000 alarms leave in 40 turns. Fewer
 * would leave a backlog that the next call's answer flushes at once and then waits behind.
 */
export const EVENTS_PER_TURN = 250;

/**
 * Carries the engine's events to its host in batches. A cycle that raises 10,000 alarms publishes
 * 10,000 events in a row; one message each would cost both processes a send and a receive apiece.
 * Events published in one turn go out together after it, EVENTS_PER_TURN per turn so calls still
 * get answered between them; a burst of statuses (or of devices) travels in slices of its own, one
 * per turn. `flush` sends what is waiting at once: before a call's answer, so a caller sees the
 * events its call caused first.
 */
export class EventBatcher {
  private waiting: VigiaEvent[] = [];
  private scheduled = false;

  constructor(private readonly send: (events: VigiaEvent[]) => void) {}

  push(event: VigiaEvent): void {
    for (const slice of sliceEvent(event)) this.waiting.push(slice);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.sendTurn());
  }

  flush(): void {
    while (this.waiting.length > 0) this.send(this.take());
  }

  private sendTurn(): void {
    this.scheduled = false;
    let sent = 0;
    while (this.waiting.length > 0 && sent < EVENTS_PER_TURN) {
      const batch = this.take(EVENTS_PER_TURN - sent);
      this.send(batch);
      // A slice of statuses or devices is a turn's share on its own.
      sent += isBulkEvent(batch[0]!) ? EVENTS_PER_TURN : batch.length;
    }
    if (this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => this.sendTurn());
  }

  /** The next batch: one slice of statuses or devices alone, or up to `most` other events (≤ a message's). */
  private take(most = EVENTS_PER_MESSAGE): VigiaEvent[] {
    const first = this.waiting[0]!;
    const limit = Math.min(most, EVENTS_PER_MESSAGE);
    let count = 1;
    if (!isBulkEvent(first))
      while (count < limit && count < this.waiting.length && !isBulkEvent(this.waiting[count]!)) count++;
    return this.waiting.splice(0, count);
  }
}
