import type { PingOptions, PingTarget, PingerApi } from '../../../shared/contract/pinger';
import type { PingTransport } from '../monitor/transport';
import type { SupervisedWorker } from '../workers/supervisor';

/** The monitor's PingTransport over the pinger worker process. */
export function workerPingTransport(worker: SupervisedWorker<PingerApi>): PingTransport {
  return {
    mode: () => worker.call('ping.mode', undefined, { timeoutMs: 10_000 }),
    run: (targets: PingTarget[], options: PingOptions) =>
      // A run lasts about count × timeout plus pacing; leave generous room before calling it hung.
      worker.call(
        'ping.run',
        { targets, options },
        { timeoutMs: 60_000 + options.count * options.timeoutMs * (options.retries + 1) * 2 },
      ),
  };
}
