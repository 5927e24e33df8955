import type { EngineStartOptions } from '../../shared/contract/engine-process';
import { EngineProxy, engineEntry } from '../engine-proxy/engine-proxy';
import { safeStorageCipher } from './safe-storage-cipher';
import { utilitySpawner } from './utility-spawner';

/**
 * Starts the engine in a utility process of its own, so the process that owns the window, the
 * tray and IPC never waits on a monitoring cycle, an import or a retention pass. Secrets are
 * sealed with the OS keychain, which only this process can reach: the engine asks over its port.
 */
export function startEngineProcess(options: {
  dataDir: string;
  demo: boolean;
  version: string;
  defaultOperator: string;
  store?: EngineStartOptions['store'];
  access?: EngineStartOptions['access'];
}): Promise<EngineProxy> {
  return EngineProxy.start({
    spawner: utilitySpawner,
    entry: engineEntry(),
    start: { ...options, runtime: 'electron' },
    cipher: safeStorageCipher() ?? undefined,
  });
}
