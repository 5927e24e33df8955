import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER = resolve('out/main/server.js');
const STARTUP_MS = 60_000;

/**
 * Starts the built headless server with the demo network on a free port and a fresh data folder;
 * the URL it prints reaches the tests as VIGIA_E2E_URL. Returns the teardown.
 */
export default async function serveDemo(): Promise<() => Promise<void>> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-e2e-'));
  const server = spawn(
    process.execPath,
    [SERVER, '--demo', '--port', '0', '--metrics-port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, VIGIA_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`the server did not start:\n${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      const metrics = /health and metrics: (http:\/\/\S+)\/health/.exec(output);
      if (match && metrics) {
        clearTimeout(timer);
        process.env.VIGIA_E2E_METRICS_URL = metrics[1]!;
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
  process.env.VIGIA_E2E_URL = url;

  return async () => {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
