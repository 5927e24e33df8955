import { utilityProcess } from 'electron';
import type { Spawner } from '../engine/collectors/spawner';

/** Starts collectors as Electron utility processes (separate OS processes with Node inside). */
export const utilitySpawner: Spawner = {
  spawn(entry, name) {
    const child = utilityProcess.fork(entry, [], {
      serviceName: `Vigia ${name}`,
      stdio: 'inherit',
      env: { ...process.env, VIGIA_WORKER: name },
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    // Unhandled, an 'error' event would end the main process; 'exit' follows it and the
    // supervisor restarts the worker.
    child.on('error', (type, location) => console.error(`worker ${name} failed: ${type} at ${location}`));
    return {
      get pid() {
        return child.pid ?? null;
      },
      postMessage: (message) => {
        if (!exited) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  },
};
