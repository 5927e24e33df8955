import { z } from 'zod';

/** Why Vigia is not healthy, as codes rendered in the reader's language (`health.<code>`). */
export const healthReasonCodes = ['store_down', 'worker_down', 'cycle_late', 'starting'] as const;

export const HealthReason = z.object({
  code: z.enum(healthReasonCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type HealthReason = z.infer<typeof HealthReason>;

export const HealthVerdict = z.object({ ok: z.boolean(), reasons: z.array(HealthReason) });
export type HealthVerdict = z.infer<typeof HealthVerdict>;

export const MetricsText = z.object({ contentType: z.string(), text: z.string() });

/** Where the desktop app serves /health and /metrics when switched on (loopback only). */
export const ObservabilityConfig = z.object({
  enabled: z.boolean().default(false),
  port: z.number().int().min(1_024).max(65_535).default(9464),
});
export type ObservabilityConfig = z.infer<typeof ObservabilityConfig>;
export const observabilityConfigKey = 'observability.config';

export const observabilityApiMethods = {
  /** The verdict /health answers with: healthy, or the reasons it is not. */
  'engine.verdict': { input: z.void(), output: HealthVerdict },
  /** The Prometheus exposition /metrics answers with. */
  'engine.metrics': { input: z.void(), output: MetricsText },
  /** The desktop app's /health and /metrics switch (read at start). */
  'observability.endpoint.get': { input: z.void(), output: ObservabilityConfig },
  'observability.endpoint.set': {
    input: z.object({ config: ObservabilityConfig }),
    output: ObservabilityConfig,
  },
  /** A zip of logs, settings without secrets, versions and the health picture, for support. */
  'diagnostics.export': {
    input: z.void(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const;
