import { z } from 'zod';
import { TrapNotice, TrapReceiverStats } from './traps-worker';

/** A trap kept in the log: why it is there, and everything it carried. */
export const TrapLogEntry = TrapNotice.extend({
  reason: z.enum(['unknown_trap', 'unknown_source']),
});
export type TrapLogEntry = z.infer<typeof TrapLogEntry>;

export const TrapCounts = TrapReceiverStats.extend({
  /** Traps turned into alarm changes. */
  mapped: z.number().int().nonnegative(),
  logged: z.number().int().nonnegative(),
});
export type TrapCounts = z.infer<typeof TrapCounts>;

/** The trap part of the channel registry (merged into apiMethods). */
export const trapApiMethods = {
  'snmp.traps.log': {
    input: z.object({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(1_000).default(200),
    }),
    output: z.object({ entries: z.array(TrapLogEntry), total: z.number().int().nonnegative() }),
  },
  'snmp.traps.stats': { input: z.object({}).default({}), output: TrapCounts },
} as const;
