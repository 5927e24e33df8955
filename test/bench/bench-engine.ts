// The engine as the app runs it, for the benchmarks: startEngine on a fresh SQLite store seeded
// with loopback devices, the headless HTTP/WebSocket server in front of it, and its workers —
// built, as Vigia ships them — inside a network namespace the benchmark created.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Spawner } from '../../electron/engine/collectors/spawner';
import { startEngine, type RunningEngine } from '../../electron/engine/start-engine';
import { openStore } from '../../electron/engine/store/open-store';
import { startHttpServer, type VigiaServer } from '../../electron/server/http-server';
import type { MonitorConfig } from '../../shared/domain/monitor/config';
import { netnsSpawner } from '../helpers/netns';
import { seedDevices } from './bench-network';

/** A script of a TypeScript entry, its own code bundled, its packages imported from node_modules. */
export async function bundle(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, entry.replace(/[/.]/g, '_') + '.cjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Packages stay imports from node_modules, as electron-vite builds the app (native ones must).
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/** Workers the engine itself starts (the engine worker is the process the proxy starts, not one of them). */
const ENGINE_WORKERS = readdirSync('electron/workers', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('electron/workers', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => name !== 'engine');

/** Every worker the engine starts, built into `outDir` (inside the project, so that they find raw-socket). */
export async function bundleWorkers(
  outDir: string,
): Promise<Record<'pinger' | 'snmp', string> & Record<string, string>> {
  const scripts: Record<string, string> = {};
  for (const name of ENGINE_WORKERS)
    scripts[name] = await bundle(`electron/workers/${name}/index.ts`, outDir);
  const { pinger, snmp } = scripts;
  if (!pinger || !snmp) throw new Error('the pinger and SNMP workers are missing from electron/workers');
  return { ...scripts, pinger, snmp };
}

export interface BenchEngine {
  engine: RunningEngine;
  server: VigiaServer;
  stop(): Promise<void>;
}

export async function startBenchEngine(options: {
  namespace: string;
  workerScripts: Record<string, string>;
  devices: number;
  intervalMs: number;
  monitorConfig?: Partial<Omit<MonitorConfig, 'interval'>>;
}): Promise<BenchEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigia-bench-engine-'));
  const seeding = await openStore({ dialect: 'sqlite', file: join(dataDir, 'vigia.db') });
  await seedDevices(seeding, options.devices);
  const { intervalMs } = options;
  await seeding.settings.set('monitor.config', {
    ...options.monitorConfig,
    interval: { criticalMs: intervalMs, unstableMs: intervalMs, stableMs: intervalMs },
  });
  await seeding.close();

  const inNamespace = netnsSpawner(options.namespace);
  const spawner: Spawner = {
    spawn: (_entry, name) => {
      const script = options.workerScripts[name];
      if (!script) throw new Error(`no built script for the ${name} worker`);
      return inNamespace.spawn(script, name);
    },
  };
  const engine = await startEngine({
    dataDir,
    demo: false,
    runtime: 'headless',
    spawner,
    version: 'bench',
    log: () => undefined,
  });
  const server = await startHttpServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    rendererDir: resolve('out/renderer'),
  });
  return {
    engine,
    server,
    stop: async () => {
      await server.close();
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
