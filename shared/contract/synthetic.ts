import { z } from 'zod';
import { HistoryRange } from './common';
import { Severity, epochMs } from './entities';
import { ProbeErrorCode, ProbeSpec } from './synthetic-worker';

export { ProbeSpec, ProbeErrorCode } from './synthetic-worker';

const id = z.number().int().positive();

/** The resolvers a new DNS check starts with, for real use; tests and the demo never reach them. */
export const defaultResolvers = ['8.8.8.8', '1.1.1.1'] as const;
export const DEFAULT_SYNTHETIC_INTERVAL_S = 300;

/** A check as the operator defines it. A URL carrying a password is refused: it would be stored in clear. */
export const SyntheticCheckInput = z.object({
  name: z.string().trim().min(1).max(120),
  spec: ProbeSpec.refine((spec) => spec.kind !== 'http' || !/^https?:\/\/[^/?#]*@/i.test(spec.url), {
    message: 'synthetic.urlWithCredentials',
  }),
  intervalS: z.number().int().min(30).max(86_400).default(DEFAULT_SYNTHETIC_INTERVAL_S),
  timeoutMs: z.number().int().min(500).max(30_000).default(5_000),
  enabled: z.boolean().default(true),
  severity: Severity.default('major'),
  /** One of the NOC's own uplink checks: when all of them fail, "is it us?" says the uplink is down. */
  uplink: z.boolean().default(false),
  /** The poller group whose leader runs it, on a shared PostgreSQL (the default group: 1). */
  groupId: z.number().int().positive().default(1),
});
export type SyntheticCheckInput = z.infer<typeof SyntheticCheckInput>;

export const SyntheticResult = z.object({
  checkId: id,
  at: epochMs,
  ok: z.boolean(),
  totalMs: z.number().nonnegative(),
  dnsMs: z.number().nonnegative().nullable(),
  connectMs: z.number().nonnegative().nullable(),
  tlsMs: z.number().nonnegative().nullable(),
  firstByteMs: z.number().nonnegative().nullable(),
  status: z.number().int().nullable(),
  error: ProbeErrorCode.nullable(),
  detail: z.string().nullable(),
});
export type SyntheticResult = z.infer<typeof SyntheticResult>;

export const SyntheticCheck = SyntheticCheckInput.extend({
  id,
  createdAt: epochMs,
  updatedAt: epochMs,
  /** The newest result, null before the first run. */
  last: SyntheticResult.nullable(),
  /** Failures in a row up to the newest result. */
  failStreak: z.number().int().nonnegative(),
});
export type SyntheticCheck = z.infer<typeof SyntheticCheck>;

export const syntheticApiMethods = {
  'synthetic.checks.list': { input: z.void(), output: z.array(SyntheticCheck) },
  'synthetic.checks.create': {
    input: z.object({ check: SyntheticCheckInput }),
    output: SyntheticCheck,
  },
  'synthetic.checks.update': {
    input: z.object({ id, check: SyntheticCheckInput }),
    output: SyntheticCheck,
  },
  'synthetic.checks.delete': { input: z.object({ id }), output: z.void() },
  /** Runs the check at once (outside its schedule) and returns the new result. */
  'synthetic.checks.runNow': { input: z.object({ id }), output: SyntheticResult },
  'synthetic.results': {
    input: z.object({ checkId: id, range: HistoryRange }),
    output: z.array(SyntheticResult),
  },
} as const;
