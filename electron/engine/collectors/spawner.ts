import { fork } from 'node:child_process';

/** One running worker process, whatever started it. */
export interface WorkerProcess {
  readonly pid: number | null;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts worker processes: utilityProcess in the Electron app, child_process.fork headless. */
export interface Spawner {
  spawn(entry: string, name: string): WorkerProcess;
}

export const forkSpawner: Spawner = {
  spawn(entry, name) {
    // Source entries (tests, development) run through tsx; built ones are plain JavaScript.
    const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = fork(entry, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // In the desktop app the engine runs in a utility process, whose executable is Electron's:
      // its collectors must start it as plain Node.
      env: {
        ...process.env,
        VIGIA_WORKER: name,
        ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
      },
    });
    const exitListeners: ((code: number | null) => void)[] = [];
    let exited = false;
    const exit = (code: number | null) => {
      if (exited) return;
      exited = true;
      exitListeners.forEach((listener) => listener(code));
    };
    child.on('exit', (code) => exit(code));
    // Unhandled, an 'error' event would end the parent. A send that races the channel closing is
    // followed by 'exit' anyway; a process that never started gets no 'exit', so report it here.
    child.on('error', () => {
      if (child.pid === undefined) exit(null);
    });
    return {
      get pid() {
        return child.pid ?? null;
      },
      postMessage: (message) => {
        if (child.connected) child.send(message as object);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => child.kill('SIGKILL'),
    };
  },
};
