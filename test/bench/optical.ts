// npm run bench:optical — one measures round of a simulated Padtec backbone (2,000 cards × 20
// measures), end to end as the app runs it: the Smart API simulator in a process of its own on
// loopback, the collector in its worker process (fetch, parse), the optical service in this one
// (store in SQLite, rules, alarms). A first round registers the measures; the second is measured.
// Prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpticalConfigInput } from '../../shared/contract/optical';
import { opticalWorkerApi } from '../../shared/contract/optical-worker';
import { defaultCadences, defaultRules } from '../../shared/domain/optical/defaults';
import { workerOpticalTransport } from '../../electron/engine/collectors/optical-port';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { resolveWorkerEntry } from '../../electron/engine/collectors/worker-entry';
import { MemoryAlarmPort } from '../helpers/memory-alarm-port';
import { OpticalService } from '../../electron/engine/optical/optical-service';
import { openStore } from '../../electron/engine/store/open-store';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';

const SITES = 100;
const CARDS_PER_SITE = 20;
const MEASURES_PER_CARD = 20;

async function startSimulator(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/sim/padtec.ts',
      '--port',
      '0',
      '--sites',
      String(SITES),
      '--cards-per-site',
      String(CARDS_PER_SITE),
      '--measures-per-card',
      String(MEASURES_PER_CARD),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { url: string }).url),
    );
    child.on('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-optical-'));
  const sim = await startSimulator();
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
  const alarms = new MemoryAlarmPort();
  const service = await OpticalService.start({
    repo,
    cipher: createFileKeyCipher(dir),
    transport: workerOpticalTransport(
      supervisor.supervise({ name: 'optical', entry: resolveWorkerEntry('optical'), api: opticalWorkerApi }),
    ),
    alarms,
    schedule: false,
    log: () => undefined,
  });
  try {
    await service.configure(
      OpticalConfigInput.parse({
        endpoints: [
          {
            id: null,
            name: 'bench',
            baseUrl: sim.url,
            username: 'admin',
            password: 'padtec',
            clientId: 'vigia-bench',
            timeZone: 'America/Sao_Paulo',
            enabled: true,
          },
        ],
        cadences: defaultCadences,
        rules: defaultRules,
      }),
      'bench',
    );
    const endpointId = service.settings().endpoints[0]!.id;
    if (!(await service.collect(endpointId, 'inventory'))) throw new Error(JSON.stringify(service.health()));
    // The first round registers 40,000 measures; the steady round is the one the cadence repeats.
    if (!(await service.collect(endpointId, 'all'))) throw new Error(JSON.stringify(service.health()));
    const workerCpuBefore = service.collectorStats(endpointId)!.cpuMs;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    if (!(await service.collect(endpointId, 'all'))) throw new Error(JSON.stringify(service.health()));
    const wallS = (performance.now() - started) / 1_000;
    const cpu = process.cpuUsage(cpuBefore);
    const stats = service.collectorStats(endpointId)!;
    const health = service.health()[0]!;
    const cpuS = (cpu.user + cpu.system) / 1e6 + (stats.cpuMs - workerCpuBefore) / 1_000;
    process.stdout.write(
      JSON.stringify({
        cards: health.cards,
        measures: health.measures,
        round_wall_s: Number(wallS.toFixed(3)),
        round_cpu_s: Number(cpuS.toFixed(3)),
        rows_per_s: Math.round(health.measures / wallS),
        rss_mb: Math.round(stats.rssMb),
      }) + '\n',
    );
  } finally {
    await service.stop();
    await supervisor.stopAll();
    await repo.close();
    sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
