import type { PingOptions, PingTarget, PingerApi } from '../../../shared/contract/pinger';
import type { PingTransport } from '../../../shared/contract/pinger';
import { packTargets, unpackResults } from '../../../shared/domain/ping/packed';
import type { SupervisedWorker } from './supervisor';

/** Room for start-up, resolving names and the slowness of a loaded machine. */
const BASE_MS = 30_000;
/** Upper bound of the pause between a host's echoes in either engine. */
const ROUND_INTERVAL_MS = 1_000;

/**
 * How long a run may take before the worker is considered hung: twice what the budgets allow,
 * i.e. the packets over the global budget or the busiest tower's over its own, plus each round's
 * timeout and spacing.
 */
export function runDeadlineMs(targets: PingTarget[], options: PingOptions): number {
  const echoes = options.count + options.retries;
  const perTower = new Map<number, number>();
  let busiestTower = 0;
  for (const { towerId } of targets) {
    if (towerId === null) continue;
    const count = (perTower.get(towerId) ?? 0) + 1;
    perTower.set(towerId, count);
    busiestTower = Math.max(busiestTower, count);
  }
  const sendingMs =
    Math.max((targets.length * echoes) / options.ppsGlobal, (busiestTower * echoes) / options.ppsPerTower) *
    1000;
  return BASE_MS + 2 * (sendingMs + echoes * (options.timeoutMs + ROUND_INTERVAL_MS));
}

/** The monitor's PingTransport over the supervised pinger worker process. */
export function workerPingTransport(worker: SupervisedWorker<PingerApi>): PingTransport {
  return {
    mode: () => worker.call('ping.mode', undefined, { timeoutMs: 10_000 }),
    run: async (targets: PingTarget[], options: PingOptions) =>
      unpackResults(
        targets,
        await worker.call(
          'ping.run',
          { targets: packTargets(targets), options },
          { timeoutMs: runDeadlineMs(targets, options) },
        ),
      ),
  };
}
