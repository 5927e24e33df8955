import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { EngineHealth } from '../../../shared/contract/events';
import { ObservabilityConfig, observabilityConfigKey } from '../../../shared/contract/observability';
import type { HealthSample } from '../../../shared/contract/self-health';
import type { SyntheticCheck } from '../../../shared/contract/synthetic';
import { healthVerdict } from '../../../shared/domain/observability/verdict';
import type { EventBus } from '../event-bus';
import type { Repository } from '../store/repository';
import { buildDiagnostics } from '../logging/diagnostics';
import { EngineMetrics } from './metrics';

export type ObservabilityApiHandlers = Pick<
  ApiHandlers,
  | 'engine.verdict'
  | 'engine.metrics'
  | 'observability.endpoint.get'
  | 'observability.endpoint.set'
  | 'diagnostics.export'
>;

/**
 * Vigia watching itself: the metrics registry fed by the engine's health snapshots, and the two
 * API methods the /health and /metrics endpoints are served from (in whichever process serves them).
 */
export function startObservability(deps: {
  repo: Repository;
  bus: EventBus;
  health(): EngineHealth;
  syntheticChecks(): SyntheticCheck[];
  /** Vigia's own recent health samples (the self-monitor's memory), for the diagnostics zip. */
  healthHistory(): readonly HealthSample[];
  dataDir: string;
  about(): Record<string, unknown>;
}): { metrics: EngineMetrics; handlers: ObservabilityApiHandlers; stop(): void } {
  const metrics = new EngineMetrics({
    health: deps.health,
    syntheticChecks: deps.syntheticChecks,
    outboxPending: async () => (await deps.repo.outbox.stats(Date.now())).pending,
  });
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'engine.health') metrics.observeHealth(event.health);
  });
  return {
    metrics,
    handlers: {
      'engine.verdict': async () => healthVerdict(deps.health(), Date.now()),
      'engine.metrics': () => metrics.text(),
      'observability.endpoint.get': () => endpointConfig(deps.repo),
      'observability.endpoint.set': async (input, caller) => {
        const config = ObservabilityConfig.parse(input.config);
        await deps.repo.settings.set(observabilityConfigKey, config);
        await deps.repo.audit.add({
          at: Date.now(),
          actor: caller.name,
          action: 'observability.endpoint.set',
          target: '/health /metrics',
          details: `${config.enabled ? 'on' : 'off'}, port ${config.port}`,
        });
        return config;
      },
      'diagnostics.export': async () => {
        const { fileName, zip } = await buildDiagnostics({
          dataDir: deps.dataDir,
          settings: () => deps.repo.settings.all(),
          about: deps.about,
          health: async () => ({
            health: deps.health(),
            verdict: healthVerdict(deps.health(), Date.now()),
            syntheticChecks: deps.syntheticChecks(),
            history: deps.healthHistory(),
          }),
          metrics: async () => (await metrics.text()).text,
        });
        return { fileName, base64: Buffer.from(zip).toString('base64') };
      },
    },
    stop: unsubscribe,
  };
}

/** The stored switch, or the defaults (off, 9464) when none or an unreadable one is stored. */
async function endpointConfig(repo: Repository): Promise<ObservabilityConfig> {
  const stored = ObservabilityConfig.safeParse((await repo.settings.get(observabilityConfigKey)) ?? {});
  return stored.success ? stored.data : ObservabilityConfig.parse({});
}
