import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ApiOutput } from '../../shared/contract/api';
import { translate, type Language, type MessageKey } from '../../shared/i18n';
import { tokenMatches } from './access';

export interface ObservabilityServer {
  url: string;
  close(): Promise<void>;
}

type Call = <M extends 'engine.verdict' | 'engine.metrics'>(
  method: M,
  input: undefined,
) => Promise<ApiOutput<M>>;

/** The language of /health's reasons: English when the client prefers it, else Portuguese. */
function languageOf(request: IncomingMessage): Language {
  const preferred = request.headers['accept-language']?.split(',')[0]?.trim().toLowerCase() ?? '';
  return preferred.startsWith('en') ? 'en' : 'pt-BR';
}

/** A bearer token in Authorization: never in the URL, where logs and proxies would keep it. */
function tokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * /health (200, or 503 with the reasons) and /metrics (Prometheus text) on their own address, so a
 * monitoring system can scrape Vigia without reaching the UI. Off loopback the caller must pass
 * the same access token as the UI, over TLS with the UI's certificate (the bind policy is checked
 * where the server is started).
 */
export async function startObservabilityServer(options: {
  call: Call;
  host: string;
  port: number;
  token?: string;
  tls?: { cert: string; key: string } | undefined;
}): Promise<ObservabilityServer> {
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (!tokenMatches(options.token, tokenOf(request))) {
      send(response, 401, 'text/plain; charset=utf-8', 'A valid access token is required.\n');
      return;
    }
    const fail = (error: unknown) =>
      send(
        response,
        503,
        'application/json',
        JSON.stringify({ status: 'unavailable', error: (error as Error).message }),
      );
    if (url.pathname === '/health') {
      options.call('engine.verdict', undefined).then((verdict) => {
        const language = languageOf(request);
        const reasons = verdict.reasons.map((reason) => ({
          ...reason,
          message: translate(language, `health.${reason.code}` as MessageKey, reason.params),
        }));
        const body = { status: verdict.ok ? 'ok' : 'unhealthy', reasons };
        send(response, verdict.ok ? 200 : 503, 'application/json', JSON.stringify(body));
      }, fail);
      return;
    }
    if (url.pathname === '/metrics') {
      options
        .call('engine.metrics', undefined)
        .then((metrics) => send(response, 200, metrics.contentType, metrics.text), fail);
      return;
    }
    send(response, 404, 'text/plain; charset=utf-8', 'Not found: use /health or /metrics\n');
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, handler)
    : createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
