import type {
  ProbeOutcome,
  ProbeRequest,
  SyntheticWorkerApi,
} from '../../../shared/contract/synthetic-worker';
import type { SupervisedWorker } from './supervisor';

/** Runs a round of probes: the synthetic worker in real use, a simulation in the demo. */
export interface SyntheticRunner {
  run(probes: ProbeRequest[]): Promise<ProbeOutcome[]>;
}

/** Probes in flight at once: enough for thousands of checks per round, few enough for one process. */
export const SYNTHETIC_CONCURRENCY = 200;

/** The synthetic service's runner over the synthetic worker process. */
export function workerSyntheticRunner(worker: SupervisedWorker<SyntheticWorkerApi>): SyntheticRunner {
  return {
    run: async (probes) => {
      if (probes.length === 0) return [];
      const slowest = Math.max(...probes.map((probe) => probe.timeoutMs));
      // A round is bounded by its lanes: probes / concurrency, each at most its timeout.
      const timeoutMs = 30_000 + Math.ceil(probes.length / SYNTHETIC_CONCURRENCY) * slowest * 2;
      return worker.call('synthetic.run', { probes, concurrency: SYNTHETIC_CONCURRENCY }, { timeoutMs });
    },
  };
}
