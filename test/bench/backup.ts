// npm run bench:backup — "backup all" over 3,000 fake devices on loopback (each answering after 1 s
// with a 200 KB configuration, served by ssh2 in two processes of their own), 50 at a time,
// through the real path: the backup service with a SQLite store, the worker process over IPC.
// Then a second, unchanged round. Prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkSpawner } from '../../electron/engine/collectors/spawner';
import { Supervisor } from '../../electron/engine/collectors/supervisor';
import { BACKUP_SETTINGS_KEY } from '../../electron/engine/backup/backup-service';
import { openStore } from '../../electron/engine/store/open-store';
import { createFileKeyCipher } from '../../electron/engine/store/secret-cipher';
import { saveFakeTarget, workerBackupService } from '../helpers/backup-jobs';
import { BENCH_SSH_PORT, benchDeviceAddress } from './backup-targets';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 3_000);
const WORKERS = 50;
const FLEET_PROCESSES = 2;

interface Fleet {
  pid: number;
  stop(): Promise<void>;
}

/** CPU seconds a process has used so far (user + system), from the kernel's accounting. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function startFleet(first: number, count: number): Promise<Fleet> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/backup-fleet-process.ts', String(first), String(count)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready'))
        resolve({
          pid: child.pid!,
          stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
        });
    });
    child.once('exit', (code) => reject(new Error(`fleet exited early (${code})`)));
  });
}

/** The worker's peak resident memory, from the kernel's high-water mark. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `vigia-bench-backup-${process.pid}-`));
  const per = Math.ceil(DEVICES / FLEET_PROCESSES);
  const fleets = await Promise.all(
    Array.from({ length: FLEET_PROCESSES }, (_, share) =>
      startFleet(share * per, Math.min(per, DEVICES - share * per)),
    ),
  );
  const repo = await openStore({ dialect: 'sqlite', file: join(dir, 'vigia.db') });
  const supervisor = new Supervisor({ spawner: forkSpawner, log: () => undefined });
  try {
    const cipher = createFileKeyCipher(dir);
    const devices = await repo.devices.createMany(
      Array.from({ length: DEVICES }, (_, index) => ({
        name: `bench-${index}`,
        host: benchDeviceAddress(index),
        kind: 'router' as const,
      })),
    );
    for (const device of devices) await saveFakeTarget(repo, cipher, device, BENCH_SSH_PORT);
    await repo.settings.set(BACKUP_SETTINGS_KEY, { parallelism: WORKERS });
    const { worker, service } = workerBackupService(supervisor, repo, cipher);

    // A call that does nothing but wait for the worker to run, so that its pid is known.
    await worker.call('backup.cancel', { deviceIds: [1] });
    const pid = supervisor.health().find((health) => health.name === 'backup')?.pid ?? 0;
    // CPU seconds of the worker, the fake fleet and this process (the engine's part): unlike the
    // wall time, they do not depend on what else shares the machine.
    const cpu = () => ({
      worker: cpuSeconds(pid),
      fleet: fleets.reduce((sum, fleet) => sum + cpuSeconds(fleet.pid), 0),
      engine: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const round = async () => {
      const before = cpu();
      const started = performance.now();
      await service.start(null);
      await service.whenIdle();
      const after = cpu();
      const wall = (performance.now() - started) / 1000;
      // How much of the lanes' time the worker spent on jobs: the rest is the engine between jobs.
      const targets = await repo.backup.targets();
      const jobSeconds = targets.reduce((sum, t) => sum + (t.lastDurationMs ?? 0), 0) / 1000;
      // Why jobs failed, so that a failure is explained in the figures themselves.
      const failureCodes: Record<string, number> = {};
      for (const { lastFailureCode: code } of targets)
        if (code) failureCodes[code] = (failureCodes[code] ?? 0) + 1;
      const used = (key: keyof typeof before) =>
        Number((((after[key] - before[key]) / DEVICES) * 1000).toFixed(1));
      return {
        wall,
        jobMeanS: Number((jobSeconds / DEVICES).toFixed(3)),
        laneBusy: Number((jobSeconds / (WORKERS * wall)).toFixed(2)),
        progress: service.progress()!,
        failureCodes,
        cpuMsPerDevice: { worker: used('worker'), fleet: used('fleet'), engine: used('engine') },
      };
    };
    const loadAtStart = loadavg()[0]!;
    const first = await round();
    const versionsAfterFirst = (await repo.backup.versionStats()).reduce((sum, row) => sum + row.versions, 0);
    const bytesAfterFirst = await repo.backup.storedBytes();
    const second = await round();
    const versionsAfterSecond = (await repo.backup.versionStats()).reduce(
      (sum, row) => sum + row.versions,
      0,
    );
    process.stdout.write(
      JSON.stringify({
        devices: DEVICES,
        workers: WORKERS,
        wall_s: Number(first.wall.toFixed(1)),
        per_min: Math.round((DEVICES / first.wall) * 60),
        rss_mb: peakRssMb(pid),
        failures: first.progress.failed,
        failure_codes: first.failureCodes,
        unchanged_round_new_versions: versionsAfterSecond - versionsAfterFirst,
        unchanged_round_store_bytes: (await repo.backup.storedBytes()) - bytesAfterFirst,
        unchanged_round_wall_s: Number(second.wall.toFixed(1)),
        unchanged_round_failures: second.progress.failed,
        floor_s: (DEVICES * 1) / WORKERS,
        goal_s: Number(((DEVICES * 1.15) / WORKERS).toFixed(1)),
        stored_mb_first_round: Number((bytesAfterFirst / 1e6).toFixed(1)),
        job_mean_s: first.jobMeanS,
        lane_busy_share: first.laneBusy,
        cpu_ms_per_device: first.cpuMsPerDevice,
        unchanged_round_cpu_ms_per_device: second.cpuMsPerDevice,
        cores: cpus().length,
        load_avg_1m: { start: Number(loadAtStart.toFixed(1)), end: Number(loadavg()[0]!.toFixed(1)) },
      }) + '\n',
    );
  } finally {
    await supervisor.stopAll();
    await repo.close();
    await Promise.all(fleets.map((fleet) => fleet.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
