import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/contract/api';
import type { VigiaClient } from '../../../shared/contract/client';
import type { VigiaEvent } from '../../../shared/contract/events';
import { WS_PATH } from '../../../shared/contract/ws-address';
import { ClientError } from './client-error';
import type * as MessageCheck from './message-check';

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
 *
 * The contract's schemas load beside the socket rather than before it: the first requests leave
 * while zod and the UI's code are still loading, and what arrives meanwhile waits, in order, to be
 * checked.
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
  let check: typeof MessageCheck | null = null;
  let broken: string | null = null;
  const early: string[] = [];
  import('./message-check').then(
    (loaded) => {
      check = loaded;
      early.splice(0).forEach(receive);
    },
    (error: unknown) => {
      broken = `Vigia's interface did not load completely (${String(error)}); reload the page.`;
      failAll(broken);
    },
  );

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
        candidate.onmessage = (message) => {
          if (check) receive(String(message.data));
          else early.push(String(message.data));
        };
        candidate.onclose = () => {
          if (socket === candidate) {
            socket = null;
            open = null;
            onConnection(false);
            failAll('The connection to Vigia was lost; try again.');
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

  const failAll = (message: string): void => {
    for (const request of pending.values()) {
      window.clearTimeout(request.timer);
      request.reject(new ClientError('unavailable', message));
    }
    pending.clear();
  };

  const receive = (raw: string): void => {
    const message = check!.parseServerMessage(raw);
    if (!message) return;
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
    const result = check!.checkResult(request.method, message.result);
    if (result.ok) request.resolve(result.value);
    else
      request.reject(
        new ClientError('internal', `The answer to ${request.method} did not match the contract.`),
      );
  };

  return {
    invoke<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      if (broken) return Promise.reject(new ClientError('unavailable', broken));
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

/** The WebSocket URL of the server that served this page. */
export function serverSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // The session cookie goes with the upgrade; nothing secret is in the address.
  return `${scheme}://${location.host}${WS_PATH}`;
}
