import { Resolver } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { DnsProbeSpec } from '../../../shared/contract/synthetic-worker';
import type { z } from 'zod';
import { detailOf, errorCodeOf, failed, ms, noTimings, type ProbeResult } from './outcome';

type DnsSpec = z.output<typeof DnsProbeSpec>;

/**
 * c-ares channels are reused within a round: one per resolver and timeout, so a thousand checks
 * against the same two resolvers open two channels, not a thousand.
 */
export class ResolverPool {
  private readonly resolvers = new Map<string, Resolver>();

  get(server: string, timeoutMs: number): Resolver {
    const key = `${server}|${timeoutMs}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      // One try: a resolver that does not answer within the check's timeout is what we report.
      resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
      resolver.setServers([server]);
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  close(): void {
    for (const resolver of this.resolvers.values()) resolver.cancel();
    this.resolvers.clear();
  }
}

async function query(resolver: Resolver, spec: DnsSpec): Promise<string[]> {
  switch (spec.recordType) {
    case 'A':
      return resolver.resolve4(spec.query);
    case 'AAAA':
      return resolver.resolve6(spec.query);
    case 'MX':
      return (await resolver.resolveMx(spec.query)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(spec.query)).map((parts) => parts.join(''));
    case 'NS':
      return resolver.resolveNs(spec.query);
    case 'CNAME':
      return resolver.resolveCname(spec.query);
  }
}

/** Guards c-ares's own timeout, which may retry with backoff past what the check allows. */
function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })),
      timeoutMs + 50,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Asks every resolver of the check for the name. The check passes only when all of them answer
 * (and, if an answer is expected, each gives it); the time reported is the slowest resolver's,
 * and the detail names the resolver that failed, or lists the answers.
 */
export async function probeDns(spec: DnsSpec, timeoutMs: number, pool: ResolverPool): Promise<ProbeResult> {
  const start = performance.now();
  const answers = await Promise.all(
    spec.resolvers.map(async (server) => {
      const asked = performance.now();
      try {
        const records = await withDeadline(query(pool.get(server, timeoutMs), spec), timeoutMs);
        return { server, records, error: null, ms: performance.now() - asked };
      } catch (error) {
        return { server, records: [] as string[], error, ms: performance.now() - asked };
      }
    }),
  );
  const slowest = Math.max(...answers.map((answer) => answer.ms));
  const timings = { ...noTimings(performance.now() - start), dnsMs: ms(slowest) };
  const failure = answers.find((answer) => answer.error !== null);
  if (failure) {
    return failed(errorCodeOf(failure.error), `${failure.server} ${detailOf(failure.error)}`, timings);
  }
  if (spec.expectAnswer !== null) {
    const wrong = answers.find((answer) => !answer.records.includes(spec.expectAnswer!));
    if (wrong) return failed('answer_mismatch', `${wrong.server} ${wrong.records.join(' ')}`, timings);
  }
  const records = [...new Set(answers.flatMap((answer) => answer.records))];
  return { ok: true, error: null, status: null, timings, detail: records.join(' ').slice(0, 500) };
}
