import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER = resolve('out/main/server.js');
const STARTUP_MS = 60_000;

/**
 * Starts the built headless server with the demo network on a free port of 127.0.0.1 and a fresh
 * data folder, with `args` added. Resolves with the URL it prints and its teardown.
 */
export async function startDemoServer(
  args: string[] = [],
): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-e2e-'));
  const server = spawn(process.execPath, [SERVER, '--demo', '--port', '0', '--data-dir', dataDir, ...args], {
    env: { ...process.env, VIGIA_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`the server did not start:\n${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (https?:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        found(match[1]!);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`the server exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The global setup: the suites' server, its URL as VIGIA_E2E_URL. Returns the teardown. */
export default async function serveDemo(): Promise<() => Promise<void>> {
  // The suites' webhook receiver and fake Bot API listen on 127.0.0.1.
  const server = await startDemoServer(['--allow-loopback-destinations']);
  process.env.VIGIA_E2E_URL = server.url;
  return server.stop;
}
