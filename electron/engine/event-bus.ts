import type { VigiaEvent } from '../../shared/contract/events';

export type EventListener = (event: VigiaEvent) => void;

/**
 * The engine's one stream of events: the monitor, the alarm service and the API publish into it;
 * the UI transports (IPC, WebSocket), the tray and the notifiers subscribe. A listener that throws
 * is reported and does not stop the others.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(
    private readonly onListenerError: (error: unknown) => void = (error) =>
      console.error('event listener failed', error),
  ) {}

  publish(event: VigiaEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
