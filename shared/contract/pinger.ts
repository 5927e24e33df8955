import { z } from 'zod';
import type { WorkerApi } from './worker';

export const PingTarget = z.object({
  /** The device id; results come back keyed by it. */
  id: z.number().int().positive(),
  host: z.string().min(1),
  /** Targets of one tower share the tower's packets-per-second budget. */
  towerId: z.number().int().positive().nullable(),
});
export type PingTarget = z.infer<typeof PingTarget>;

export const PingOptions = z.object({
  /** Echo requests per host in one check. */
  count: z.number().int().min(1).max(20).default(3),
  timeoutMs: z.number().int().min(50).max(30_000).default(1_000),
  /** Extra rounds for hosts that answered none of their echoes. */
  retries: z.number().int().min(0).max(5).default(0),
  /** Global send budget, packets per second. */
  ppsGlobal: z.number().int().min(1).max(1_000_000).default(20_000),
  /** Per-tower send budget, packets per second; keeps monitoring from flooding a radio link. */
  ppsPerTower: z.number().int().min(1).max(100_000).default(200),
});
export type PingOptions = z.infer<typeof PingOptions>;

export const PingResult = z.object({
  id: z.number().int().positive(),
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  lossPct: z.number().min(0).max(100),
  minMs: z.number().nonnegative().nullable(),
  avgMs: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
  jitterMs: z.number().nonnegative().nullable(),
  /** Set when the target could not be checked at all (bad or duplicate address, send error). */
  error: z.string().nullable(),
});
export type PingResult = z.infer<typeof PingResult>;

/**
 * Why raw sockets are not in use, as a code: the reader's language words it
 * (`engine.icmpNote.<code>` in shared/i18n/messages/engine.ts), so the note reads the same in
 * Portuguese and English wherever it is shown (dashboard, tray, first-run notice).
 */
export const pingerNotes = ['noRawRights', 'rawUnavailable', 'systemPingChosen', 'simulated'] as const;
export const PingerNote = z.enum(pingerNotes);
export type PingerNote = z.infer<typeof PingerNote>;

export const pingerModes = ['raw', 'system-ping', 'simulated'] as const;

export const PingerMode = z.object({
  mode: z.enum(pingerModes),
  note: PingerNote.nullable(),
  /** The system's own error behind `rawUnavailable`, for the log only (never shown on a page). */
  detail: z.string().max(500).optional(),
});
export type PingerMode = z.infer<typeof PingerMode>;

export const pingerApi = {
  'ping.run': {
    params: z.object({ targets: z.array(PingTarget).max(200_000), options: PingOptions }),
    result: z.array(PingResult),
  },
  'ping.mode': { params: z.void(), result: PingerMode },
} satisfies WorkerApi;
export type PingerApi = typeof pingerApi;

/**
 * How the monitor gets its measurements: the pinger worker in real use, a simulated network with
 * --demo, an in-process pinger in tests. The monitor never knows which.
 */
export interface PingTransport {
  mode(): Promise<PingerMode>;
  run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]>;
}
