import type { NotifyEvent } from '../../../shared/domain/notify/event';

/** One message for one destination: its text and the events it carries. */
export interface OutgoingMessage {
  text: string;
  events: NotifyEvent[];
}

/**
 * A remote channel as the outbox sender sees it. `send` resolves once the far end accepted the
 * message and rejects with a DeliveryError otherwise.
 */
export interface RemoteChannel {
  send(destination: string, message: OutgoingMessage, idempotencyKey: string): Promise<void>;
}
