import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER = resolve('out/main/server.js');
const STARTUP_MS = 60_000;

/**
 * Starts the built headless server with the demo network on a free port of 127.0.0.1 and a fresh
 * data folder, with `args` added, /health and /metrics on a free port of their own. Resolves with
 * the URLs it prints and its teardown.
 */
export async function startDemoServer(
  args: string[] = [],
): Promise<{ url: string; metricsUrl: string; output: () => string; stop: () => Promise<void> }> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-e2e-'));
  const server = spawn(
    process.execPath,
    [SERVER, '--demo', '--port', '0', '--metrics-port', '0', '--data-dir', dataDir, ...args],
    {
      env: { ...process.env, VIGIA_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const { url, metricsUrl } = await new Promise<{ url: string; metricsUrl: string }>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`the server did not start:\n${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (https?:\/\/\S+)/.exec(output);
      const metrics = /health and metrics: (https?:\/\/\S+)\/health/.exec(output);
      if (match && metrics) {
        clearTimeout(timer);
        found({ url: match[1]!, metricsUrl: metrics[1]! });
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
    metricsUrl,
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
  process.env.VIGIA_E2E_METRICS_URL = server.metricsUrl;
  return server.stop;
}
