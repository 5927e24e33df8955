import { apiMethods, type ApiInput, type ApiMethod, type ApiOutput } from '../../../shared/contract/api';
import type { VigiaClient } from '../../../shared/contract/client';
import type { VigiaEvent } from '../../../shared/contract/events';
import { WS_PATH, WS_TOKEN_PARAM, WsServerMessage } from '../../../shared/contract/ws';
import { ClientError } from './client-error';

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;

interface Pending {
  method: ApiMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: number;
}

/**
 * The API over the headless server's WebSocket: reconnects with backoff on its own, re-sends
 * nothing twice, and validates every result against the contract before the UI sees it.
 */
export function createWsClient(
  url: string,
  onConnection: (connected: boolean) => void = () => undefined,
): VigiaClient {
  const listeners = new Set<(event: VigiaEvent) => void>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let nextId = 1;
  let backoff = 500;

  const connect = (): Promise<WebSocket> => {
    open ??= new Promise((resolve) => {
      const attempt = () => {
        const candidate = new WebSocket(url);
        candidate.onopen = () => {
          backoff = 500;
          socket = candidate;
          onConnection(true);
          resolve(candidate);
        };
        candidate.onmessage = (message) => receive(String(message.data));
        candidate.onclose = () => {
          if (socket === candidate) {
            socket = null;
            open = null;
            onConnection(false);
            for (const [id, request] of pending) {
              window.clearTimeout(request.timer);
              request.reject(new ClientError('unavailable', 'The connection to Vigia was lost; try again.'));
              pending.delete(id);
            }
            // Keep the event stream flowing: reconnect even when nobody is calling.
            if (listeners.size > 0) void connect();
          } else {
            window.setTimeout(attempt, backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
          }
        };
      };
      attempt();
    });
    return open;
  };

  const receive = (raw: string): void => {
    let parsed: ReturnType<typeof WsServerMessage.safeParse>;
    try {
      parsed = WsServerMessage.safeParse(JSON.parse(raw));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if ('event' in message) {
      listeners.forEach((listener) => listener(message.event));
      return;
    }
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    window.clearTimeout(request.timer);
    if (!message.ok) {
      request.reject(new ClientError(message.error.code, message.error.message, message.error.issues));
      return;
    }
    const result = apiMethods[request.method].output.safeParse(message.result);
    if (result.success) request.resolve(result.data);
    else
      request.reject(
        new ClientError('internal', `The answer to ${request.method} did not match the contract.`),
      );
  };

  return {
    invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const id = nextId++;
      return new Promise<ApiOutput<M>>((resolve, reject) => {
        // The clock starts before connecting: a server that is down fails the call in time too.
        const timer = window.setTimeout(() => {
          pending.delete(id);
          reject(new ClientError('unavailable', `Vigia did not answer ${method} in time.`));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
        void connect().then((ws) => {
          if (pending.has(id)) ws.send(JSON.stringify({ id, method, input }));
        });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect();
      return () => listeners.delete(listener);
    },
  };
}

/** The WebSocket URL of the server that served this page, carrying the access token if one was given. */
export function serverSocketUrl(location: Location): string {
  const token =
    new URLSearchParams(location.search).get(WS_TOKEN_PARAM) ?? sessionStorage.getItem('vigia.token');
  if (token) sessionStorage.setItem('vigia.token', token);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}${token ? `?${WS_TOKEN_PARAM}=${encodeURIComponent(token)}` : ''}`;
}
