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

/** Most targets one run takes. */
export const MAX_PING_TARGETS = 200_000;

/**
 * Targets as they cross to the pinger worker: columns instead of 100,000 objects, so that the
 * boundary copies three arrays and checks them in one pass. Target i is ids[i], hosts[i] and
 * towerIds[i] (0: no tower).
 */
export const PackedPingTargets = z
  .object({
    ids: z.instanceof(Int32Array),
    towerIds: z.instanceof(Int32Array),
    hosts: z.array(z.string()).max(MAX_PING_TARGETS),
  })
  .superRefine(({ ids, towerIds, hosts }, context) => {
    if (ids.length !== hosts.length || towerIds.length !== hosts.length) {
      context.addIssue({ code: 'custom', message: 'ids, towerIds and hosts differ in length' });
      return;
    }
    for (let i = 0; i < hosts.length; i++) {
      if (!(ids[i]! > 0) || towerIds[i]! < 0 || hosts[i]!.length === 0) {
        context.addIssue({ code: 'custom', path: ['hosts', i], message: 'invalid target' });
        return;
      }
    }
  });
export type PackedPingTargets = z.infer<typeof PackedPingTargets>;

/** An RTT column's value: a non-negative number of ms where an echo came back, NaN where none did. */
const fits = (answered: boolean, rttMs: number): boolean =>
  answered ? rttMs >= 0 && rttMs < Infinity : Number.isNaN(rttMs);

/**
 * A run's results in the targets' order, as columns: echoes sent and received, min/avg/max RTT and
 * jitter (NaN when nothing came back), and the few targets that could not be checked at all.
 * Checked in one pass: equal lengths, received ≤ sent, RTTs present exactly when an echo came back.
 */
export const PackedPingResults = z
  .object({
    sent: z.instanceof(Uint8Array),
    received: z.instanceof(Uint8Array),
    minMs: z.instanceof(Float64Array),
    avgMs: z.instanceof(Float64Array),
    maxMs: z.instanceof(Float64Array),
    jitterMs: z.instanceof(Float64Array),
    errors: z.array(z.object({ index: z.number().int().nonnegative(), message: z.string() })),
  })
  .superRefine((packed, context) => {
    const { sent, received, minMs, avgMs, maxMs, jitterMs, errors } = packed;
    const count = sent.length;
    const columns = [received, minMs, avgMs, maxMs, jitterMs];
    if (count > MAX_PING_TARGETS || columns.some((column) => column.length !== count)) {
      context.addIssue({ code: 'custom', message: 'the result columns differ in length' });
      return;
    }
    for (let i = 0; i < count; i++) {
      const answered = received[i]! > 0;
      if (
        received[i]! > sent[i]! ||
        !fits(answered, minMs[i]!) ||
        !fits(answered, avgMs[i]!) ||
        !fits(answered, maxMs[i]!) ||
        !fits(answered, jitterMs[i]!)
      ) {
        context.addIssue({ code: 'custom', path: ['received', i], message: 'inconsistent result' });
        return;
      }
    }
    if (errors.some(({ index }) => index >= count))
      context.addIssue({ code: 'custom', path: ['errors'], message: 'error for no target' });
  });
export type PackedPingResults = z.infer<typeof PackedPingResults>;

export const pingerApi = {
  'ping.run': {
    params: z.object({ targets: PackedPingTargets, options: PingOptions }),
    result: PackedPingResults,
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
