import { EventEmitter } from 'node:events';

/**
 * Electron's utilityProcess and safeStorage for unit tests of the main process (no Electron binary
 * here): `vi.mock('electron', () => import('…/helpers/fake-electron'))`. Each forked child records
 * what the main process sends and lets the test play the other side of the port.
 */
export interface FakeChild extends EventEmitter {
  entry: string;
  options: { serviceName: string; env: Record<string, string> };
  sent: unknown[];
  killed: boolean;
  pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
}

export const children: FakeChild[] = [];

export const utilityProcess = {
  fork(entry: string, _args: string[], options: FakeChild['options']): FakeChild {
    const child = Object.assign(new EventEmitter(), {
      entry,
      options,
      sent: [] as unknown[],
      killed: false,
      pid: 4242 as number | undefined,
      postMessage(message: unknown) {
        child.sent.push(message);
      },
      kill() {
        child.killed = true;
        return true;
      },
    });
    children.push(child);
    return child;
  },
};

/** A stand-in keychain whose seal is visible: "dpapi(<plain>)". */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  /** A real keychain (on Linux the plain-text `basic_text` backend is refused). */
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.from(`dpapi(${plain})`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^dpapi\((.*)\)$/, '$1'),
};
