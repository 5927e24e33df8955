import { z } from 'zod';
import { HistoryRange } from './common';
import { epochMs } from './entities';

/** One sample of Vigia's own health, taken every tick of the self-monitor. */
export const HealthSample = z.object({
  at: epochMs,
  /** The last ICMP cycle's duration, and the devices it probed per second (null before one). */
  cycleMs: z.number().nonnegative().nullable(),
  devicesPerS: z.number().nonnegative().nullable(),
  /** Writes waiting for the store's one writer queue. */
  writerQueue: z.number().int().nonnegative(),
  /** Notifications waiting in the outbox (null when the store could not tell). */
  outboxBacklog: z.number().int().nonnegative().nullable(),
  /** How long a probe write took through the writer queue (null when it failed). */
  storeWriteMs: z.number().nonnegative().nullable(),
  /** Collector restarts since the engine started, all collectors together. */
  workerRestarts: z.number().int().nonnegative(),
  rssMb: z.number().nonnegative(),
});
export type HealthSample = z.infer<typeof HealthSample>;

export const selfHealthApiMethods = {
  /** Vigia's own health over a range, oldest first, for the Health page's charts. */
  'health.history': { input: z.object({ range: HistoryRange }), output: z.array(HealthSample) },
} as const;
