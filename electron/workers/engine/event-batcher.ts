import { isBulkEvent, sliceEvent } from '../../../shared/contract/event-slices';
import type { VigiaEvent } from '../../../shared/contract/events';

/**
 * Events per message: the host reads (deserialises) a message in one go, before it can slice its
 * work: at 100 alarms that is about a millisecond.
 */
export const EVENTS_PER_MESSAGE = 100;
/**
 * Messages sent that the host has not published yet, at most. A cycle that raises 10,000 alarms
 * would otherwise be in the host's memory at once: its collections grow with it (in the process
 * that must stay free), and every answer it awaits from the engine queues behind the lot.
 */
export const MESSAGES_AHEAD = 4;

/**
 * Carries the engine's events to its host in batches, with flow control. A cycle that raises
 * 10,000 alarms publishes 10,000 events in a row; one message each would cost both processes a
 * send and a receive apiece. Events published in one turn go out together after it, and only
 * MESSAGES_AHEAD messages are ahead of what the host says it has published (`read`): the rest wait
 * here, and an answer to a call may go out before them. A burst of statuses (or of devices)
 * travels in slices of its own. `flush` sends what is waiting at once: before the answer to a
 * call that changes something, so that its caller sees the events it caused first.
 */
export class EventBatcher {
  private waiting: VigiaEvent[] = [];
  private unread = 0;
  private scheduled = false;

  constructor(private readonly send: (events: VigiaEvent[]) => void) {}

  push(event: VigiaEvent): void {
    for (const slice of sliceEvent(event)) this.waiting.push(slice);
    this.schedule();
  }

  /** The host has published this many more of the messages sent. */
  read(messages: number): void {
    this.unread = Math.max(0, this.unread - messages);
    this.schedule();
  }

  flush(): void {
    while (this.waiting.length > 0) this.sendNext();
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0 || this.unread >= MESSAGES_AHEAD) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length > 0 && this.unread < MESSAGES_AHEAD) this.sendNext();
    });
  }

  /** Sends the next batch: one slice of statuses or devices alone, or up to a message's other events. */
  private sendNext(): void {
    const first = this.waiting[0]!;
    let count = 1;
    if (!isBulkEvent(first))
      while (count < EVENTS_PER_MESSAGE && count < this.waiting.length && !isBulkEvent(this.waiting[count]!))
        count++;
    this.unread++;
    this.send(this.waiting.splice(0, count));
  }
}
