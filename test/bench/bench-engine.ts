// The engine as the app runs it, for the benchmarks: startEngine on a fresh SQLite store seeded
// with loopback devices, the headless HTTP/WebSocket server in front of it, and its workers —
// built, as Vigia ships them — inside a network namespace the benchmark created.
import { mkdtempSync, rmSync } from 'node:fs';
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

/** A self-contained script of a TypeScript entry; raw-socket (native) stays a package import. */
export async function bundle(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, entry.replace(/[/.]/g, '_') + '.cjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['raw-socket'],
    logLevel: 'error',
  });
  return outfile;
}

/** Both workers built into `outDir` (inside the project, so that they find raw-socket). */
export async function bundleWorkers(outDir: string): Promise<Record<'pinger' | 'snmp', string>> {
  return {
    pinger: await bundle('electron/workers/pinger/index.ts', outDir),
    snmp: await bundle('electron/workers/snmp/index.ts', outDir),
  };
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
