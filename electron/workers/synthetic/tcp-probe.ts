import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TcpProbeSpec } from '../../../shared/contract/synthetic-worker';
import type { z } from 'zod';
import { detailOf, errorCodeOf, failed, ms, noTimings, type ProbeResult } from './outcome';

/** Opens a TCP connection and closes it at once: the time is the name lookup plus the handshake. */
export function probeTcp(spec: z.output<typeof TcpProbeSpec>, timeoutMs: number): Promise<ProbeResult> {
  const start = performance.now();
  let lookedUp: number | null = null;
  return new Promise((resolve) => {
    const socket = connect({ host: spec.host, port: spec.port, timeout: timeoutMs });
    const timings = () => ({
      ...noTimings(performance.now() - start),
      dnsMs: lookedUp === null ? null : ms(lookedUp - start),
    });
    const finish = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('lookup', () => (lookedUp = performance.now()));
    socket.once('connect', () => {
      const t = timings();
      finish({
        ok: true,
        error: null,
        status: null,
        detail: socket.remoteAddress ?? null,
        timings: { ...t, connectMs: ms(t.totalMs - (t.dnsMs ?? 0)) },
      });
    });
    socket.once('timeout', () => finish(failed('timeout', `${spec.host}:${spec.port}`, timings())));
    socket.once('error', (error) => finish(failed(errorCodeOf(error), detailOf(error), timings())));
  });
}
