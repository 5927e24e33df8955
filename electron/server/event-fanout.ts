import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { sliceEvent } from '../../shared/contract/event-slices';
import type { VigiaEvent } from '../../shared/contract/events';
import type { WsServerMessage } from '../../shared/contract/ws';
import type { Engine } from '../engine/engine';
import { sendOrDrop, type ClientLimits } from './client-limits';

/**
 * Pushes the engine's events to every connected browser, from one subscription. A cycle that
 * raises 10,000 alarms is 10,000 messages per browser: each is serialised once for all browsers
 * rather than once per browser, and each browser's socket stays corked until the end of the
 * current tick, so what the engine proxy hands over in one turn leaves in one write instead of
 * one system call per message. A status burst goes out in slices, each a short task in the page.
 */
export class EventFanout {
  private readonly clients = new Map<WebSocket, Duplex>();
  private readonly corked = new Set<Duplex>();
  private readonly unsubscribe: () => void;

  constructor(
    engine: Engine,
    private readonly limits: ClientLimits,
  ) {
    this.unsubscribe = engine.subscribe((event) => this.publish(event));
  }

  /** Sends the engine's events to `client`, written through `socket` (its upgraded connection). */
  add(client: WebSocket, socket: Duplex): void {
    this.clients.set(client, socket);
    client.once('close', () => this.clients.delete(client));
  }

  close(): void {
    this.unsubscribe();
    this.clients.clear();
  }

  private publish(event: VigiaEvent): void {
    if (this.clients.size === 0) return;
    for (const part of sliceEvent(event)) {
      const text = JSON.stringify({ event: part } satisfies WsServerMessage);
      for (const [client, socket] of this.clients) {
        this.corkForTick(socket);
        sendOrDrop(client, text, this.limits);
      }
    }
  }

  private corkForTick(socket: Duplex): void {
    if (this.corked.has(socket)) return;
    this.corked.add(socket);
    socket.cork();
    process.nextTick(() => {
      this.corked.delete(socket);
      socket.uncork();
    });
  }
}
