import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { Spawner } from '../../electron/engine/collectors/spawner';

const run = promisify(execFile);

export interface Netns {
  name: string;
  /** Makes ICMP to this IPv4 range vanish inside the namespace (silent hosts). */
  silence(cidr: string): Promise<void>;
  unsilence(cidr: string): Promise<void>;
  /** Runs a command inside the namespace, feeding it stdin; resolves with its stdout. */
  exec(command: string, args: string[], stdin?: string): Promise<string>;
  destroy(): Promise<void>;
}

/** Why namespace tests cannot run here, or null when they can. */
export function netnsUnavailable(): string | null {
  return process.getuid?.() === 0
    ? null
    : 'network namespace tests need root (ip netns add, iptables, raw sockets): run them as root, as CI does';
}

/**
 * A network namespace of the caller's own: its loopback answers for all of 127.0.0.0/8 and ::1,
 * so tests ping real hosts without a packet leaving the namespace. Raw sockets belong to the
 * namespace of the process that opens them, so the pinger runs inside it through `exec`.
 */
export async function createNetns(prefix = 'vigia'): Promise<Netns> {
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(unavailable);
  const name = `${prefix}-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
  await run('ip', ['netns', 'add', name]);
  try {
    await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  } catch (error) {
    await run('ip', ['netns', 'del', name]);
    throw error;
  }
  const iptables = (action: '-A' | '-D', cidr: string) =>
    run('ip', ['netns', 'exec', name, 'iptables', action, 'INPUT', '-p', 'icmp', '-d', cidr, '-j', 'DROP']);
  return {
    name,
    silence: async (cidr) => void (await iptables('-A', cidr)),
    unsilence: async (cidr) => void (await iptables('-D', cidr)),
    exec: (command, args, stdin) =>
      new Promise((resolve, reject) => {
        const child = spawn('ip', ['netns', 'exec', name, command, ...args], {
          stdio: ['pipe', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code} in ${name}`)),
        );
        child.stdin.end(stdin ?? '');
      }),
    destroy: async () => void (await run('ip', ['netns', 'del', name])),
  };
}

/**
 * Like the fork spawner, but the worker runs inside the namespace: `ip netns exec` execs Node in
 * place (same pid) and passes the IPC channel on.
 */
export function netnsSpawner(namespace: string, execArgv: string[] = []): Spawner {
  return {
    spawn(entry, name) {
      const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, ...execArgv, entry], {
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, VIGIA_WORKER: name },
      });
      return {
        get pid() {
          return child.pid ?? null;
        },
        postMessage: (message) => {
          if (child.connected) child.send(message as object);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => child.on('exit', (code) => listener(code)),
        kill: () => child.kill('SIGKILL'),
      };
    },
  };
}
