import type { SnmpApi, SnmpOptions, SnmpPollResult, SnmpTarget } from '../../../shared/contract/snmp';
import type { NeighbourReport } from '../../../shared/contract/topology';
import type { SupervisedWorker } from './supervisor';

/** How the SNMP monitor reaches the poller: the SNMP worker in the app, an in-process poller in tests. */
export interface SnmpPollTransport {
  poll(targets: SnmpTarget[], options: SnmpOptions): Promise<SnmpPollResult[]>;
}

/** The SNMP monitor's transport over the poller worker process. */
export function workerSnmpTransport(worker: SupervisedWorker<SnmpApi>): SnmpPollTransport {
  return {
    poll: (targets: SnmpTarget[], options: SnmpOptions) =>
      // A round is bounded by the slowest lanes: devices / concurrency × (retries + 1) × timeout.
      worker.call(
        'snmp.poll',
        { targets, options },
        {
          timeoutMs:
            30_000 +
            Math.ceil(targets.length / options.concurrency) * (options.retries + 1) * options.timeoutMs * 4,
        },
      ),
  };
}

/** How the topology service reads neighbour tables: the SNMP worker, or the demo's simulation. */
export interface NeighbourReader {
  read(targets: SnmpTarget[], options: SnmpOptions): Promise<NeighbourReport[]>;
}

/** Neighbour tables over the poller worker: a whole walk per device, bounded like a poll round. */
export function workerNeighbourReader(worker: SupervisedWorker<SnmpApi>): NeighbourReader {
  return {
    read: (targets, options) =>
      worker.call(
        'snmp.neighbours',
        { targets, options },
        {
          timeoutMs:
            30_000 +
            Math.ceil(targets.length / options.concurrency) * (options.retries + 1) * options.timeoutMs * 20,
        },
      ),
  };
}
