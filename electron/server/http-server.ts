import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isApiMethod } from '../../shared/contract/api';
import type { CallAuth } from '../../shared/contract/engine-process';
import { clientMayCall } from '../../shared/contract/method-roles';
import { WsRequest, type WsServerMessage } from '../../shared/contract/ws';
import { WS_PATH } from '../../shared/contract/ws-address';
import { toApiError } from '../engine/api/errors';
import type { Engine } from '../engine/engine';
import { upgradeAllowed } from './access';
import { createAuth } from './auth';
import { defaultClientLimits, sendOrDrop, startHeartbeat, type ClientLimits } from './client-limits';
import { EventFanout } from './event-fanout';
import { reportPdfRoute } from './report-pdf';
import { serveStatic } from './static-files';

export interface VigiaServer {
  url: string;
  /** Browsers connected right now. */
  clients(): number;
  close(): Promise<void>;
}

/** Largest message a browser may send: an import of 20,000 devices fits with room to spare. */
const MAX_PAYLOAD = 16 * 1024 * 1024;

/**
 * The headless face of the engine: the built renderer over HTTP and the same typed API over a
 * WebSocket at /api (every message validated; events pushed to every client).
 */
export async function startHttpServer(options: {
  engine: Engine;
  host: string;
  port: number;
  rendererDir: string;
  /** Named users sign in (see auth.ts); without, everyone on this machine is its user. */
  accounts?: boolean;
  /** With accounts: a script may send it as `Authorization: Bearer` and act as an administrator. */
  token?: string | undefined;
  /** HTTPS and WSS with this certificate (required off loopback, see index.ts). */
  tls?: { cert: string; key: string } | undefined;
  limits?: ClientLimits;
}): Promise<VigiaServer> {
  const { engine } = options;
  const limits = options.limits ?? defaultClientLimits;
  const auth = createAuth({
    engine,
    accounts: options.accounts ?? Boolean(options.token),
    token: options.token,
    secure: Boolean(options.tls),
  });
  const statics = serveStatic(options.rendererDir);
  const reportPdf = reportPdfRoute({ engine, ...auth, tls: Boolean(options.tls) });
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    void auth
      .handle(request, response)
      .then(async (handled) => handled || (await reportPdf(request, response)))
      .then((handled) => (handled ? undefined : statics(request, response)))
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, handler)
    : createServer(handler);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
  const events = new EventFanout(engine, limits);

  server.on('upgrade', (request, socket, head) => {
    // Node hands the socket over without an error listener; a reset while refusing must not crash.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) {
      socket.destroy();
      return;
    }
    if (!upgradeAllowed(options.host, request.headers)) {
      socket.end(
        'HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-type: text/plain\r\n\r\nOnly pages served by this Vigia server may connect.\n',
      );
      return;
    }
    void auth.authOf(request).then(
      (callAuth) => {
        if (callAuth === null) {
          // end(), not destroy(): the refusal must reach the client before the socket closes.
          socket.end(
            'HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-type: text/plain\r\n\r\nSign in first (POST /auth/login), or send Authorization: Bearer <token>.\n',
          );
          return;
        }
        sockets.handleUpgrade(request, socket, head, (client) => {
          events.add(client, socket);
          sockets.emit('connection', client, callAuth);
        });
      },
      () => socket.destroy(),
    );
  });

  const stopHeartbeat = startHeartbeat(sockets, limits);
  const send = (client: WebSocket, message: WsServerMessage) =>
    sendOrDrop(client, JSON.stringify(message), limits);

  sockets.on('connection', (client: WebSocket, callAuth: CallAuth | undefined) => {
    // ws has already closed the socket with the right code (e.g. 1009 too big); an unheard 'error'
    // event would take the whole server down.
    client.on('error', () => client.terminate());
    client.on('message', (data) => {
      let parsed: ReturnType<typeof WsRequest.safeParse>;
      try {
        parsed = WsRequest.safeParse(JSON.parse(String(data)));
      } catch {
        client.close(1007, 'messages must be JSON');
        return;
      }
      if (!parsed.success) {
        client.close(1007, 'malformed request');
        return;
      }
      const { id, method, input } = parsed.data;
      // Methods only the server itself may ask (signing in) do not exist for a page.
      if (!isApiMethod(method) || !clientMayCall(method)) {
        send(client, {
          id,
          ok: false,
          error: { code: 'invalid_input', message: `Unknown method "${method}"`, issues: [] },
        });
        return;
      }
      engine.call(method, input, callAuth).then(
        (result) => send(client, { id, ok: true, result }),
        (error: unknown) => {
          const answer = toApiError(error);
          send(client, { id, ok: false, error: answer });
          // The session ended (expired, user disabled, password changed): this socket is done.
          if (answer.code === 'unauthenticated') client.close(4401, 'session ended');
        },
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    clients: () => sockets.clients.size,
    close: () =>
      new Promise((resolve) => {
        stopHeartbeat();
        events.close();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}
