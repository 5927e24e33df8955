// npm run bench:ping (as root) [-- --engine-minutes 10] — Vigia's pinger against fping on the
// same 10,000 targets, 1,000 of them silent, one echo each with a 1 s timeout, inside a network
// namespace this script creates and removes. Both are timed the same way: the whole process under
// /usr/bin/time, start-up and socket creation included; both must find 9,000 up and 1,000 down.
// Then the CPU of the whole engine as the app runs it (startEngine + the headless server, real
// pinger worker in the namespace) with 10,000 devices at a 30 s interval for --engine-minutes
// (default 10: one period of the monitor's forced sample), beside the bare monitor's figure (a
// Monitor and the pinger worker alone) over as long. Both Node programs run built, as Vigia ships.
// Prints one JSON line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createNetns, netnsUnavailable, type Netns } from '../helpers/netns';
import { bundle, bundleWorkers } from './bench-engine';
import { measureEngineCpu } from './engine-cpu';
import { measureWholeEngineCpu } from './engine-cpu-whole';
import { pingerWorkerInNetns } from './ping-worker';
import { SILENT_RANGE, benchTargets } from './ping-targets';

const ANSWERING = 9_000;
const ENGINE = { devices: 10_000, intervalMs: 30_000 };
const SILENT = 1_000;
const FORCED_SAMPLE_MINUTES = 10;

function engineMinutes(): number {
  const at = process.argv.indexOf('--engine-minutes');
  const minutes = at === -1 ? FORCED_SAMPLE_MINUTES : Number(process.argv[at + 1]);
  if (!(minutes > 0)) throw new Error('--engine-minutes takes a positive number of minutes');
  return minutes;
}

interface Counts {
  wall_s: number;
  cpu_s: number;
  up: number;
  down: number;
}

/** Wall and CPU seconds of a whole command, as /usr/bin/time reports them (last line of its file). */
function readTime(file: string): { wall_s: number; cpu_s: number } {
  const [wall, user, sys] = readFileSync(file, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  return { wall_s: wall, cpu_s: Number((user + sys).toFixed(3)) };
}

async function runVigia(ns: Netns, script: string, dir: string): Promise<Counts & { rss_mb: number }> {
  const timing = join(dir, 'vigia-time.out');
  const output = await ns.exec('/usr/bin/time', [
    '-f',
    '%e %U %S',
    '-o',
    timing,
    process.execPath,
    script,
    String(ANSWERING),
    String(SILENT),
  ]);
  const inside = JSON.parse(output) as { up: number; down: number; rss_mb: number };
  return { ...readTime(timing), up: inside.up, down: inside.down, rss_mb: inside.rss_mb };
}

async function runFping(ns: Netns, dir: string): Promise<Counts> {
  const list = join(dir, 'targets.txt');
  writeFileSync(
    list,
    benchTargets(ANSWERING, SILENT)
      .map((target) => `${target.host}\n`)
      .join(''),
  );
  const timing = join(dir, 'time.out');
  const verdictsFile = join(dir, 'fping.out');
  // fping exits 1 when some targets are unreachable, which they are meant to be.
  const script =
    `/usr/bin/time -f '%e %U %S' -o ${timing} fping -c1 -t1000 -r0 -i0 -q -f ${list} 2>${verdictsFile}; ` +
    `[ $? -le 1 ]`;
  await ns.exec('sh', ['-c', script]);
  // One summary line per target: "127.1.0.1 : xmt/rcv/%loss = 1/1/0%, min/avg/max = …".
  const verdicts = readFileSync(verdictsFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('xmt/rcv/%loss'));
  const up = verdicts.filter((line) => /xmt\/rcv\/%loss = 1\/1\//.test(line)).length;
  // A line about fping's exit status may come before the timing line: readTime takes the last.
  return { ...readTime(timing), up, down: verdicts.length - up };
}

/** The bare monitor: a Monitor on its store and the pinger worker, nothing else of the engine. */
async function monitorOnlyCpu(ns: Netns, workerScript: string, durationMs: number): Promise<number> {
  const worker = pingerWorkerInNetns(ns.name, workerScript);
  try {
    const monitor = await measureEngineCpu({ ...ENGINE, durationMs, transport: worker.transport });
    return Number((monitor + worker.cpuPctSinceFirstRun()).toFixed(2));
  } finally {
    await worker.stop();
  }
}

/** Both tools must see exactly the answering hosts up and the silent ones down. */
function assertVerdicts(tool: string, counts: Counts): void {
  if (counts.up !== ANSWERING || counts.down !== SILENT)
    throw new Error(`${tool} found ${counts.up} up / ${counts.down} down, not ${ANSWERING} / ${SILENT}`);
}

async function main(): Promise<void> {
  const unavailable = netnsUnavailable();
  if (unavailable) throw new Error(`bench:ping: ${unavailable}`);
  // Inside the project, so that the built scripts find raw-socket in node_modules.
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'vigia-bench-ping-'));
  const ns = await createNetns('vigia-bench');
  try {
    await ns.silence(SILENT_RANGE);
    const vigia = await runVigia(ns, await bundle('test/bench/ping-process.ts', dir), dir);
    assertVerdicts('Vigia', vigia);
    const fping = await runFping(ns, dir);
    assertVerdicts('fping', fping);
    const minutes = engineMinutes();
    const durationMs = minutes * 60_000;
    const workerScripts = await bundleWorkers(dir);
    const engine = await measureWholeEngineCpu({
      namespace: ns.name,
      workerScripts,
      ...ENGINE,
      durationMs,
    });
    const monitorOnly = await monitorOnlyCpu(ns, workerScripts.pinger, durationMs);
    process.stdout.write(
      JSON.stringify({
        targets: ANSWERING + SILENT,
        silent: SILENT,
        timing: 'whole process under /usr/bin/time for both, start-up and socket creation included',
        vigia,
        fping,
        ratios: {
          wall: Number((vigia.wall_s / fping.wall_s).toFixed(2)),
          cpu: Number((vigia.cpu_s / Math.max(0.001, fping.cpu_s)).toFixed(2)),
        },
        devices: ENGINE.devices,
        interval_s: ENGINE.intervalMs / 1000,
        engine_scope: 'startEngine',
        engine_minutes: minutes,
        forced_sample_periods: minutes / FORCED_SAMPLE_MINUTES,
        // % of one core: the engine's process (with the server) plus its worker processes.
        engine_cpu_pct: engine.total_pct,
        engine_cpu_breakdown: {
          engine_and_server_pct: engine.engine_and_server_pct,
          workers_pct: engine.workers_pct,
          split_pct: engine.split_pct,
          cycles: engine.cycles,
        },
        // A Monitor with the pinger worker alone, over as many minutes.
        monitor_only_cpu_pct: monitorOnly,
      }) + '\n',
    );
  } finally {
    await ns.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
