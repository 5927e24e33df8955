import { z } from 'zod';
import { epochMs } from './entities';

/** The NOC's uplink: down when every check marked "uplink" fails. */
export const UplinkStatus = z.object({
  down: z.boolean(),
  since: epochMs,
  /** The failing uplink checks, by name. */
  failing: z.array(z.string()),
});

/** A mass outage going on: how many devices stopped answering together, since when. */
export const MassOutageStatus = z.object({ since: epochMs, count: z.number().int().nonnegative() });

/** "Is it us?": what the top of every screen tells the operator. */
export const OutageStatus = z.object({ uplink: UplinkStatus, massOutage: MassOutageStatus.nullable() });
export type OutageStatus = z.infer<typeof OutageStatus>;

export const OutageChanged = z.object({ type: z.literal('outage.changed'), status: OutageStatus });

export const outageApiMethods = {
  'outage.status': { input: z.void(), output: OutageStatus },
  /** The `--demo` network only: its simulated uplink checks fail or answer again. */
  'outage.demoUplink': { input: z.object({ down: z.boolean() }), output: OutageStatus },
} as const;
