import type { PingOptions, PingResult, PingTarget, PingerMode } from '../../../shared/contract/pinger';

/**
 * How the monitor gets its measurements: the pinger worker in real use, a simulated network with
 * --demo, an in-process pinger in tests. The monitor never knows which.
 */
export interface PingTransport {
  mode(): Promise<PingerMode>;
  run(targets: PingTarget[], options: PingOptions): Promise<PingResult[]>;
}
