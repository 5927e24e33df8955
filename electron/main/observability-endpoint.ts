import type { EngineProxy } from '../engine-proxy/engine-proxy';
import { startObservabilityServer, type ObservabilityServer } from '../server/observability-server';

/**
 * /health and /metrics from the desktop app, when switched on in the System page: on loopback
 * only (a workstation's Prometheus agent scrapes it locally), read at start.
 */
export async function serveObservabilityIfEnabled(
  engine: EngineProxy,
  log: (message: string) => void,
): Promise<ObservabilityServer | null> {
  const config = await engine.call('observability.endpoint.get', undefined);
  if (!config.enabled) return null;
  try {
    const server = await startObservabilityServer({
      call: (method, input) => engine.call(method, input),
      host: '127.0.0.1',
      port: config.port,
    });
    log(`health and metrics: ${server.url}/health ${server.url}/metrics`);
    return server;
  } catch (error) {
    log(`cannot serve /health and /metrics on 127.0.0.1:${config.port}: ${(error as Error).message}`);
    return null;
  }
}
