import type { ProbeOutcome, ProbeRequest } from '../../../shared/contract/synthetic-worker';
import { probeDns, ResolverPool } from './dns-probe';
import { probeHttp } from './http-probe';
import { detailOf, failed, noTimings, type ProbeResult } from './outcome';
import { probeTcp } from './tcp-probe';

function probe(request: ProbeRequest, pool: ResolverPool): Promise<ProbeResult> {
  const { spec, timeoutMs } = request;
  switch (spec.kind) {
    case 'dns':
      return probeDns(spec, timeoutMs, pool);
    case 'http':
      return probeHttp(spec, timeoutMs);
    case 'tcp':
      return probeTcp(spec, timeoutMs);
  }
}

/**
 * Runs one round: at most `concurrency` probes in flight, each answered with its outcome; a probe
 * that throws becomes a failed outcome, so one bad check never costs the others their results.
 */
export async function runProbes(
  probes: readonly ProbeRequest[],
  concurrency: number,
  now: () => number = Date.now,
): Promise<ProbeOutcome[]> {
  const pool = new ResolverPool();
  const outcomes: ProbeOutcome[] = new Array(probes.length);
  let next = 0;
  const lane = async () => {
    while (next < probes.length) {
      const index = next++;
      const request = probes[index]!;
      const at = now();
      const result = await probe(request, pool).catch((error: unknown) =>
        failed('failed', detailOf(error), noTimings(0)),
      );
      outcomes[index] = { id: request.id, at, ...result };
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, probes.length) }, lane));
  } finally {
    pool.close();
  }
  return outcomes;
}
