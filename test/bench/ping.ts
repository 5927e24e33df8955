// npm run bench:ping (as root) — Vigia's pinger against fping on the same 10,000 targets, 1,000 of
// them silent, one echo each with a 1 s timeout, inside a network namespace this script creates
// and removes; then the whole engine's CPU with 10,000 devices at a 30 s interval, the pinger
// worker in the namespace. Both Node programs run built, as Vigia ships. Prints one JSON line.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createNetns, netnsUnavailable, type Netns } from '../helpers/netns';
import { measureEngineCpu } from './engine-cpu';
import { pingerWorkerInNetns } from './ping-worker';
import { SILENT_RANGE, benchTargets } from './ping-targets';

const ANSWERING = 9_000;
const SILENT = 1_000;
const ENGINE = { devices: 10_000, intervalMs: 30_000, durationMs: 120_000 };

interface Counts {
  wall_s: number;
  cpu_s: number;
  up: number;
  down: number;
}

/** A self-contained script of a TypeScript entry; raw-socket (native) stays a package import. */
async function bundle(entry: string, outDir: string): Promise<string> {
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

async function runVigia(ns: Netns, script: string): Promise<Counts & { rss_mb: number }> {
  const output = await ns.exec(process.execPath, [script, String(ANSWERING), String(SILENT)]);
  return JSON.parse(output) as Counts & { rss_mb: number };
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
  // The last line: a line about fping's exit status may come before it.
  const [wall, user, sys] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  // One summary line per target: "127.1.0.1 : xmt/rcv/%loss = 1/1/0%, min/avg/max = …".
  const verdicts = readFileSync(verdictsFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('xmt/rcv/%loss'));
  const up = verdicts.filter((line) => /xmt\/rcv\/%loss = 1\/1\//.test(line)).length;
  return { wall_s: wall, cpu_s: Number((user + sys).toFixed(3)), up, down: verdicts.length - up };
}

async function engineCpu(ns: Netns, workerScript: string): Promise<{ monitor: number; pinger: number }> {
  const worker = pingerWorkerInNetns(ns.name, workerScript);
  try {
    const monitor = await measureEngineCpu({ ...ENGINE, transport: worker.transport });
    return { monitor, pinger: worker.cpuPctSinceFirstRun() };
  } finally {
    await worker.stop();
  }
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
    const vigia = await runVigia(ns, await bundle('test/bench/ping-process.ts', dir));
    const fping = await runFping(ns, dir);
    const engine = await engineCpu(ns, await bundle('electron/workers/pinger.ts', dir));
    process.stdout.write(
      JSON.stringify({
        targets: ANSWERING + SILENT,
        silent: SILENT,
        vigia,
        fping,
        ratios: {
          wall: Number((vigia.wall_s / fping.wall_s).toFixed(2)),
          cpu: Number((vigia.cpu_s / Math.max(0.001, fping.cpu_s)).toFixed(2)),
        },
        // The whole engine: the monitor's process plus the pinger worker, % of one core.
        engine_cpu_pct: Number((engine.monitor + engine.pinger).toFixed(2)),
        engine_cpu_breakdown: { monitor_pct: engine.monitor, pinger_worker_pct: engine.pinger },
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
