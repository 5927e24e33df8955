import { ObservabilityConfig, observabilityConfigKey } from '../../shared/contract/observability';
import type { RunningEngine } from '../engine/start-engine';
import { startObservabilityServer, type ObservabilityServer } from '../server/observability-server';

/**
 * /health and /metrics from the desktop app, when switched on in the System page: on loopback
 * only (a workstation's Prometheus agent scrapes it locally), read at start.
 */
export async function serveObservabilityIfEnabled(
  engine: RunningEngine,
  log: (message: string) => void,
): Promise<ObservabilityServer | null> {
  const settings = await engine.call('settings.get', undefined);
  const config = ObservabilityConfig.safeParse(settings[observabilityConfigKey] ?? {});
  if (!config.success || !config.data.enabled) return null;
  try {
    const server = await startObservabilityServer({
      call: engine.call,
      host: '127.0.0.1',
      port: config.data.port,
    });
    log(`health and metrics: ${server.url}/health ${server.url}/metrics`);
    return server;
  } catch (error) {
    log(`cannot serve /health and /metrics on 127.0.0.1:${config.data.port}: ${(error as Error).message}`);
    return null;
  }
}
