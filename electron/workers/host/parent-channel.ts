/** Electron adds `parentPort` to a utility process; under child_process.fork there is IPC instead. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** The way a worker process talks to the process that started it. */
export interface ParentChannel<Out> {
  send(message: Out): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * The channel to this process's parent: its MessagePort in Electron, the fork's IPC under Node.
 * A forked process whose parent died is `orphaned` (by default it exits at once).
 */
export function parentChannel<Out>(
  who: string,
  orphaned: () => void = () => process.exit(0),
): ParentChannel<Out> {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  if (process.send) {
    // A forked worker whose parent died would otherwise live on as an orphan holding its sockets.
    process.on('disconnect', orphaned);
    return {
      send: (message) => process.send!(message),
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error(
    `${who}: this process has no parent to talk to (start it as a utility process or with fork)`,
  );
}
