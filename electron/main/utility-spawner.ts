import { utilityProcess } from 'electron';
import type { Spawner } from '../engine/workers/spawner';

/** Starts collectors as Electron utility processes (separate OS processes with Node inside). */
export const utilitySpawner: Spawner = {
  spawn(entry, name) {
    const child = utilityProcess.fork(entry, [], {
      serviceName: `Vigia ${name}`,
      stdio: 'inherit',
      env: { ...process.env, VIGIA_WORKER: name },
    });
    return {
      get pid() {
        return child.pid ?? null;
      },
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  },
};
