import type { WebSocket, WebSocketServer } from 'ws';

/**
 * What a browser may cost the server. A client that stops reading (a frozen tab, a stalled
 * network) would otherwise have every event queued for it in the server's memory, and a peer that
 * vanished without closing would hold its socket and subscription forever.
 */
export interface ClientLimits {
  /** Bytes queued for one client beyond which it is dropped; it reconnects and reloads. */
  maxBufferedBytes: number;
  /** A client that has not answered the previous ping by the next one is dropped. */
  heartbeatMs: number;
}

export const defaultClientLimits: ClientLimits = {
  maxBufferedBytes: 32 * 1024 * 1024,
  heartbeatMs: 30_000,
};

/** Sends unless the client is too far behind, in which case it is dropped. */
export function sendOrDrop(client: WebSocket, text: string, limits: ClientLimits): void {
  if (client.readyState !== client.OPEN) return;
  if (client.bufferedAmount > limits.maxBufferedBytes) {
    client.terminate();
    return;
  }
  client.send(text);
}

/** Pings every client each period; one that missed the previous pong is terminated. */
export function startHeartbeat(sockets: WebSocketServer, limits: ClientLimits): () => void {
  const answered = new WeakSet<WebSocket>();
  sockets.on('connection', (client) => {
    answered.add(client);
    client.on('pong', () => answered.add(client));
  });
  const timer = setInterval(() => {
    for (const client of sockets.clients) {
      if (!answered.has(client)) {
        client.terminate();
        continue;
      }
      answered.delete(client);
      client.ping();
    }
  }, limits.heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}
