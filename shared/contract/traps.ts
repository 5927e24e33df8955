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
  /** Traps of devices whose poller group another instance leads: that instance acts on them. */
  elsewhere: z.number().int().nonnegative(),
});
export type TrapCounts = z.infer<typeof TrapCounts>;

/** A search of the trap log: every filter given must match; paged, newest first. */
export const TrapLogQuery = z.object({
  /** Part of the sender's address. */
  source: z.string().max(100).default(''),
  /** The start of the trap's OID ("1.3.6.1.4.1.14988" for every MikroTik trap). */
  oid: z
    .string()
    .max(400)
    .regex(/^\.?[\d.]*$/, { message: 'traps.badOid' })
    .default(''),
  /** Any part of a varbind's OID or value, any case. */
  text: z.string().max(200).default(''),
  reason: TrapLogEntry.shape.reason.nullable().default(null),
  from: z.number().int().nonnegative().nullable().default(null),
  to: z.number().int().nonnegative().nullable().default(null),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TrapLogQuery = z.infer<typeof TrapLogQuery>;

export const TrapLogPage = z.object({
  entries: z.array(TrapLogEntry),
  /** How many kept traps match the search (across pages). */
  matched: z.number().int().nonnegative(),
  /** How many traps the log holds now (the newest ones). */
  kept: z.number().int().nonnegative(),
  /** How many traps were logged since the engine started. */
  total: z.number().int().nonnegative(),
});
export type TrapLogPage = z.infer<typeof TrapLogPage>;

/** The trap part of the channel registry (merged into apiMethods). */
export const trapApiMethods = {
  'snmp.traps.log': { input: TrapLogQuery, output: TrapLogPage },
  'snmp.traps.stats': { input: z.object({}).default({}), output: TrapCounts },
} as const;
