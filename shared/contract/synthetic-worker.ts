import { z } from 'zod';
import { epochMs } from './entities';
import type { WorkerApi } from './worker';

/** A DNS resolver as `address` or `address:port` (IPv6 as `[address]:port`). */
export const ResolverAddress = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?|\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:]*:[0-9a-fA-F:]*)$/, {
    message: 'synthetic.invalidResolver',
  });

export const dnsRecordTypes = ['A', 'AAAA', 'MX', 'TXT', 'NS', 'CNAME'] as const;

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'synthetic.invalidHost' });

/** What one check does, by kind; the same shape is stored, sent to the worker and shown. */
export const DnsProbeSpec = z.object({
  kind: z.literal('dns'),
  /** The name to resolve. */
  query: hostName,
  recordType: z.enum(dnsRecordTypes).default('A'),
  resolvers: z.array(ResolverAddress).min(1).max(8),
  /** When set, one of the answers must be exactly this (e.g. the portal's address). */
  expectAnswer: z.string().trim().max(253).nullable().default(null),
});

export const HttpProbeSpec = z.object({
  kind: z.literal('http'),
  url: z
    .string()
    .trim()
    .max(2_000)
    // Written out rather than URL.canParse: shared/ runs without Node's or the DOM's globals.
    .regex(/^https?:\/\/([^\s/?#@]+@)?(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9_.-]+)(:\d{1,5})?([/?#]\S*)?$/i, {
      message: 'synthetic.invalidUrl',
    }),
  expectStatus: z.number().int().min(100).max(599).default(200),
  /** When set, the first 1 MiB of the body must contain this text. */
  expectText: z.string().max(500).nullable().default(null),
  /** Accept a certificate that does not verify (a router's self-signed page). */
  ignoreTlsErrors: z.boolean().default(false),
});

export const TcpProbeSpec = z.object({
  kind: z.literal('tcp'),
  host: hostName,
  port: z.number().int().min(1).max(65_535),
});

export const ProbeSpec = z.discriminatedUnion('kind', [DnsProbeSpec, HttpProbeSpec, TcpProbeSpec]);
export type ProbeSpec = z.infer<typeof ProbeSpec>;
export type ProbeSpecInput = z.input<typeof ProbeSpec>;
export type SyntheticKind = ProbeSpec['kind'];

/** Why a probe failed, as a code the reader's language renders (`alarm.synthetic.reason.<code>`). */
export const probeErrorCodes = [
  'timeout',
  'not_found',
  'no_answer',
  'refused',
  'unreachable',
  'reset',
  'tls',
  'headers_too_large',
  'bad_response',
  'unexpected_status',
  'text_missing',
  'answer_mismatch',
  'resolver_failure',
  'failed',
] as const;
export const ProbeErrorCode = z.enum(probeErrorCodes);
export type ProbeErrorCode = z.infer<typeof ProbeErrorCode>;

/** Where the time went, in ms; null where the phase did not happen (no DNS for an IP, no TLS). */
export const ProbeTimings = z.object({
  dnsMs: z.number().nonnegative().nullable(),
  connectMs: z.number().nonnegative().nullable(),
  tlsMs: z.number().nonnegative().nullable(),
  firstByteMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
});
export type ProbeTimings = z.infer<typeof ProbeTimings>;

export const ProbeOutcome = z.object({
  id: z.number().int().positive(),
  at: epochMs,
  ok: z.boolean(),
  timings: ProbeTimings,
  /** HTTP status, when a response arrived. */
  status: z.number().int().nullable(),
  error: ProbeErrorCode.nullable(),
  /** Language-neutral facts for the error or the answer: a resolver address, the status, records. */
  detail: z.string().max(500).nullable(),
});
export type ProbeOutcome = z.infer<typeof ProbeOutcome>;

export const ProbeRequest = z.object({
  id: z.number().int().positive(),
  spec: ProbeSpec,
  timeoutMs: z.number().int().min(100).max(60_000),
});
export type ProbeRequest = z.infer<typeof ProbeRequest>;

export const syntheticWorkerApi = {
  /** One round: every probe run once, at most `concurrency` in flight; one failure never fails the round. */
  'synthetic.run': {
    params: z.object({
      probes: z.array(ProbeRequest).max(20_000),
      concurrency: z.number().int().min(1).max(2_000).default(200),
    }),
    result: z.array(ProbeOutcome),
  },
} satisfies WorkerApi;
export type SyntheticWorkerApi = typeof syntheticWorkerApi;
