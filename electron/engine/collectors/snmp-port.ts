import type { SnmpApi, SnmpOptions, SnmpTarget } from '../../../shared/contract/snmp';
import type { SupervisedWorker } from './supervisor';
import type { SnmpPollTransport } from '../snmp/snmp-monitor';

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
