import { pingerApi, type PingerApi } from '../../shared/contract/pinger';
import type { PingTransport } from '../../shared/contract/pinger';
import { workerPingTransport } from '../../electron/engine/collectors/pinger-port';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { netnsSpawner } from '../helpers/netns';
import { cpuSecondsOf } from './proc-cpu';

/**
 * The real pinger worker (supervised, over its IPC protocol) inside a namespace, as the monitor's
 * transport. `cpuPctSinceFirstRun()` is the worker's CPU from the end of the first run on, as a
 * % of one core: the first cycle is left out, as the monitor's own measurement leaves it out.
 */
export function pingerWorkerInNetns(
  namespace: string,
  entry: string,
  execArgv: string[] = [],
): {
  transport: PingTransport;
  pid(): number;
  cpuSeconds(): number;
  cpuPctSinceFirstRun(): number;
  stop(): Promise<void>;
} {
  const supervisor = new Supervisor({ spawner: netnsSpawner(namespace, execArgv) });
  const worker = supervisor.supervise<PingerApi>({ name: 'pinger', entry, api: pingerApi });
  const inner = workerPingTransport(worker);
  let mark: { cpuS: number; atMs: number } | null = null;
  const pid = (): number => {
    const found = worker.health().pid;
    if (found === null) throw new Error('the pinger worker is not running');
    return found;
  };
  return {
    transport: {
      mode: () => inner.mode(),
      run: async (targets, options) => {
        const results = await inner.run(targets, options);
        mark ??= { cpuS: cpuSecondsOf(pid()), atMs: performance.now() };
        return results;
      },
    },
    pid,
    cpuSeconds: () => cpuSecondsOf(pid()),
    cpuPctSinceFirstRun: () => {
      if (!mark) throw new Error('the pinger worker has not run yet');
      const seconds = (performance.now() - mark.atMs) / 1000;
      return Number((((cpuSecondsOf(pid()) - mark.cpuS) / seconds) * 100).toFixed(2));
    },
    stop: () => supervisor.stopAll(),
  };
}
